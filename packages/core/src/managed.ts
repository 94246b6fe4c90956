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
 * Checks a `managed` option and returns it as a map. `known`, when given, is the list of setting
 * ids the caller has; any other id is refused.
 * @throws {TypeError} naming the setting when an entry is not `{ value: false, reason }` with a
 *   non-empty reason, above all when `value` is `true`.
 */
export function readManaged(input: unknown, caller: string, known?: readonly SettingId[]): ReadonlyMap<SettingId, ManagedSetting> {
  const result = new Map<SettingId, ManagedSetting>()
  if (input == null) return result
  // Production builds keep the check and name the value; the explanation is development-only.
  const bad = (where: string, value: unknown, expected: string | false) =>
    new TypeError(expected ? `${caller}: ${where} is ${describe(value)}, expected ${expected}` : `${where} ${describe(value)}`)
  if (typeof input !== 'object' || Array.isArray(input)) throw bad('managed', input, process.env.NODE_ENV !== 'production' && 'an object of { value: false, reason } by setting id')
  for (const [id, entry] of Object.entries(input)) {
    const where = `managed[${JSON.stringify(id)}]`
    if (known && !known.includes(id)) throw bad(where, entry, process.env.NODE_ENV !== 'production' && `an entry for a known setting, one of: ${known.join(', ')}`)
    const { value, reason } = (entry ?? {}) as { value?: unknown; reason?: unknown }
    if (value !== false || typeof reason !== 'string' || !reason.trim()) {
      throw bad(where, entry, process.env.NODE_ENV !== 'production' && (value === true
        ? "value: false (a managed setting can only be held off: consent cannot be given on someone's behalf)"
        : '{ value: false, reason } with a non-empty reason'))
    }
    result.set(id, Object.freeze({ value: false, reason }))
  }
  return result
}
