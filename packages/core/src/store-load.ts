import { ConsentError } from './errors'
import { parseStored } from './records'
import type { Change, StoreState } from './store-state'
import type { ConsentDecision } from './types'

const sameDecision = (a: ConsentDecision | undefined, b: ConsentDecision | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.value === b.value &&
    a.decidedAt === b.decidedAt &&
    a.policyVersion === b.policyVersion &&
    a.source === b.source)

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
      const message = 'Saved choices could not be read, so every setting is off. Choices made now are kept until the page closes.'
      report(new ConsentError('storage-unavailable', message, { cause }))
    }
    // Listen before saving any lapse, so a change another tab makes meanwhile is not missed.
    if (!state.memoryOnly && !state.destroyed) listen()
    const parsed = parseStored(raw, graph)
    if (parsed.problems.length > 0) {
      const message = `Some saved choices could not be trusted, so they read off: ${parsed.problems.join('; ')}`
      report(new ConsentError('storage-invalid', message))
    }
    const at = timestamp()
    const loaded = normalise(parsed.decisions, at)
    const lapses: Change[] = graph.ids
      .filter((id) => loaded.get(id) !== parsed.decisions.get(id))
      .map((id) => ({ id, decision: loaded.get(id) ?? null }))
    const seen = state.externalChanges
    // Lapsed opt-ins stay out of the snapshot while their lapse is saved: nothing reads on meanwhile.
    if (lapses.length > 0) {
      try {
        await save(lapses, parsed.decisions)
      } catch (cause) {
        report(new ConsentError('save-failed', 'A policy change turned some settings off, but that could not be saved.', { cause }))
      }
    }
    if (state.destroyed) return
    state.decisions = new Map(parsed.decisions)
    state.touchedAll = true
    state.status = 'ready'
    apply(lapses, (change) => change.decision?.source ?? 'policy', at)
    publish()
    if (arrivedWhileLoading) onExternalChange(arrivedWhileLoading.raw)
    if (lapses.length > 0) reconcileLater(seen)
  })()

  function listen(): void {
    if (!storage.subscribe) return
    try {
      stopStorage = storage.subscribe((raw) => {
        if (state.status === 'loading') arrivedWhileLoading = { raw }
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
