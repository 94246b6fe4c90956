import { checkClock } from './clock'
import { describe } from './errors'
import { MAX_TEXT_LENGTH } from './records'
import type { SettingGraph } from './settings'
import type { ConsentStoreOptions, SetSource } from './types'

/** Throws a `TypeError` naming the first bad option and what was expected. */
export function validateOptions(options: ConsentStoreOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `createConsentStore expects an options object with a policyVersion, got ${describe(options)}`
        : 'options',
    )
  }
  const { policyVersion, storage, now, onError, eventTarget } = options
  if (typeof policyVersion !== 'string' || policyVersion.trim() === '') {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `policyVersion must be a non-empty string, got ${describe(policyVersion)}`
        : `policyVersion ${describe(policyVersion)}`,
    )
  }
  // Whatever the store writes, a store on the same storage must read back.
  if (policyVersion.length > MAX_TEXT_LENGTH) {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `policyVersion must be at most ${MAX_TEXT_LENGTH} characters (stored data allows no longer), got ${describe(policyVersion)}`
        : `policyVersion ${describe(policyVersion)}`,
    )
  }
  if (storage !== undefined) {
    const s = storage as unknown as Record<string, unknown> | null
    if (typeof s !== 'object' || s === null || typeof s.load !== 'function' || typeof s.save !== 'function') {
      throw new TypeError(
        process.env.NODE_ENV !== 'production'
          ? `storage must have load() and save(data) methods, got ${describe(storage)}`
          : 'storage',
      )
    }
    if (s.subscribe !== undefined && typeof s.subscribe !== 'function') {
      throw new TypeError(
        process.env.NODE_ENV !== 'production'
          ? `storage.subscribe must be a function if given, got ${describe(s.subscribe)}`
          : 'storage.subscribe',
      )
    }
  }
  if (now !== undefined && typeof now !== 'function') {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `now must be a function returning a Date, got ${describe(now)}`
        : 'now',
    )
  }
  if (now !== undefined) checkClock(now)
  if (onError !== undefined && typeof onError !== 'function') {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `onError must be a function, got ${describe(onError)}`
        : 'onError',
    )
  }
  if (eventTarget !== undefined && typeof (eventTarget as EventTarget | null)?.dispatchEvent !== 'function') {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `eventTarget must be an EventTarget, got ${describe(eventTarget)}`
        : 'eventTarget',
    )
  }
}

/** The `TypeError` for a setting id the store does not know, naming it and the known ids. */
export function unknownSetting(graph: SettingGraph, setting: unknown): TypeError {
  return new TypeError(
    process.env.NODE_ENV !== 'production'
      ? `Unknown setting ${describe(setting)}; expected one of: ${graph.ids.join(', ')}`
      : `setting ${describe(setting)}`,
  )
}

/** Checks the arguments of `store.set`; returns the source. A `TypeError` names the bad value. */
export function validateSetArguments(graph: SettingGraph, setting: unknown, value: unknown, options: unknown): SetSource {
  if (!graph.has(setting)) throw unknownSetting(graph, setting)
  if (typeof value !== 'boolean') {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `Value for ${describe(setting)} must be true or false, got ${describe(value)}`
        : `value ${describe(value)}`,
    )
  }
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `set options must be an object like { source: 'user' }, got ${describe(options)}`
        : 'options',
    )
  }
  const record = (options as { record?: unknown } | undefined)?.record
  if (record !== undefined && typeof record !== 'boolean') {
    throw new TypeError(`set option record must be true or false, got ${describe(record)}`)
  }
  const source = (options as { source?: unknown } | undefined)?.source ?? 'user'
  if (source !== 'user' && source !== 'api') {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `Unknown source ${describe(source)}; set accepts 'user' or 'api'`
        : `source ${describe(source)}`,
    )
  }
  return source
}
