// The store's kernel: one closure over local variables (state, snapshot and listeners, writes,
// loading and syncing), so a minifier can rename everything it shares, while the rules it applies
// are plain functions of plain data in merge.ts (merge, cascade, what a write saves), records.ts
// (the one parser of stored data) and settings.ts (the setting graph). It is longer than our other
// files on purpose: splitting it into parts that share its state through objects is what made the
// every-page path 8.5 kB. Its sections: state and snapshot, deriving and events, writes, loading.
import { createStamper } from './clock'
import { ConsentError, describe, isStorageAbsentOnServer, typeError } from './errors'
import { readManaged } from './managed'
import { callEach } from './notify'
import { cascade, decide, derive, inGraphOrder, keepDecision, mergeRecords, sameDecision, sameRecords, timeOf, toWrite } from './merge'
import { MAX_TEXT_LENGTH, parseStored, toStored } from './records'
import { createSettingGraph, modelImprovementSettings } from './settings'
import { validateOptions, validateSetArguments } from './validate-options'
import type {
  ChangeSource,
  ConsentChangeEvent,
  ConsentDecision,
  ConsentErrorLike,
  ConsentSnapshot,
  ConsentStore,
  ConsentStoreOptions,
  SetOptions,
  SettingId,
  SettingState,
} from './types'

/** How the source of each change a write or read brings is named in its event. */
type SourceOf = (id: SettingId, decision: ConsentDecision | null) => ChangeSource
const fromSync: SourceOf = () => 'sync'
/** A write's own decisions by their own source. */
const ownSource: SourceOf = (_, decision) => decision!.source

/**
 * Creates a consent store: the saved decisions for a set of boolean settings, which all start off.
 * Built from closures, so every method works unbound.
 *
 * @example
 * const store = createConsentStore({ policyVersion: '2026-11', storage: localStorageAdapter() })
 * store.onConsentChange((event) => analytics.track(event))
 * await store.set('improve-model', true)
 */
export function createConsentStore(options: ConsentStoreOptions): ConsentStore {
  if (process.env.NODE_ENV !== 'production') validateOptions(options)
  const { policyVersion, storage, eventTarget, initialData } = options
  // Production keeps the checks that protect saved decisions: a policy version stored data
  // cannot hold would lose them on the next load, and storage without load or save keeps nothing.
  if (typeof policyVersion !== 'string' || !policyVersion.trim() || policyVersion.length > MAX_TEXT_LENGTH) typeError(`policyVersion ${describe(policyVersion)}`)
  if (storage && (typeof storage.load !== 'function' || typeof storage.save !== 'function')) typeError('storage')
  const graph = createSettingGraph(options.settings ?? modelImprovementSettings)
  const { ids, requirements, dependents, places } = graph
  const managed =
    process.env.NODE_ENV !== 'production'
      ? readManaged(options.managed, 'createConsentStore', ids)
      : new Map(Object.entries(options.managed ?? {}).map(([id, lock]) => [id, Object.freeze({ value: false as const, reason: lock.reason })]))
  const onError = options.onError ?? console.error
  const report = (error: ConsentErrorLike): void => {
    try {
      onError(error)
    } catch {
      // An onError that throws must not break the store.
    }
  }
  const stamp = createStamper(options.now, report)

  /** Every decision known, as stored: merged by the rule from storage, initialData and this store's saves. */
  let known = new Map<SettingId, ConsentDecision>()
  /** What `known` means for the person (its `cascade`): what the snapshot shows. */
  let shown = new Map<SettingId, ConsentDecision>()
  const pending = new Map<SettingId, number>()
  const errors = new Map<SettingId, ConsentErrorLike>()
  const states = new Map<SettingId, SettingState>()
  /** Settings whose decision, pending count or error changed since the last publish. */
  const dirty = new Set<SettingId>(ids)
  const listeners = new Set<() => void>()
  const settingListeners = new Map<SettingId, Set<() => void>>()
  const handlers = new Set<(event: ConsentChangeEvent) => void>()
  let status: ConsentSnapshot['status'] = 'loading'
  let publishedStatus: ConsentSnapshot['status'] = status
  let whole: ConsentSnapshot | undefined
  let destroyed = false
  /** Subscribers or event handlers are hearing of changes (writes made then wait rather than nest). */
  let emitting = 0
  /** The latest time of every decision this store has seen: each new decision is dated after it. */
  let latest = -Infinity
  /**
   * Choices are kept in memory only: no storage was given, or it could not be read. Nothing is
   * saved, and every cascade the person sees is kept in `known` as it happens, so a write only
   * merges and derives the settings it touches. Only the load looks at `storage` when this is set.
   */
  let memoryOnly = !storage
  /** Storage has been read (or found unusable). Writes wait for it, even when `initialData` made the status `ready` earlier. */
  let loaded = false
  let queue: Promise<unknown>
  let active = 0
  let repairQueued = false
  /** Reads started; saves this store committed; change notifications received. */
  let readsStarted = 0
  /** The read that last found storage cleared: reads started before it may have seen what was cleared. */
  let forgotBy = 0
  let commitsSeen = 0
  let hints = 0

  // A managed setting reads off everywhere: requirements, cascades and events see it off.
  const valueOf = (id: SettingId): boolean => !managed.has(id) && !!shown.get(id)?.value
  const timestamp = (): string => stamp(latest)
  /** Keeps `decision` in `into` by the merge rule; says whether it changed what `into` held. */
  const keep = (into: Map<SettingId, ConsentDecision>, id: SettingId, decision: ConsentDecision): boolean => {
    const changed = keepDecision(into, id, decision)
    latest = Math.max(latest, timeOf(into.get(id)!))
    return changed
  }

  /** Recomputes the dirty settings and their dependents; notifies subscribers if anything changed. */
  function publish(): void {
    const changed: SettingId[] = []
    for (const id of dirty) {
      for (const dependent of dependents.get(id)!) dirty.add(dependent)
      const decision = shown.get(id) ?? null
      const lock = managed.get(id) ?? null
      const value = valueOf(id)
      const next: SettingState = {
        value,
        effective: value && requirements.get(id)!.every(valueOf),
        pending: pending.has(id),
        error: errors.get(id) ?? null,
        decision,
        // A managed setting reads its managed value (off); what the person saved stays in `decision`.
        needsReconsent: !lock && decision?.source === 'policy',
        managed: lock,
      }
      const old = states.get(id)
      // A new state object only when a field changed (or it is the first: `value` is never undefined):
      // subscribers re-render on a new object.
      if ((Object.keys(next) as Array<keyof SettingState>).some((key) => old?.[key] !== next[key])) {
        states.set(id, Object.freeze(next))
        changed.push(id)
      }
    }
    dirty.clear()
    if (!changed.length && publishedStatus === status) return
    publishedStatus = status
    whole = undefined
    const message = process.env.NODE_ENV !== 'production' ? 'A consent store subscriber threw an error.' : 'subscriber'
    // callEach never throws.
    emitting++
    callEach(listeners, report, message)
    for (const id of changed) callEach(settingListeners.get(id), report, message, id)
    emitting--
  }

  /**
   * Shows what `known` means: derives it again (all of it, or only `touched` and their dependents,
   * in graph order, as the rest cannot have changed), publishes once, then emits one event per
   * real value change. With `keepCascades`, the cascades derived are kept in `known` too.
   */
  function adopt(sourceOf: SourceOf, touched: readonly SettingId[] = ids, keepCascades?: boolean): void {
    /** Each setting whose decision changed, with the value it read before and its new decision. */
    const changed: Array<[SettingId, boolean, ConsentDecision | undefined]> = []
    const around = new Set<SettingId>()
    for (const id of touched) {
      around.add(id)
      dependents.get(id)!.forEach((dependent) => around.add(dependent))
    }
    // Requirements come first, so each one is already shown as derived when its dependents are.
    for (const id of around.size > 1 ? inGraphOrder(graph, around) : around) {
      const own = known.get(id)
      const decision = derive(own, requirements.get(id)!, (r) => shown.get(r), policyVersion) ?? own
      if (keepCascades && decision !== own && decision!.source === 'cascade') keep(known, id, decision!)
      if (sameDecision(decision, shown.get(id))) continue
      changed.push([id, valueOf(id), decision])
      if (decision) shown.set(id, decision)
      else shown.delete(id)
      dirty.add(id)
    }
    publish()
    // With no handler and no event target, nobody hears an event: none is built.
    if (destroyed || !(handlers.size || eventTarget)) return
    let at: string | undefined
    emitting++
    try {
      changed.forEach(([id, previousValue, decision]) => {
        const value = valueOf(id)
        if (value === previousValue) return
        const event: ConsentChangeEvent = Object.freeze({
          type: 'consent-change',
          setting: id,
          value,
          previousValue,
          effective: states.get(id)!.effective,
          source: sourceOf(id, decision ?? null),
          policyVersion,
          // A forgotten decision (storage was cleared) has no time of its own: its event is dated now.
          timestamp: decision ? decision.decidedAt : (at ??= timestamp()),
        })
        const message = process.env.NODE_ENV !== 'production' ? 'A consent-change handler threw an error.' : 'handler'
        callEach(handlers, report, message, id, event)
        // An event target is one more handler: if it throws, it is reported like one.
        if (eventTarget) callEach(new Set([() => eventTarget.dispatchEvent(new CustomEvent('consent-change', { detail: event }))]), report, message, id)
      })
    } finally {
      emitting--
    }
  }

  /** Merges `decisions` into `known` by the rule and shows what changed. */
  function take(decisions: ReadonlyMap<SettingId, ConsentDecision>, sourceOf: SourceOf, keepCascades?: boolean): void {
    const touched: SettingId[] = []
    decisions.forEach((decision, id) => keep(known, id, decision) && touched.push(id))
    adopt(sourceOf, touched, keepCascades)
  }

  /** Reads stored data through the one parser; reports what cannot be trusted (it reads off). */
  const judge = (raw: unknown, prefix: string, problems: string[] = []): Map<SettingId, ConsentDecision> => {
    const decisions = parseStored(raw, graph, problems)
    if (problems.length) report(new ConsentError('storage-invalid', `${prefix}: ${problems.join('; ')}`))
    return decisions
  }
  // With initialData the store starts ready with it, on the server and in the hydrating browser
  // alike: nothing here depends on the clock, so both render the same HTML.
  const initial = initialData === undefined ? undefined : judge(initialData, process.env.NODE_ENV !== 'production' ? 'Some of the initial data could not be trusted, so it reads off' : 'invalid')
  if (initial) {
    known = new Map(initial)
    shown = cascade(known, graph, policyVersion)
    status = 'ready'
  }
  publish()
  const getSnapshot = (): ConsentSnapshot =>
    (whole ??= Object.freeze({ status, policyVersion, settings: Object.freeze(Object.fromEntries(states)) }))
  const serverSnapshot = getSnapshot()

  // ---- Writes: one at a time, in call order, each as read–merge–write. With synchronous storage
  // (or none) that all happens in one task and commits at once, with no "pending" flash.
  const mark = (id: SettingId, delta: number, error?: ConsentErrorLike | null): void => {
    const count = (pending.get(id) ?? 0) + delta
    if (count > 0) pending.set(id, count)
    else pending.delete(id)
    if (error) errors.set(id, error)
    else if (error === null) errors.delete(id)
    dirty.add(id)
  }
  /** Later writes wait for `run`; its rejection counts as handled here (the caller still sees it). */
  function track(run: Promise<void>): Promise<void> {
    active++
    const done = () => void active--
    queue = run.then(done, done)
    return run
  }

  /**
   * One write: `plan` decides it against what the store shows once storage has been read again
   * (a retry reuses the plan); `marks` are the settings shown pending while it waits; `failure`
   * is how its failure reads. A repair (writing back what storage lacks) always waits its turn.
   */
  function write(marks: () => readonly SettingId[], plan: () => Changes | ConsentErrorLike | null, failure: (cause: unknown) => ConsentError, repairing?: boolean): Promise<void> | undefined {
    // A write that can run now does, in this task: with storage that answers synchronously (or none) it commits at once.
    const runNow = !repairing && loaded && !active
    const marked = new Set<SettingId>()
    let planned: Changes | ConsentErrorLike | null | undefined
    /** Change notifications received when storage was last read for this write. */
    let hintsAtRead = 0
    /** A conflicting save is retried once, on storage read again. */
    let retried = false
    const show = (): void => {
      for (const id of marks()) if (!marked.has(id)) marked.add(id) && mark(id, 1, null)
      publish()
    }
    const unmark = (): void => {
      marked.forEach((id) => mark(id, -1))
      marked.clear()
    }
    // Its own decisions by their own source; anything else it brings came from storage.
    const sourceOf: SourceOf = (id, decision) => ((planned as Changes | null)?.get(id) === decision ? decision!.source : 'sync')
    /** Shows the write's failure on its settings, reports it, and rejects with it. */
    const fail = (cause: unknown): Promise<never> => {
      const error = failure(cause)
      const failed = marked.size ? [...marked] : error.setting ? [error.setting] : []
      unmark()
      failed.forEach((id) => mark(id, 0, error))
      publish()
      report(error)
      return Promise.reject(error)
    }
    const retryOrFail = (cause: unknown): Promise<void> | undefined =>
      isConflict(cause) && !retried ? ((retried = true), perform()) : fail(cause)

    /** Runs the write; returns `undefined` when it finished synchronously (committed or nothing to do). */
    function perform(): Promise<void> | undefined {
      let read: Decisions | PromiseLike<Decisions> | undefined
      if (!memoryOnly) {
        hintsAtRead = hints
        try {
          read = readStorage(false, retried)
        } catch (cause) {
          return fail(cause)
        }
        if (isThenable(read)) {
          show()
          return Promise.resolve(read).then(writeOnto, fail)
        }
      }
      return writeOnto(read as Decisions | undefined)
    }

    /** Plans the write against what the store now shows and saves it merged into `read` (what storage held). */
    function writeOnto(read: Decisions | undefined): Promise<void> | undefined {
      if (planned === undefined) planned = plan()
      if (planned instanceof Error) {
        unmark()
        publish()
        return Promise.reject(planned)
      }
      const changes: Changes = planned ?? new Map()
      if (!read) return commit(changes, true) // In memory.
      // What storage held was merged into `known` as it was read.
      const base = toWrite(known, shown, changes, graph, policyVersion)
      if (!changes.size && sameRecords(base, read)) return commit(base) // Nothing to write.
      let saving: void | Promise<void>
      try {
        saving = storage!.save(toStored(base))
      } catch (cause) {
        return retryOrFail(cause)
      }
      if (!isThenable(saving)) return commit(base)
      show()
      return Promise.resolve(saving).then(() => {
        commit(base)
        // Another writer may have written between our read and our save landing, and ours may
        // have replaced theirs (a read its notification started may even have seen theirs before
        // ours landed): read again, so what storage lacks is written back.
        if (hints !== hintsAtRead) reread()
      }, retryOrFail)
    }

    /** Merges what was saved (or, in memory, the plan and the cascades it causes) into what is known, and shows it. */
    function commit(saved: ReadonlyMap<SettingId, ConsentDecision>, inMemory?: boolean): undefined {
      unmark()
      if (planned) {
        ;(planned as Changes).forEach((_, id) => mark(id, 0, null))
        if (!inMemory) commitsSeen++
      }
      take(saved, sourceOf, inMemory)
      return undefined
    }

    if (runNow) {
      // Nothing to wait for when it finished synchronously: set and reset resolve at once.
      const run = perform()
      return run && track(run)
    }
    if (!repairing) show()
    return track(
      queue.then(() => {
        if (repairing) repairQueued = false
        return perform()
      }),
    )
  }

  /** Storage lacks decisions this store knows (another writer replaced them): write them back. */
  function repair(): void {
    if (repairQueued || memoryOnly) return
    repairQueued = true
    const failure = (cause: unknown) =>
      new ConsentError('save-failed', process.env.NODE_ENV !== 'production' ? 'Choices changed in another tab while this one was saving, and they could not be saved together.' : 'repair', { cause })
    write(() => [], () => null, failure, true)?.catch(() => undefined)
  }

  // ---- Loading and syncing. Storage is read after a microtask, so handlers registered right after
  // creation see any policy lapse; then again whenever it hints at a change. Never rejects:
  // unreadable storage switches the store to memory, untrustworthy data reads off, and both are reported.
  let stopStorage: (() => void) | undefined
  const stop = (): void => {
    stopStorage?.()
    stopStorage = undefined
  }

  /**
   * Reads storage (in the same task when it is synchronous) and merges it in; `hinted`: after a
   * change notification, else before a save (`conflicted`: its retry after a conflict). Throws
   * what storage threw.
   */
  function readStorage(hinted: boolean, conflicted?: boolean): Decisions | PromiseLike<Decisions> {
    const number = ++readsStarted
    const commitsBefore = commitsSeen
    const finish = (raw: unknown): Decisions => {
      const problems: string[] = []
      const read = judge(raw, process.env.NODE_ENV !== 'production' ? `Some saved choices could not be trusted, so they read off ${hinted ? '(found after a change in another tab)' : '(found before saving)'}` : 'invalid', problems)
      if (raw == null) {
        // A record that is gone (storage was cleared) is forgotten, unless the read may be stale (a
        // newer read started, or this store saved meanwhile); only a change notification (or a
        // conflict) tells "cleared" apart from storage that never kept anything.
        if ((hinted || conflicted) && number === readsStarted && commitsBefore === commitsSeen) {
          forgotBy = number
          known = new Map()
          adopt(fromSync)
        }
        return read
      }
      if (number < forgotBy) return read
      // Only the settings whose decision the read changed (and their dependents) are derived again.
      take(read, fromSync)
      // Storage lacks something this store knows (`known` now holds all it read): write it back.
      // Damaged data is left alone until the person saves a choice, as on load; a read before a
      // save needs no write-back, as that save writes everything.
      if (hinted && !problems.length && !sameRecords(known, read)) repair()
      return read
    }
    const raw = storage!.load()
    return isThenable(raw) ? Promise.resolve(raw).then(finish) : finish(raw)
  }

  /**
   * Reads storage again after a hint; never rejects. Async only so one catch sees both ways a read
   * fails (a throw, a rejection): synchronous storage is still read in this task.
   */
  async function reread(): Promise<void> {
    if (destroyed || memoryOnly) return
    try {
      await readStorage(true)
    } catch (cause) {
      report(new ConsentError('storage-unavailable', process.env.NODE_ENV !== 'production' ? 'A change made in another tab could not be read; it will show after the page reloads.' : 'read', { cause }))
    }
  }

  const ready: Promise<void> = (async () => {
    await Promise.resolve()
    // Listen before reading, so a change that lands while an asynchronous read is in flight is not missed.
    if (!destroyed && storage?.subscribe) {
      try {
        // A hint only: whatever it carries, storage itself is read again.
        stopStorage = storage.subscribe(() => {
          hints++
          if (loaded) reread()
        })
      } catch (cause) {
        report(new ConsentError('storage-unavailable', process.env.NODE_ENV !== 'production' ? 'Changes made in other tabs will not show here until the page reloads.' : 'subscribe', { cause }))
      }
    }
    let raw: unknown = null
    try {
      raw = await storage?.load()
    } catch (cause) {
      memoryOnly = true
      stop()
      // On a server there is simply no browser storage: nothing is wrong, so nothing is said.
      if (!isStorageAbsentOnServer(cause)) {
        report(new ConsentError('storage-unavailable', process.env.NODE_ENV !== 'production' ? `Saved choices could not be read in this browser, ${initial ? 'so this page shows the choices it was given' : 'so every setting is off'}. Choices made now are kept until the page closes.` : 'load', { cause }))
      }
    }
    const read = judge(raw, process.env.NODE_ENV !== 'production' ? 'Some saved choices could not be trusted, so they read off' : 'invalid')
    const merged = initial ? mergeRecords(initial, read) : read
    let base = merged
    const derived = cascade(merged, graph, policyVersion)
    // Storage lacks something (lapses and cascades found now, newer decisions from initialData): save
    // all of it. Lapsed opt-ins stay out of the snapshot while their lapse is saved: nothing reads on meanwhile.
    if (!memoryOnly && !sameRecords(derived, read)) {
      try {
        await storage!.save(toStored(derived))
        base = derived
      } catch (cause) {
        report(new ConsentError('save-failed', process.env.NODE_ENV !== 'production' ? 'A policy change turned some settings off, but that could not be saved.' : 'load', { cause }))
      }
    }
    // Kept even when destroyed meanwhile: writes queued before destroy() still run on this base.
    if (!initial) shown = new Map(read)
    // An opt-in of initialData that lapsed (or fell with its requirement) has read off from the
    // start, so nothing read on meanwhile; it is still emitted now, as without initialData, unless
    // storage already holds the lapse or a newer decision.
    else merged.forEach((decision, id) => decision.value && sameDecision(derived.get(id), shown.get(id)) && shown.set(id, decision))
    known = new Map()
    base.forEach((decision, id) => keep(known, id, decision))
    loaded = true
    ids.forEach((id) => dirty.add(id))
    // A store destroyed while loading keeps its last snapshot; its queued writes still run on this base.
    if (!destroyed) status = 'ready'
    // A lapse or cascade found now names its source, even with initialData.
    // In memory, the cascades shown are kept in `known` too (see memoryOnly).
    adopt((id, decision) => (!initial || !sameDecision(derived.get(id), merged.get(id)) ? (decision?.source ?? 'policy') : 'sync'), ids, memoryOnly)
    // Every hint so far came while loading: the read that started before it may have missed its change.
    if (hints) reread()
  })()
  queue = ready

  /** What a set changes, planned against what the store shows: `null` when nothing, an error when a requirement is off. */
  function plan(setting: SettingId, value: boolean, source: ChangeSource, record: boolean): Changes | ConsentErrorLike | null {
    const current = shown.get(setting)
    // With `record`, an unchanged value is still saved as this source's decision under this policy, once.
    const recorded = !record || (current?.source === source && current.policyVersion === policyVersion)
    if (value === valueOf(setting) && current?.source !== 'policy' && recorded) return null
    const off = value ? requirements.get(setting)!.filter((r) => !valueOf(r)) : []
    if (off.length) {
      return new ConsentError('requirement-off', process.env.NODE_ENV !== 'production' ? `Cannot turn on ${describe(setting)} while ${off.map(describe).join(' and ')} is off.` : describe(off), { setting })
    }
    const at = timestamp()
    const changes: Changes = new Map([[setting, decide(value, at, policyVersion, source)]])
    if (!value) for (const dependent of dependents.get(setting)!) if (valueOf(dependent)) changes.set(dependent, decide(false, at, policyVersion, 'cascade'))
    return changes
  }

  /** Throws the TypeError for a setting id this store does not know, naming it. */
  const unknown = (setting: unknown): never =>
    typeError(process.env.NODE_ENV !== 'production' ? `Unknown setting ${describe(setting)}; expected one of: ${ids.join(', ')}` : `setting ${describe(setting)}`)
  const destroyedError = (setting?: SettingId) =>
    new ConsentError('destroyed', process.env.NODE_ENV !== 'production' ? 'This consent store was destroyed.' : 'destroyed', { setting })

  return {
    getSnapshot,
    getSetting(setting: SettingId): SettingState {
      return states.get(setting) ?? unknown(setting)
    },
    getServerSnapshot: () => serverSnapshot,
    subscribe(listener: () => void, setting?: SettingId): () => void {
      if (process.env.NODE_ENV !== 'production' && typeof listener !== 'function') typeError(`subscribe expects a function, got ${describe(listener)}`)
      // A wrapper per registration, so the same function subscribed twice is removed once each.
      const wrapper = () => listener()
      let into = listeners
      if (setting !== undefined) {
        if (!places.has(setting)) unknown(setting)
        into = settingListeners.get(setting) ?? new Set()
        settingListeners.set(setting, into)
      }
      into.add(wrapper)
      return () => void into.delete(wrapper)
    },
    onConsentChange(handler: (event: ConsentChangeEvent) => void): () => void {
      if (process.env.NODE_ENV !== 'production' && typeof handler !== 'function') typeError(`onConsentChange expects a function, got ${describe(handler)}`)
      // A wrapper per registration, so the same function registered twice is called twice and removed once each.
      const wrapper = (event: ConsentChangeEvent) => handler(event)
      handlers.add(wrapper)
      return () => void handlers.delete(wrapper)
    },
    // Async: a bad argument, a destroyed store or a refused set rejects rather than throws.
    async set(setting: SettingId, value: boolean, setOptions?: SetOptions): Promise<void> {
      const source = setOptions?.source ?? 'user'
      if (process.env.NODE_ENV !== 'production') validateSetArguments(ids, places, setting, value, setOptions)
      // Production keeps the checks on what is saved: the setting, the value and the source.
      if (!places.has(setting)) unknown(setting)
      if (typeof value !== 'boolean') typeError(`value ${describe(value)}`)
      if (source !== 'user' && source !== 'api') typeError(`source ${describe(source)}`)
      if (destroyed) throw destroyedError(setting)
      const lock = managed.get(setting)
      if (lock) throw new ConsentError('managed', process.env.NODE_ENV !== 'production' ? `${describe(setting)} is managed (${lock.reason}): it stays off.` : describe(setting), { setting })
      const record = setOptions?.record === true
      // Made by a subscriber or handler as it hears of a change: it starts once the change's
      // events are out and the write that made it (still starting now) is in the queue. It was
      // made before any destroy() that follows, so it still runs then.
      if (emitting) await 0
      // In memory with nothing in flight (the common case) a set commits at once, directly: only
      // the setting and its dependents are derived again (the cascades kept, as every cascade is in
      // memory). Nothing is pending then, and no save in memory can have failed: no mark to clear.
      if (loaded && memoryOnly && !active) {
        const changes = plan(setting, value, source, record)
        if (changes instanceof Error) throw changes
        if (changes) take(changes, ownSource, true)
        return
      }
      return write(
        () => [setting],
        () => plan(setting, value, source, record),
        (cause) =>
          new ConsentError('save-failed', process.env.NODE_ENV !== 'production' ? `We couldn't save your choice. It is still ${valueOf(setting) ? 'on' : 'off'}.` : describe(setting), { setting, cause }),
      )
    },
    async reset(): Promise<void> {
      if (destroyed) throw destroyedError()
      if (emitting) await 0
      // The person's own opt-ins, those under a managed lock too: when the lock is lifted they must stay withdrawn.
      const on = () => ids.filter((id) => shown.get(id)?.value)
      return write(
        on,
        () => {
          const at = timestamp()
          const changes: Changes = new Map(on().map((id) => [id, decide(false, at, policyVersion, 'reset')]))
          return changes.size ? changes : null
        },
        (cause) => new ConsentError('save-failed', process.env.NODE_ENV !== 'production' ? "We couldn't save turning every setting off. Your choices are unchanged." : 'reset', { cause }),
      )
    },
    ready,
    definitions: graph.definitions,
    destroy(): void {
      // Writes already made still run on the loaded base and save (or reject and report): no choice is dropped.
      destroyed = true
      stop()
      listeners.clear()
      settingListeners.clear()
      handlers.clear()
    },
  }
}

/** One write's new decisions, by setting. */
type Changes = Map<SettingId, ConsentDecision>

/** Decisions by setting, as read from storage. */
type Decisions = ReadonlyMap<SettingId, ConsentDecision>

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function'

/** The documented conflict shape: storage changed since it was read (`code: 'conflict'` or `conflict: true`). */
const isConflict = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'conflict' || (error as { conflict?: unknown } | null)?.conflict === true
