import { ConsentError, isStorageAbsentOnServer } from './errors'
import { mergeRecords, sameDecision } from './merge'
import { parseStored } from './records'
import type { Change, StoreState } from './store-state'
import type { ConsentDecision } from './types'

/** The report for storage that cannot be read in a browser, worded for what the person now sees. */
function unreadable(cause: unknown, hasInitialData: boolean): ConsentError {
  const shows = hasInitialData ? 'so this page shows the choices it was given' : 'so every setting is off'
  const message = `Saved choices could not be read in this browser, ${shows}. Choices made now are kept until the page closes.`
  return new ConsentError('storage-unavailable', message, { cause })
}

/**
 * Loads stored decisions (after a microtask, so handlers registered right after creation see any
 * policy lapse), then applies changes that other tabs make. Never rejects: unreadable storage
 * switches the store to memory, untrustworthy data reads off, and both are reported.
 * Returns the `ready` promise and a function that stops listening to storage.
 */
export function loadAndSync(state: StoreState, reconcileLater: (seen: number) => void) {
  const { graph, storage, report, apply, save, publish, normalise, timestamp } = state
  let stopStorage: (() => void) | undefined
  /** The latest external change that arrived before loading finished; applied right after. */
  let arrivedWhileLoading: { raw: unknown } | undefined

  const ready: Promise<void> = (async () => {
    await Promise.resolve()
    let raw: unknown = null
    try {
      raw = await storage.load()
    } catch (cause) {
      state.memoryOnly = true
      // On a server there is simply no browser storage: nothing is wrong, so nothing is said.
      if (!isStorageAbsentOnServer(cause)) report(unreadable(cause, state.initial !== undefined))
    }
    // Listen before saving any lapse, so a change another tab makes meanwhile is not missed.
    if (!state.memoryOnly && !state.destroyed) listen()
    const parsed = parseStored(raw, graph)
    if (parsed.problems.length > 0) {
      const message = `Some saved choices could not be trusted, so they read off: ${parsed.problems.join('; ')}`
      report(new ConsentError('storage-invalid', message))
    }
    const at = timestamp()
    const base = state.initial ? mergeRecords(state.initial, parsed.decisions) : parsed.decisions
    const loaded = normalise(base, at)
    // What storage lacks: lapses and cascades found now, and newer decisions from initialData.
    const toSave: Change[] = graph.ids
      .filter((id) => !sameDecision(loaded.get(id), parsed.decisions.get(id)))
      .map((id) => ({ id, decision: loaded.get(id) ?? null }))
    const seen = state.externalChanges
    // Lapsed opt-ins stay out of the snapshot while their lapse is saved: nothing reads on meanwhile.
    if (toSave.length > 0 && !state.memoryOnly) {
      try {
        await save(toSave, parsed.decisions)
      } catch (cause) {
        report(new ConsentError('save-failed', 'A policy change turned some settings off, but that could not be saved.', { cause }))
      }
    }
    if (state.destroyed) return
    if (!state.initial) state.decisions = new Map(parsed.decisions)
    // Decisions added here (lapses, cascades) carry their own source; what storage says differently
    // from initialData came from another tab or device.
    const added = new Set(graph.ids.filter((id) => !sameDecision(loaded.get(id), base.get(id))))
    const changes: Change[] = graph.ids
      .filter((id) => !sameDecision(loaded.get(id), state.decisions.get(id)))
      .map((id) => ({ id, decision: loaded.get(id) ?? null }))
    state.loaded = true
    state.touchedAll = true
    state.status = 'ready'
    apply(changes, (change) => (added.has(change.id) ? (change.decision?.source ?? 'policy') : 'sync'), at)
    publish()
    if (arrivedWhileLoading) onExternalChange(arrivedWhileLoading.raw)
    if (toSave.length > 0) reconcileLater(seen)
  })()

  function listen(): void {
    if (!storage.subscribe) return
    try {
      stopStorage = storage.subscribe((raw) => {
        if (!state.loaded) arrivedWhileLoading = { raw }
        else onExternalChange(raw)
      })
    } catch (cause) {
      report(new ConsentError('storage-unavailable', 'Changes made in other tabs will not show here until the page reloads.', { cause }))
    }
  }

  function onExternalChange(raw: unknown): void {
    if (state.destroyed) return
    const parsed = parseStored(raw, graph)
    if (parsed.problems.length > 0) {
      report(new ConsentError('storage-invalid', `A change from another tab was ignored: ${parsed.problems.join('; ')}`))
      return
    }
    const at = timestamp()
    const incoming = normalise(parsed.decisions, at)
    const changes: Change[] = graph.ids
      .filter((id) => !sameDecision(incoming.get(id), state.decisions.get(id)))
      .map((id) => ({ id, decision: incoming.get(id) ?? null }))
    if (changes.length === 0) return
    state.externalChanges++
    apply(changes, () => 'sync', at)
  }

  return {
    ready,
    stop(): void {
      stopStorage?.()
      stopStorage = undefined
    },
  }
}
