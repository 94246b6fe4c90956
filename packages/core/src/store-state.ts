import { ConsentError } from './errors'
import { createEmitter } from './events'
import { createStamper } from './clock'
import { cascade, derive, timeOf, inGraphOrder, mergeDecision, mergeRecords, sameDecision } from './merge'
import { parseStored, toStored } from './records'
import type { SettingGraph } from './settings'
import { createSnapshotKeeper, defaultSnapshot, type ManagedMap } from './snapshot'
import type {
  ChangeSource,
  ConsentChangeEvent,
  ConsentDecision,
  ConsentErrorLike,
  ConsentSnapshot,
  ConsentStorage,
  SettingId,
  StoredConsent,
} from './types'

/** One setting's new decision (`null` removes it). */
export type Change = { readonly id: SettingId; readonly decision: ConsentDecision | null }

/** What a store is made of, shared by its loading, syncing and writing parts. */
export interface StoreState {
  readonly graph: SettingGraph
  readonly policyVersion: string
  readonly storage: ConsentStorage
  readonly report: (error: ConsentErrorLike) => void
  readonly serverSnapshot: ConsentSnapshot
  readonly keeper: ReturnType<typeof createSnapshotKeeper>
  readonly emitter: ReturnType<typeof createEmitter>
  readonly listeners: Set<() => void>
  readonly settingListeners: Map<SettingId, Set<() => void>>
  /** Every decision known, as stored (merged by the rule from storage, initialData and saves of this store). */
  known: Map<SettingId, ConsentDecision>
  /** What the decisions mean for the person (`cascade` of `known`): what the snapshot shows. */
  decisions: Map<SettingId, ConsentDecision>
  readonly pending: Map<SettingId, number>
  readonly errors: Map<SettingId, ConsentErrorLike>
  status: 'loading' | 'ready'
  /** Storage has been read (or found unusable). Writes wait for it, even when `initialData` made the status `ready` earlier. */
  loaded: boolean
  /** The decisions `initialData` held, as validated (before policy and cascade), or `undefined` without `initialData`. */
  readonly initial: ReadonlyMap<SettingId, ConsentDecision> | undefined
  /** Choices are kept in memory only: no storage was given, or it could not be read. Nothing is saved. */
  memoryOnly: boolean
  destroyed: boolean
  /** Event handlers are running (writes wait rather than nest). */
  emitting: number
  /** Every setting needs recomputing at the next publish (after loading). */
  touchedAll: boolean
  /**
   * Every cascade decision the person sees is also in `known` (it was saved with the last write),
   * so a write in memory need not merge them again. Only kept up to date while `memoryOnly`.
   */
  settled: boolean
  /** The latest time in `known` and `decisions`, or `undefined` when it must be looked for again. */
  latest: number | undefined
  /** A time for a new decision: now, and later than every decision known. */
  timestamp(): string
  valueOf(id: SettingId): boolean
  decide(value: boolean, source: ChangeSource, at: string): ConsentDecision
  publish(): void
  setError(id: SettingId, error: ConsentErrorLike | null): void
  markPending(id: SettingId, delta: 1 | -1): void
  apply(changes: readonly Change[], sourceOf: (change: Change) => ChangeSource, at: string): void
  /**
   * Sets `known` (all of it), derives what it means, and applies the difference with events.
   * With `touched` (every id where `known` differs from the current one), only those and their
   * dependents are derived again: the rest of what the person sees cannot have changed.
   */
  adopt(known: Map<SettingId, ConsentDecision>, sourceOf: (change: Change) => ChangeSource, touched?: Iterable<SettingId>): void
  /**
   * What to write: `stored` merged with every known decision and the cascades the person sees, then `changes`.
   * `decisions` holds the same decisions as `data`, as a map.
   */
  record(stored: ReadonlyMap<SettingId, ConsentDecision>, changes: readonly Change[]): { data: StoredConsent; decisions: Map<SettingId, ConsentDecision> }
  save(data: StoredConsent): void | Promise<void>
  normalise(incoming: ReadonlyMap<SettingId, ConsentDecision>): Map<SettingId, ConsentDecision>
}

/** `initialData` given to the store: `undefined` when none was given. */
export type InitialData = { readonly data: unknown } | undefined

/**
 * The state of one store: saved decisions, pending counts, errors, the snapshot and listeners,
 * and the few operations every part needs (publish, apply with events, save).
 */
export function createStoreState(
  graph: SettingGraph,
  policyVersion: string,
  storage: ConsentStorage,
  now: () => Date,
  report: (error: ConsentErrorLike) => void,
  eventTarget: EventTarget | undefined,
  initialData: InitialData,
  managed: ManagedMap = new Map(),
): StoreState {
  const keeper = createSnapshotKeeper(graph, defaultSnapshot(graph, policyVersion, managed), managed)
  const initial = initialData && parseStored(initialData.data, graph)
  if (initial && initial.problems.length > 0) {
    report(new ConsentError('storage-invalid', `${process.env.NODE_ENV !== 'production' ? 'Some of the initial data could not be trusted, so it reads off' : 'invalid'}: ${initial.problems.join('; ')}`))
  }
  // With initialData the store starts ready with it, on the server and in the hydrating browser
  // alike: nothing here depends on the clock, so both render the same HTML.
  const known = new Map(initial?.decisions ?? [])
  const decisions = cascade(known, graph, policyVersion)
  const status = initial ? 'ready' : 'loading'
  if (initial) keeper.update({ decisions, status, pending: new Map(), errors: new Map() }, 'all')
  const emitter = createEmitter(eventTarget, report)
  const stamp = createStamper(now, report)
  const listeners = new Set<() => void>()
  const settingListeners = new Map<SettingId, Set<() => void>>()
  // Settings whose decision, pending count or error changed since the last publish.
  const touched = new Set<SettingId>()

  const state: StoreState = {
    graph,
    policyVersion,
    storage,
    report,
    serverSnapshot: keeper.snapshot(),
    keeper,
    emitter,
    listeners,
    settingListeners,
    known,
    decisions,
    pending: new Map<SettingId, number>(),
    errors: new Map<SettingId, ConsentErrorLike>(),
    status,
    loaded: false,
    initial: initial?.decisions,
    memoryOnly: false,
    destroyed: false,
    emitting: 0,
    touchedAll: false,
    settled: false,
    latest: undefined,

    timestamp(): string {
      let latest = state.latest
      if (latest === undefined) {
        let found = -Infinity
        const look = (decision: ConsentDecision) => void (found = Math.max(found, timeOf(decision)))
        state.known.forEach(look)
        state.decisions.forEach(look)
        latest = state.latest = found
      }
      return stamp(latest)
    },
    // A managed setting reads off everywhere: requirements, cascades and events see it off.
    valueOf: (id: SettingId) => !managed.has(id) && (state.decisions.get(id)?.value ?? false),
    decide: (value: boolean, source: ChangeSource, at: string): ConsentDecision =>
      Object.freeze({ value, decidedAt: at, policyVersion, source }),

    publish(): void {
      const changed = keeper.update(state, state.touchedAll ? 'all' : touched)
      touched.clear()
      state.touchedAll = false
      if (!changed) return
      // Copies, so a listener that unsubscribes or subscribes does not change who is called now.
      if (listeners.size > 0) for (const listener of [...listeners]) notify(listener)
      for (const id of changed) {
        const forSetting = settingListeners.get(id)
        if (forSetting?.size) for (const listener of [...forSetting]) notify(listener, id)
      }
    },

    setError(id: SettingId, error: ConsentErrorLike | null): void {
      if (error) state.errors.set(id, error)
      else state.errors.delete(id)
      touched.add(id)
    },

    markPending(id: SettingId, delta: 1 | -1): void {
      const count = (state.pending.get(id) ?? 0) + delta
      if (count > 0) state.pending.set(id, count)
      else state.pending.delete(id)
      touched.add(id)
    },

    /** Applies changes to the saved decisions, publishes once, then emits one event per real value change. */
    apply(changes: readonly Change[], sourceOf: (change: Change) => ChangeSource, at: string): void {
      const previous: boolean[] = []
      for (const { id, decision } of changes) {
        previous.push(state.valueOf(id))
        if (decision) state.decisions.set(id, decision)
        else state.decisions.delete(id)
        touched.add(id)
      }
      state.publish()
      // With no handler and no event target, nobody hears an event: skip building it.
      if (!emitter.listening()) return
      state.emitting++
      try {
        changes.forEach((change, index) => {
          const previousValue = previous[index]!
          const value = !managed.has(change.id) && (change.decision?.value ?? false)
          if (value === previousValue) return
          emitter.emit(
            Object.freeze<ConsentChangeEvent>({
              type: 'consent-change',
              setting: change.id,
              value,
              previousValue,
              effective: keeper.setting(change.id)?.effective ?? false,
              source: sourceOf(change),
              policyVersion,
              timestamp: change.decision?.decidedAt ?? at,
            }),
          )
        })
      } finally {
        state.emitting--
      }
    },

    adopt(next: Map<SettingId, ConsentDecision>, sourceOf: (change: Change) => ChangeSource, touched?: Iterable<SettingId>): void {
      const changes: Change[] = []
      state.latest = undefined
      if (touched === undefined) {
        state.settled = false
        const shown = cascade(next, graph, policyVersion)
        // A setting with no decision on either side is unchanged: look only at those with one.
        for (const id of inGraphOrder(graph, [...shown.keys(), ...state.decisions.keys()])) {
          if (!sameDecision(shown.get(id), state.decisions.get(id))) changes.push({ id, decision: shown.get(id) ?? null })
        }
      } else {
        // `state.decisions` is what `state.known` means; a setting outside `touched` and its
        // requirements reads as before. Derived again in graph order, so requirements come first.
        const expanded = new Set<SettingId>()
        for (const id of touched) {
          expanded.add(id)
          for (const dependent of graph.dependentsOf(id)) expanded.add(dependent)
        }
        const fresh = new Map<SettingId, ConsentDecision | undefined>()
        const shownOf = (id: SettingId) => (fresh.has(id) ? fresh.get(id) : state.decisions.get(id))
        for (const id of inGraphOrder(graph, expanded)) {
          const own = next.get(id)
          const shown = derive(own, graph.requirementsOf(id), shownOf, policyVersion) ?? own
          fresh.set(id, shown)
          if (!sameDecision(shown, state.decisions.get(id))) changes.push({ id, decision: shown ?? null })
        }
      }
      state.known = next
      if (changes.length === 0) return
      // A forgotten decision (storage was cleared) has no time of its own: the event is dated now.
      state.apply(changes, sourceOf, changes.some((change) => !change.decision) ? state.timestamp() : '')
    },

    record(stored: ReadonlyMap<SettingId, ConsentDecision>, changes: readonly Change[]): { data: StoredConsent; decisions: Map<SettingId, ConsentDecision> } {
      const base = mergeRecords(stored, state.known)
      // A dependent the person sees off because its requirement is off stays off when that requirement comes back.
      state.decisions.forEach((decision, id) => {
        if (decision.source === 'cascade' && decision !== state.known.get(id)) base.set(id, mergeDecision(base.get(id), decision)!)
      })
      // Our own changes merge by the same rule: a later decision stored meanwhile (found on a retry) still wins.
      for (const { id, decision } of changes) if (decision) base.set(id, mergeDecision(base.get(id), decision)!)
      // What storage held may turn a requirement off (another device withdrew meanwhile): save the
      // cascade too, so a dependent's older opt-in never comes back when the requirement is turned on again.
      cascade(base, graph, policyVersion).forEach((decision, id) => {
        if (decision.source === 'cascade' && decision !== base.get(id)) base.set(id, mergeDecision(base.get(id), decision)!)
      })
      return { data: toStored(base), decisions: base }
    },

    /** Hands `data` to storage; throws what storage threw. In-memory mode skips storage. */
    save(data: StoredConsent): void | Promise<void> {
      if (state.memoryOnly) return
      return storage.save(data)
    },

    normalise: (incoming: ReadonlyMap<SettingId, ConsentDecision>) => cascade(incoming, graph, policyVersion),
  }

  /** A throwing subscriber is reported, never thrown: it must not undo a saved change or swallow its event. */
  function notify(listener: () => void, setting?: SettingId): void {
    try {
      listener()
    } catch (cause) {
      report(new ConsentError('listener-failed', 'A consent store subscriber threw an error.', { setting, cause }))
    }
  }

  return state
}
