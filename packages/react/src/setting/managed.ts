import { readManaged, type ManagedReason, type ManagedSetting, type ManagedSettings } from '@model-consent/core'
import { useMemo } from '../shared/react'
import type { PartMessages } from '../messages/types'
import { MAIN_SETTING, type SettingView } from './setting-view'

/** The words for a managed setting's reason; a reason of the app's own uses `managedOther`. */
export function managedReasonText(messages: PartMessages, reason: ManagedReason): string {
  if (reason === 'organization') return messages.managedOrganization
  if (reason === 'age') return messages.managedAge
  if (reason === 'region') return messages.managedRegion
  return messages.managedOther
}

/** What the setting needs to know about managed settings, in any mode. */
export interface ManagedLocks {
  /** The lock on `id`: its own, else the main setting's (its dependents are held off too), else `null`. */
  readonly lockOf: (id: string) => ManagedSetting | null
  /** `read`, with every locked setting reading off and without a decision or re-consent notice to show. */
  readonly read: (id: string) => SettingView
}

const ownLock = (view: SettingView): ManagedSetting | null => (view as { managed?: ManagedSetting | null }).managed ?? null

/**
 * The `managed` prop as a map, refused with a `TypeError` naming the setting unless every entry is
 * `{ value: false, reason }`. Development builds explain it (the core's `readManaged`); production
 * builds keep the same refusal with a short message, without bundling that check.
 */
function readLocks(managed: unknown): ReadonlyMap<string, ManagedSetting> {
  if (process.env.NODE_ENV !== 'production') return readManaged(managed, 'ModelImprovementSetting')
  const locks = new Map<string, ManagedSetting>()
  if (managed == null) return locks
  if (typeof managed !== 'object' || Array.isArray(managed)) throw new TypeError('managed')
  for (const [id, lock] of Object.entries(managed as Record<string, Partial<ManagedSetting> | null>)) {
    if (lock?.value !== false || typeof lock.reason !== 'string' || !lock.reason.trim()) throw new TypeError(`managed[${JSON.stringify(id)}]`)
    locks.set(id, { value: false, reason: lock.reason })
  }
  return locks
}

/**
 * Combines the `managed` prop (controlled and uncontrolled modes, or on top of a store) with the
 * store's own `managed` entries. A managed setting reads off; the person's own value underneath is
 * kept, so it applies again when the lock is lifted.
 * @throws {TypeError} naming the setting when a `managed` entry is not `{ value: false, reason }`.
 */
export function useManagedLocks(managed: ManagedSettings | undefined, read: (id: string) => SettingView): ManagedLocks {
  const fromProp = useMemo(() => readLocks(managed), [managed])
  const direct = (id: string) => fromProp.get(id) ?? ownLock(read(id))
  const lockOf = (id: string) => direct(id) ?? (id === MAIN_SETTING ? null : direct(MAIN_SETTING))
  return {
    lockOf,
    read: (id) => {
      const view = read(id)
      if (!lockOf(id)) return view
      return { ...view, value: false, effective: false, decision: null, needsReconsent: false }
    },
  }
}
