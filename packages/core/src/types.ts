import type { ManagedSetting, ManagedSettings } from './managed'
/** A stable setting id, such as `improve-model`. */
export type SettingId = string

/**
 * How a change came about.
 * - `user`: the person flipped the setting.
 * - `api`: the app set it explicitly (including an uncontrolled `defaultValue`).
 * - `sync`: another tab of the same person changed it.
 * - `policy`: an opt-in lapsed because the policy version changed.
 * - `cascade`: turned off because a setting it requires was turned off.
 * - `reset`: turned off by `store.reset()`.
 */
export type ChangeSource = 'user' | 'api' | 'sync' | 'policy' | 'cascade' | 'reset'

/** The sources a caller may pass to `store.set`. */
export type SetSource = 'user' | 'api'

/** Defines one consent setting. */
export interface SettingDefinition {
  /** Stable id; also the key in snapshots and stored data. */
  readonly id: SettingId
  /** Setting(s) that must be on for this one to count. A single id or a list. */
  readonly requires?: SettingId | readonly SettingId[]
}

/** A saved decision: what was chosen, when, under which policy, and how. */
export interface ConsentDecision {
  readonly value: boolean
  /** ISO 8601 time of the decision. */
  readonly decidedAt: string
  /** The policy version the decision was made under. */
  readonly policyVersion: string
  readonly source: ChangeSource
}

/** The state of one setting in a snapshot. */
export interface SettingState {
  /** The saved value. Never shows a value that storage has not accepted. */
  readonly value: boolean
  /** `value` and every setting it requires are on. */
  readonly effective: boolean
  /** A save for this setting is in flight. */
  readonly pending: boolean
  /** The last save for this setting failed; cleared by the next attempt. */
  readonly error: ConsentErrorLike | null
  /** The saved decision, or `null` if the person never decided. */
  readonly decision: ConsentDecision | null
  /** An opt-in lapsed under a new policy version and the person has not decided again. */
  readonly needsReconsent: boolean
  /**
   * `{ value: false, reason }` while the store's `managed` option holds this setting off (then
   * `value` and `effective` are false, `set` rejects with code `managed`, and `decision` is still
   * the person's own saved decision, which applies again when the lock is lifted); else `null`.
   */
  readonly managed: ManagedSetting | null
}

/** Minimal shape of the errors the store reports (see `ConsentError`). */
export interface ConsentErrorLike extends Error {
  readonly code: ConsentErrorCode
  readonly setting?: SettingId | undefined
}

/** Machine-readable error codes. */
export type ConsentErrorCode =
  | 'storage-unavailable'
  | 'storage-invalid'
  | 'save-failed'
  | 'requirement-off'
  | 'listener-failed'
  | 'destroyed'
  /** Storage refused a save because it changed since it was read (for example HTTP 412): reload, merge, save again. */
  | 'conflict'
  /** The setting is managed (by an organization, age or region rule) and the person cannot change it. */
  | 'managed'
  /** The `now` option gave no usable time; the decision was dated by the system clock instead. */
  | 'clock-invalid'

/** An immutable view of the store. The same object is returned until something changes. */
export interface ConsentSnapshot {
  /** `loading` until stored state has been read. */
  readonly status: 'loading' | 'ready'
  readonly policyVersion: string
  readonly settings: Readonly<Record<SettingId, SettingState>>
}

/** The payload of every `consent-change` event. Frozen. */
export interface ConsentChangeEvent {
  readonly type: 'consent-change'
  readonly setting: SettingId
  readonly value: boolean
  readonly previousValue: boolean
  /** Whether the setting counts after this change (it and its requirements are on). */
  readonly effective: boolean
  readonly source: ChangeSource
  readonly policyVersion: string
  /** ISO 8601 time of the change; equals the decision's `decidedAt`. */
  readonly timestamp: string
}

/** The data the store hands to storage: versioned JSON. */
export interface StoredConsent {
  readonly formatVersion: 1
  readonly decisions: Readonly<Record<SettingId, ConsentDecision>>
}

/**
 * Where decisions are kept. Each method may be sync or async.
 * `load` returns what was saved (a `StoredConsent` object or its JSON string), or `null`.
 * The store validates everything it loads, so an adapter can return raw data.
 */
export interface ConsentStorage {
  load(): unknown
  /**
   * Stores `data`. To report that storage changed since it was read (for example HTTP 412), throw
   * or reject with an error whose `code` is `'conflict'` (or that has `conflict: true`): the store
   * reads again, merges its own decisions in by the merge rule and saves once more.
   */
  save(data: StoredConsent): void | Promise<void>
  /**
   * Calls `onExternalChange` when stored data may have changed elsewhere (another tab, another
   * device, the window regaining focus). It is a hint: the store reads `load()` again and merges
   * what it finds, whatever the callback was given. Returns an unsubscribe.
   */
  subscribe?(onExternalChange: (data: unknown) => void): () => void
}

/** Options for `createConsentStore`. */
export interface ConsentStoreOptions {
  /** The version of the disclosure the person is shown. Required, non-empty. */
  policyVersion: string
  /** Setting definitions. Default: `modelImprovementSettings`. */
  settings?: readonly SettingDefinition[]
  /** Where decisions are kept. Default: in memory. */
  storage?: ConsentStorage
  /** Clock, for tests. Default: `() => new Date()`. */
  now?: () => Date
  /** Called for every reported problem. Default: `console.error`. */
  onError?: (error: ConsentErrorLike) => void
  /** If given, each change is also dispatched as `CustomEvent('consent-change', { detail })`. */
  eventTarget?: EventTarget
  /**
   * Settings held off by a rule the person cannot change, by id: `{ 'improve-model': { value:
   * false, reason: 'organization' } }` (`'organization'`, `'age'`, `'region'` or your own reason).
   * A managed setting reads off (`effective` false, and so do the settings that require it), its
   * snapshot entry says `managed: { value, reason }`, `set` on it rejects with a `ConsentError` of
   * code `managed`, and nothing is saved as the person's decision. Create the store without it to
   * lift the lock: the person's own saved decision applies again. `value: true` is a `TypeError`
   * naming the setting: consent cannot be given on someone's behalf.
   */
  managed?: ManagedSettings
  /**
   * Decisions already known where the page is rendered (a server that read them from its
   * database), in the stored format: a `StoredConsent` object, its JSON text, or `null` for
   * "nothing decided yet". Validated exactly like a load, setting by setting: anything invalid
   * is reported through `onError` and reads off; opt-ins under another `policyVersion` lapse.
   *
   * With it, the store starts `ready` showing these decisions: `getServerSnapshot()` and the
   * first client snapshot are the same, so server HTML and hydration match with no flash. Writes
   * still wait until storage has been read in the browser; what storage holds is then merged in
   * by the merge rule (the later decision wins, off on a tie), and a differing result is shown
   * with `sync` events and saved back.
   * @example
   * createConsentStore({ policyVersion: '2026-11', storage: httpStorage('/api/consent'), initialData: await readConsent(userId) })
   */
  initialData?: StoredConsent | string | null | undefined
}

/** Options for `store.set`. */
export interface SetOptions {
  source?: SetSource
  /**
   * Record the decision even when the value does not change: an explicit "Keep off" becomes
   * the person's (`source`) decision under the current policy version. No event fires, since
   * nothing changed; the snapshot's `decision` does. Default `false`: a `set` that changes
   * nothing does nothing.
   */
  record?: boolean
}

/** A consent store. Every method works unbound. */
export interface ConsentStore {
  getSnapshot(): ConsentSnapshot
  /**
   * One setting's state: the same object as `getSnapshot().settings[setting]`, but without
   * assembling the whole snapshot, so per-setting readers stay cheap with many settings.
   * A `TypeError` for an unknown id.
   */
  getSetting(setting: SettingId): SettingState
  /** The snapshot for server rendering and hydration: privacy-by-default (all off, nothing decided), or what `initialData` holds. Never changes. */
  getServerSnapshot(): ConsentSnapshot
  /** Subscribe to snapshot changes; with `setting`, only to changes of that setting. */
  subscribe(listener: () => void, setting?: SettingId): () => void
  onConsentChange(handler: (event: ConsentChangeEvent) => void): () => void
  /** Saves a value. Resolves once saved; rejects if refused or the save fails. */
  set(setting: SettingId, value: boolean, options?: SetOptions): Promise<void>
  /** Turns every setting off, recording each one that was on with source `reset`. */
  reset(): Promise<void>
  /** Settles when the stored state has been loaded. Never rejects. */
  readonly ready: Promise<void>
  /** The setting definitions, normalised (`requires` always a list). */
  readonly definitions: readonly NormalizedSettingDefinition[]
  /** Removes every listener the store added, including storage subscriptions. */
  destroy(): void
}

/** A setting definition with `requires` as a list. */
export interface NormalizedSettingDefinition {
  readonly id: SettingId
  readonly requires: readonly SettingId[]
}
