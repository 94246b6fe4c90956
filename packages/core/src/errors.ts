import type { ConsentErrorCode, ConsentErrorLike, SettingId } from './types'

/** Every problem the store reports is a `ConsentError` with a `code` and, where it applies, the `setting`. */
export class ConsentError extends Error implements ConsentErrorLike {
  readonly code: ConsentErrorCode
  readonly setting: SettingId | undefined
  constructor(code: ConsentErrorCode, message: string, options?: { setting?: SettingId; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ConsentError'
    this.code = code
    this.setting = options?.setting
  }
}

/** Shows a value in an error message without throwing on odd inputs. */
export function describe(value: unknown): string {
  // Long strings are cut before quoting, so a 2 MB stored value never becomes a 2 MB message.
  if (typeof value === 'string') {
    return value.length > 80 ? `${JSON.stringify(value.slice(0, 77))}... (${value.length} characters)` : JSON.stringify(value)
  }
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'symbol' || typeof value === 'function') return String(value)
  if (value === null || typeof value !== 'object') return String(value)
  try {
    const text = JSON.stringify(value)
    return text.length > 80 ? `${text.slice(0, 77)}...` : text
  } catch {
    return Object.prototype.toString.call(value)
  }
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
export function isStorageAbsentOnServer(cause: unknown): boolean {
  return typeof window === 'undefined' && typeof cause === 'object' && cause !== null && absentStorageErrors.has(cause)
}
