import type { SettingGraph } from './settings'
import type { ConsentDecision, ConsentErrorLike, ConsentSnapshot, SettingId, SettingState } from './types'

/** What the snapshot is built from. */
export interface StoreState {
  readonly decisions: ReadonlyMap<SettingId, ConsentDecision>
  readonly pending: ReadonlyMap<SettingId, number>
  readonly errors: ReadonlyMap<SettingId, ConsentErrorLike>
  readonly status: 'loading' | 'ready'
}

const sameState = (a: SettingState, b: SettingState): boolean =>
  a.value === b.value &&
  a.effective === b.effective &&
  a.pending === b.pending &&
  a.error === b.error &&
  a.decision === b.decision &&
  a.needsReconsent === b.needsReconsent

/** True when an opt-in lapsed under a new policy and the person has not decided since. */
export const needsReconsent = (decision: ConsentDecision | null | undefined): boolean =>
  decision?.source === 'policy' && !decision.value

/** The privacy-by-default snapshot: everything off, nothing decided. */
export function defaultSnapshot(graph: SettingGraph, policyVersion: string): ConsentSnapshot {
  const off: SettingState = Object.freeze({
    value: false,
    effective: false,
    pending: false,
    error: null,
    decision: null,
    needsReconsent: false,
  })
  return Object.freeze({
    status: 'loading',
    policyVersion,
    settings: Object.freeze(Object.fromEntries(graph.ids.map((id) => [id, off]))),
  })
}

/**
 * Derives a new snapshot from state, reusing every setting object that did not change, and the
 * whole snapshot when nothing did, so `useSyncExternalStore` selectors stay stable.
 * Returns the ids whose state object changed.
 */
export function nextSnapshot(
  previous: ConsentSnapshot,
  state: StoreState,
  graph: SettingGraph,
): { snapshot: ConsentSnapshot; changed: SettingId[] } {
  const valueOf = (id: SettingId) => state.decisions.get(id)?.value ?? false
  const changed: SettingId[] = []
  const settings: Array<[SettingId, SettingState]> = graph.ids.map((id) => {
    const decision = state.decisions.get(id) ?? null
    const value = decision?.value ?? false
    const candidate: SettingState = {
      value,
      effective: value && graph.requirementsOf(id).every(valueOf),
      pending: (state.pending.get(id) ?? 0) > 0,
      error: state.errors.get(id) ?? null,
      decision,
      needsReconsent: needsReconsent(decision),
    }
    const old = previous.settings[id]
    if (old && sameState(old, candidate)) return [id, old]
    changed.push(id)
    return [id, Object.freeze(candidate)]
  })
  if (changed.length === 0 && previous.status === state.status) return { snapshot: previous, changed }
  return {
    snapshot: Object.freeze({
      status: state.status,
      policyVersion: previous.policyVersion,
      settings: Object.freeze(Object.fromEntries(settings)),
    }),
    changed,
  }
}
