import { ConsentError, describe } from './errors'
import { createEmitter } from './events'
import { parseStored, toStored } from './records'
import { createSettingGraph, modelImprovementSettings } from './settings'
import { createSnapshotKeeper, defaultSnapshot, needsReconsent } from './snapshot'
import { memoryStorage } from './storage/memory-storage'
import { validateOptions } from './validate-options'
import type {
  ChangeSource,
  ConsentChangeEvent,
  ConsentDecision,
  ConsentErrorLike,
  ConsentStore,
  ConsentStoreOptions,
  SetOptions,
  SettingId,
} from './types'

type Change = { id: SettingId; decision: ConsentDecision | null }

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
  validateOptions(options)
  const { policyVersion, eventTarget } = options
  const graph = createSettingGraph(options.settings ?? modelImprovementSettings)
  const storage = options.storage ?? memoryStorage()
  const now = options.now ?? (() => new Date())
  const report = (error: ConsentErrorLike): void => {
    try {
      ;(options.onError ?? console.error)(error)
    } catch {
      // An onError that throws must not break the store.
    }
  }
  const emitter = createEmitter(eventTarget, report)
  const serverSnapshot = defaultSnapshot(graph, policyVersion)

  let decisions = new Map<SettingId, ConsentDecision>()
  const pending = new Map<SettingId, number>()
  const errors = new Map<SettingId, ConsentErrorLike>()
  let status: 'loading' | 'ready' = 'loading'
  const keeper = createSnapshotKeeper(graph, serverSnapshot)
  // Settings whose decision, pending count or error changed since the last publish.
  const touched = new Set<SettingId>()
  let touchedAll = false
  let memoryOnly = false
  let destroyed = false
  let stopStorage: (() => void) | undefined
  const listeners = new Set<() => void>()
  const settingListeners = new Map<SettingId, Set<() => void>>()

  const valueOf = (id: SettingId) => decisions.get(id)?.value ?? false

  function publish(): void {
    const changed = keeper.update({ decisions, pending, errors, status }, touchedAll ? 'all' : touched)
    touched.clear()
    touchedAll = false
    if (!changed) return
    for (const listener of [...listeners]) notify(listener)
    for (const id of changed) for (const listener of [...(settingListeners.get(id) ?? [])]) notify(listener, id)
  }

  function setError(id: SettingId, error: ConsentErrorLike | null): void {
    if (error) errors.set(id, error)
    else errors.delete(id)
    touched.add(id)
  }

  /** A throwing subscriber is reported, never thrown: it must not undo a saved change or swallow its event. */
  function notify(listener: () => void, setting?: SettingId): void {
    try {
      listener()
    } catch (cause) {
      report(new ConsentError('listener-failed', 'A consent store subscriber threw an error.', { setting, cause }))
    }
  }

  /** Applies changes to the saved decisions, publishes once, then emits one event per real value change. */
  function apply(changes: readonly Change[], sourceOf: (change: Change) => ChangeSource, timestamp: string): void {
    const before = new Map(changes.map(({ id }) => [id, valueOf(id)]))
    for (const { id, decision } of changes) {
      if (decision) decisions.set(id, decision)
      else decisions.delete(id)
      touched.add(id)
    }
    publish()
    emitting++
    try {
      emitEvents(changes, before, sourceOf, timestamp)
    } finally {
      emitting--
    }
  }

  function emitEvents(
    changes: readonly Change[],
    before: ReadonlyMap<SettingId, boolean>,
    sourceOf: (change: Change) => ChangeSource,
    timestamp: string,
  ): void {
    for (const change of changes) {
      const previousValue = before.get(change.id) ?? false
      const value = change.decision?.value ?? false
      if (value === previousValue) continue
      const settingState = keeper.setting(change.id)
      emitter.emit(
        Object.freeze<ConsentChangeEvent>({
          type: 'consent-change',
          setting: change.id,
          value,
          previousValue,
          effective: settingState?.effective ?? false,
          source: sourceOf(change),
          policyVersion,
          timestamp: change.decision?.decidedAt ?? timestamp,
        }),
      )
    }
  }

  const decide = (value: boolean, source: ChangeSource, at: string): ConsentDecision =>
    Object.freeze({ value, decidedAt: at, policyVersion, source })

  /** Saves decisions with the changes applied; throws what storage threw. In-memory mode skips storage. */
  function save(changes: readonly Change[], base: ReadonlyMap<SettingId, ConsentDecision> = decisions): void | Promise<void> {
    if (memoryOnly) return
    return storage.save(toStored(base, changes))
  }

  /**
   * Turns stored opt-ins from another policy version off (source `policy`) and any setting whose
   * requirement is off (source `cascade`), so nothing loaded or synced is on without a valid basis.
   */
  function normalise(incoming: ReadonlyMap<SettingId, ConsentDecision>, at: string): Map<SettingId, ConsentDecision> {
    const result = new Map(incoming)
    for (const id of graph.ids) {
      const decision = result.get(id)
      if (!decision?.value) continue
      if (decision.policyVersion !== policyVersion) result.set(id, decide(false, 'policy', at))
      else if (!graph.requirementsOf(id).every((r) => result.get(r)?.value)) result.set(id, decide(false, 'cascade', at))
    }
    return result
  }

  /** Counts external changes applied, so a save can tell whether one landed while it was in flight. */
  let externalChanges = 0
  /** The latest external change that arrived before loading finished; applied right after. */
  let arrivedWhileLoading: { raw: unknown } | undefined

  const ready: Promise<void> = (async () => {
    // Let the caller register handlers before stored state (and any policy lapse) arrives.
    await Promise.resolve()
    let raw: unknown = null
    try {
      raw = await storage.load()
    } catch (cause) {
      memoryOnly = true
      report(
        new ConsentError(
          'storage-unavailable',
          'Saved choices could not be read, so every setting is off. Choices made now are kept until the page closes.',
          { cause },
        ),
      )
    }
    // Listen before saving any lapse, so a change another tab makes meanwhile is not missed.
    if (!memoryOnly && !destroyed) listenToStorage()
    const parsed = parseStored(raw, graph)
    if (parsed.problems.length > 0) {
      report(
        new ConsentError('storage-invalid', `Some saved choices could not be trusted, so they read off: ${parsed.problems.join('; ')}`),
      )
    }
    const at = now().toISOString()
    const loaded = normalise(parsed.decisions, at)
    const lapses: Change[] = graph.ids.filter((id) => loaded.get(id) !== parsed.decisions.get(id)).map((id) => ({ id, decision: loaded.get(id) ?? null }))
    const seen = externalChanges
    // Lapsed opt-ins stay out of the snapshot while their lapse is saved: nothing reads on meanwhile.
    if (lapses.length > 0) {
      try {
        await save(lapses, parsed.decisions)
      } catch (cause) {
        report(new ConsentError('save-failed', 'A policy change turned some settings off, but that could not be saved.', { cause }))
      }
    }
    if (destroyed) return
    decisions = new Map(parsed.decisions)
    touchedAll = true
    status = 'ready'
    apply(lapses, (change) => change.decision?.source ?? 'policy', at)
    publish()
    if (arrivedWhileLoading) onExternalChange(arrivedWhileLoading.raw)
    if (lapses.length > 0) reconcileLater(seen)
  })()

  function listenToStorage(): void {
    if (!storage.subscribe) return
    try {
      stopStorage = storage.subscribe((raw) => {
        if (status === 'loading') arrivedWhileLoading = { raw }
        else onExternalChange(raw)
      })
    } catch (cause) {
      report(new ConsentError('storage-unavailable', 'Changes made in other tabs will not show here until the page reloads.', { cause }))
    }
  }

  /**
   * Another writer changed storage while our save was in flight, and ours replaced theirs. Writes
   * the merged state (their change plus ours) so no update is lost, turning off any setting whose
   * requirement the other writer turned off. Repeats while more changes arrive during the write.
   */
  function reconcileLater(seen: number): void {
    if (seen !== externalChanges) void schedule(() => reconcile(seen), false)
  }

  async function reconcile(seen: number): Promise<void> {
    while (seen !== externalChanges && !destroyed && !memoryOnly) {
      seen = externalChanges
      const at = now().toISOString()
      const orphans: Change[] = graph.ids
        .filter((id) => valueOf(id) && !graph.requirementsOf(id).every(valueOf))
        .map((id) => ({ id, decision: decide(false, 'cascade', at) }))
      try {
        await save(orphans)
      } catch (cause) {
        const message = 'Choices changed in another tab while this one was saving, and they could not be saved together.'
        report(new ConsentError('save-failed', message, { cause }))
        return
      } finally {
        // Off is safe even if the write failed: a setting must never count while its requirement is off.
        if (orphans.length > 0) apply(orphans, () => 'cascade', at)
      }
    }
  }

  function onExternalChange(raw: unknown): void {
    if (destroyed) return
    const parsed = parseStored(raw, graph)
    if (parsed.problems.length > 0) {
      report(new ConsentError('storage-invalid', `A change from another tab was ignored: ${parsed.problems.join('; ')}`))
      return
    }
    const at = now().toISOString()
    const incoming = normalise(parsed.decisions, at)
    const changes: Change[] = graph.ids
      .filter((id) => !sameDecision(incoming.get(id), decisions.get(id)))
      .map((id) => ({ id, decision: incoming.get(id) ?? null }))
    if (changes.length === 0) return
    externalChanges++
    apply(changes, () => 'sync', at)
  }

  // Writes run one at a time, in call order. When nothing is queued and storage saves
  // synchronously, a write commits at once: one snapshot change, no "pending" flash.
  let queue: Promise<unknown> = ready
  let active = 0
  let emitting = 0
  function schedule(task: () => Promise<void>, immediate: boolean): Promise<void> {
    const run = immediate ? task() : queue.then(task)
    active++
    const done = () => void active--
    queue = run.then(done, done)
    return run
  }
  const canRunNow = () => status === 'ready' && active === 0 && emitting === 0

  const rejectDestroyed = (setting?: SettingId) =>
    Promise.reject(new ConsentError('destroyed', 'This consent store was destroyed.', { setting }))

  function set(setting: SettingId, value: boolean, setOptions?: SetOptions): Promise<void> {
    try {
      if (!graph.has(setting)) {
        throw new TypeError(`Unknown setting ${describe(setting)}; expected one of: ${graph.ids.join(', ')}`)
      }
      if (typeof value !== 'boolean') {
        throw new TypeError(`Value for ${describe(setting)} must be true or false, got ${describe(value)}`)
      }
      if (setOptions !== undefined && (typeof setOptions !== 'object' || setOptions === null)) {
        throw new TypeError(`set options must be an object like { source: 'user' }, got ${describe(setOptions)}`)
      }
      const source = setOptions?.source ?? 'user'
      if (source !== 'user' && source !== 'api') {
        throw new TypeError(`Unknown source ${describe(source)}; set accepts 'user' or 'api'`)
      }
    } catch (error) {
      return Promise.reject(error)
    }
    if (destroyed) return rejectDestroyed(setting)
    const source = setOptions?.source ?? 'user'
    if (canRunNow()) return schedule(() => write(setting, value, source, false), true)
    markPending(setting, 1)
    setError(setting, null)
    publish()
    return schedule(() => write(setting, value, source, true), false)
  }

  function markPending(id: SettingId, delta: 1 | -1): void {
    touched.add(id)
    const count = (pending.get(id) ?? 0) + delta
    if (count > 0) pending.set(id, count)
    else pending.delete(id)
  }

  /** Checks, saves and commits one `set`. Stays synchronous unless storage returns a promise. */
  function write(id: SettingId, value: boolean, source: 'user' | 'api', marked: boolean): Promise<void> {
    const finish = () => {
      if (marked) markPending(id, -1)
      marked = false
    }
    if (value === valueOf(id) && !needsReconsent(decisions.get(id))) {
      finish()
      publish()
      return Promise.resolve()
    }
    const off = graph.requirementsOf(id).filter((r) => !valueOf(r))
    if (value && off.length > 0) {
      finish()
      publish()
      const message = `Cannot turn on ${describe(id)} while ${off.map(describe).join(' and ')} is off.`
      return Promise.reject(new ConsentError('requirement-off', message, { setting: id }))
    }
    const at = now().toISOString()
    const changes: Change[] = [{ id, decision: decide(value, source, at) }]
    if (!value) {
      for (const dep of graph.dependentsOf(id)) {
        if (valueOf(dep)) changes.push({ id: dep, decision: decide(false, 'cascade', at) })
      }
    }
    const fail = (cause: unknown): never => {
      const still = valueOf(id) ? 'on' : 'off'
      const failure = new ConsentError('save-failed', `We couldn't save your choice. It is still ${still}.`, { setting: id, cause })
      finish()
      setError(id, failure)
      publish()
      report(failure)
      throw failure
    }
    const commit = () => {
      finish()
      setError(id, null)
      apply(changes, (change) => (change.id === id ? source : 'cascade'), at)
    }
    let saving: void | Promise<void> = undefined
    try {
      saving = save(changes)
    } catch (cause) {
      try {
        fail(cause)
      } catch (failure) {
        return Promise.reject(failure)
      }
    }
    if (!isThenable(saving)) {
      commit()
      return Promise.resolve()
    }
    if (!marked) {
      marked = true
      markPending(id, 1)
      setError(id, null)
      publish()
    }
    const seen = externalChanges
    return Promise.resolve(saving)
      .then(commit, fail)
      .then(() => reconcileLater(seen))
  }

  function reset(): Promise<void> {
    if (destroyed) return rejectDestroyed()
    return schedule(async () => {
      const at = now().toISOString()
      const changes: Change[] = graph.ids.filter(valueOf).map((id) => ({ id, decision: decide(false, 'reset', at) }))
      if (changes.length === 0) return
      for (const { id } of changes) {
        markPending(id, 1)
        setError(id, null)
      }
      publish()
      const seen = externalChanges
      try {
        await save(changes)
      } catch (cause) {
        const message = "We couldn't save turning every setting off. Your choices are unchanged."
        const failure = new ConsentError('save-failed', message, { cause })
        for (const { id } of changes) {
          markPending(id, -1)
          setError(id, failure)
        }
        publish()
        report(failure)
        throw failure
      }
      for (const { id } of changes) markPending(id, -1)
      apply(changes, () => 'reset', at)
      reconcileLater(seen)
    }, false)
  }

  return {
    getSnapshot: () => keeper.snapshot(),
    getSetting(setting: SettingId) {
      const state = keeper.setting(setting)
      if (!state) throw new TypeError(`Unknown setting ${describe(setting)}; expected one of: ${graph.ids.join(', ')}`)
      return state
    },
    getServerSnapshot: () => serverSnapshot,
    subscribe(listener: () => void, setting?: SettingId): () => void {
      if (typeof listener !== 'function') {
        throw new TypeError(`subscribe expects a function, got ${describe(listener)}`)
      }
      if (setting === undefined) {
        const wrapper = () => listener()
        listeners.add(wrapper)
        return () => void listeners.delete(wrapper)
      }
      if (!graph.has(setting)) {
        throw new TypeError(`Unknown setting ${describe(setting)}; expected one of: ${graph.ids.join(', ')}`)
      }
      const wrapper = () => listener()
      const set = settingListeners.get(setting) ?? new Set()
      set.add(wrapper)
      settingListeners.set(setting, set)
      return () => void set.delete(wrapper)
    },
    onConsentChange: (handler) => emitter.on(handler),
    set,
    reset,
    ready,
    definitions: graph.definitions,
    destroy(): void {
      destroyed = true
      stopStorage?.()
      stopStorage = undefined
      listeners.clear()
      settingListeners.clear()
      emitter.clear()
    },
  }
}

const isThenable = (value: unknown): value is PromiseLike<void> =>
  typeof (value as PromiseLike<void> | null | undefined)?.then === 'function'

const sameDecision = (a: ConsentDecision | undefined, b: ConsentDecision | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.value === b.value &&
    a.decidedAt === b.decidedAt &&
    a.policyVersion === b.policyVersion &&
    a.source === b.source)

