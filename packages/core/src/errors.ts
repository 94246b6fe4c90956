import type { ConsentErrorCode, ConsentErrorLike, SettingId } from './types'

/** Every problem the store reports is a `ConsentError` with a `code` and, where it applies, the `setting`. */
export class ConsentError extends Error implements ConsentErrorLike {
  // Declared only: the constructor sets them (a class field would also be emitted as a definition).
  declare readonly code: ConsentErrorCode
  declare readonly setting: SettingId | undefined
  constructor(code: ConsentErrorCode, message: string, options?: { setting?: SettingId | undefined; cause?: unknown }) {
    // Error reads only `cause` from its options, and only when it is there.
    super(message, options)
    this.name = 'ConsentError'
    this.code = code
    this.setting = options?.setting
  }
}

/** Throws a `TypeError` with `message`: the programmer passed something the store cannot use. */
export function typeError(message: string): never {
  throw new TypeError(message)
}

/** Shows a value in an error message without throwing on odd inputs; long text is cut (a long string before it is quoted). */
export function describe(value: unknown): string {
  let text: string
  try {
    text =
      typeof value === 'bigint'
        ? `${value}n`
        : typeof value === 'string' || (typeof value === 'object' && value)
          ? String(JSON.stringify(typeof value === 'string' ? value.slice(0, 81) : value))
          : String(value)
  } catch {
    text = Object.prototype.toString.call(value)
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

/** Errors that mean "there is no browser storage here at all" (a server render), not a failure. */
const absentStorageErrors = new WeakSet<object>()

/** An error saying `what` does not exist here; on a server the store runs in memory without reporting it. */
export function storageAbsentError(what: string): Error {
  const error = new Error(`${what} is not available here`)
  absentStorageErrors.add(error)
  return error
}

/** True on a server (no `window`) for an error from `storageAbsentError`: nothing to report. */
export const isStorageAbsentOnServer = (cause: unknown): boolean =>
  typeof window === 'undefined' && absentStorageErrors.has(cause as object)
