import { describe } from './errors'
import type { SettingId } from './types'

/**
 * Why a setting is managed: an organization's policy, the person's age, their region, or a
 * reason of the app's own (explain it through the `managedOther` message).
 */
export type ManagedReason = 'organization' | 'age' | 'region' | (string & {})

/**
 * A setting held off by a rule the person cannot change. Only `false`: consent cannot be given
 * on someone's behalf, so a managed setting can only be held off.
 */
export interface ManagedSetting {
  readonly value: false
  readonly reason: ManagedReason
}

/** Managed settings by id, as the store option and the components' `managed` prop take them. */
export type ManagedSettings = Readonly<Record<SettingId, ManagedSetting>>

/**
 * Checks a `managed` option and returns it as a frozen map. `known`, when given, is the list of
 * setting ids the caller has; any other id is refused.
 * @throws {TypeError} naming the setting when an entry is not `{ value: false, reason }` with a
 *   non-empty reason, above all when `value` is `true`.
 */
export function readManaged(input: unknown, caller: string, known?: readonly SettingId[]): ReadonlyMap<SettingId, ManagedSetting> {
  const result = new Map<SettingId, ManagedSetting>()
  if (input === undefined || input === null) return result
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new TypeError(`${caller}: managed is ${describe(input)}, expected an object of { value: false, reason } by setting id`)
  }
  for (const [id, entry] of Object.entries(input)) {
    const where = `${caller}: managed[${JSON.stringify(id)}]`
    if (known && !known.includes(id)) {
      throw new TypeError(`${where} names an unknown setting; expected one of: ${known.join(', ')}`)
    }
    const value: unknown = (entry as { value?: unknown } | null)?.value
    const reason: unknown = (entry as { reason?: unknown } | null)?.reason
    if (value === true) {
      throw new TypeError(
        `${where}.value is true, but a managed setting can only be held off: consent to ${JSON.stringify(id)} cannot be given on someone's behalf`,
      )
    }
    if (typeof entry !== 'object' || entry === null || value !== false) {
      throw new TypeError(`${where} is ${describe(entry)}, expected { value: false, reason }`)
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new TypeError(`${where}.reason is ${describe(reason)}, expected 'organization', 'age', 'region' or a non-empty string of your own`)
    }
    result.set(id, Object.freeze({ value: false, reason }))
  }
  return result
}
