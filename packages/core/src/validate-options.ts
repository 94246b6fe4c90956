import { checkClock } from './clock'
import { describe } from './errors'
import { MAX_TEXT_LENGTH } from './records'
import type { ConsentStoreOptions } from './types'

// Development-only checks of what a programmer passes, with messages that explain what was
// expected. `createConsentStore` calls these only when `process.env.NODE_ENV !== 'production'`;
// production builds keep the checks that protect saved decisions (see consent-store.ts).

/** Throws a `TypeError` naming the first bad option and what was expected. */
export function validateOptions(options: ConsentStoreOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `createConsentStore expects an options object with a policyVersion, got ${describe(options)}`,
    )
  }
  const { policyVersion, storage, now, onError, eventTarget } = options
  if (typeof policyVersion !== 'string' || policyVersion.trim() === '') {
    throw new TypeError(
      `policyVersion must be a non-empty string, got ${describe(policyVersion)}`,
    )
  }
  // Whatever the store writes, a store on the same storage must read back.
  if (policyVersion.length > MAX_TEXT_LENGTH) {
    throw new TypeError(
      `policyVersion must be at most ${MAX_TEXT_LENGTH} characters (stored data allows no longer), got ${describe(policyVersion)}`,
    )
  }
  if (storage !== undefined) {
    const s = storage as unknown as Record<string, unknown> | null
    if (typeof s !== 'object' || s === null || typeof s.load !== 'function' || typeof s.save !== 'function') {
      throw new TypeError(
        `storage must have load() and save(data) methods, got ${describe(storage)}`,
      )
    }
    if (s.subscribe !== undefined && typeof s.subscribe !== 'function') {
      throw new TypeError(
        `storage.subscribe must be a function if given, got ${describe(s.subscribe)}`,
      )
    }
  }
  if (now !== undefined && typeof now !== 'function') {
    throw new TypeError(
      `now must be a function returning a Date, got ${describe(now)}`,
    )
  }
  if (now !== undefined) checkClock(now)
  if (onError !== undefined && typeof onError !== 'function') {
    throw new TypeError(
      `onError must be a function, got ${describe(onError)}`,
    )
  }
  if (eventTarget !== undefined && typeof (eventTarget as EventTarget | null)?.dispatchEvent !== 'function') {
    throw new TypeError(
      `eventTarget must be an EventTarget, got ${describe(eventTarget)}`,
    )
  }
}

/** Checks the arguments of `store.set`. A `TypeError` names the bad value. */
export function validateSetArguments(ids: readonly string[], known: ReadonlyMap<string, number>, setting: unknown, value: unknown, options: unknown): void {
  if (!known.has(setting as string)) throw new TypeError(`Unknown setting ${describe(setting)}; expected one of: ${ids.join(', ')}`)
  if (typeof value !== 'boolean') throw new TypeError(`Value for ${describe(setting)} must be true or false, got ${describe(value)}`)
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`set options must be an object like { source: 'user' }, got ${describe(options)}`)
  }
  const record = (options as { record?: unknown } | undefined)?.record
  if (record !== undefined && typeof record !== 'boolean') throw new TypeError(`set option record must be true or false, got ${describe(record)}`)
  const source = (options as { source?: unknown } | undefined)?.source ?? 'user'
  if (source !== 'user' && source !== 'api') throw new TypeError(`Unknown source ${describe(source)}; set accepts 'user' or 'api'`)
}
