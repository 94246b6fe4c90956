import type { ManagedSetting } from './managed'
import type { SettingGraph } from './settings'
import type { ConsentDecision, ConsentErrorLike, ConsentSnapshot, SettingId, SettingState } from './types'

/** What the snapshot is built from. */
export interface SnapshotSource {
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
  a.needsReconsent === b.needsReconsent &&
  a.managed === b.managed

/** True when an opt-in lapsed under a new policy and the person has not decided since. */
export const needsReconsent = (decision: ConsentDecision | null | undefined): boolean =>
  decision?.source === 'policy' && !decision.value

/** Settings held off by the store's `managed` option. */
export type ManagedMap = ReadonlyMap<SettingId, ManagedSetting>

/** The privacy-by-default snapshot: everything off, nothing decided (managed settings say so). */
export function defaultSnapshot(graph: SettingGraph, policyVersion: string, managed: ManagedMap = new Map()): ConsentSnapshot {
  const off: SettingState = Object.freeze({
    value: false,
    effective: false,
    pending: false,
    error: null,
    decision: null,
    needsReconsent: false,
    managed: null,
  })
  const stateOf = (id: SettingId): SettingState => {
    const lock = managed.get(id)
    return lock ? Object.freeze({ ...off, managed: lock }) : off
  }
  return Object.freeze({
    status: 'loading',
    policyVersion,
    settings: Object.freeze(Object.fromEntries(graph.ids.map((id) => [id, stateOf(id)]))),
  })
}

/**
 * Keeps one frozen state object per setting and rebuilds only the settings a change touched
 * (and those that require them), so a change costs the same with 3 settings or 1,000. The whole
 * snapshot is assembled only when someone asks for it, and reused until something changes.
 */
export function createSnapshotKeeper(graph: SettingGraph, server: ConsentSnapshot, managed: ManagedMap = new Map()) {
  const states = new Map<SettingId, SettingState>(graph.ids.map((id) => [id, server.settings[id]!]))
  let status = server.status
  let whole: ConsentSnapshot | null = server

  function compute(id: SettingId, state: SnapshotSource): SettingState {
    const decision = state.decisions.get(id) ?? null
    const lock = managed.get(id) ?? null
    // A managed setting reads its managed value (off); what the person saved stays in `decision`.
    const value = lock ? false : (decision?.value ?? false)
    const on = (r: SettingId) => !managed.has(r) && state.decisions.get(r)?.value === true
    return {
      value,
      effective: value && graph.requirementsOf(id).every(on),
      pending: (state.pending.get(id) ?? 0) > 0,
      error: state.errors.get(id) ?? null,
      decision,
      needsReconsent: !lock && needsReconsent(decision),
      managed: lock,
    }
  }

  return {
    /** One setting's current state object. */
    setting: (id: SettingId): SettingState | undefined => states.get(id),
    /** The whole snapshot; the same object until something changes. */
    snapshot(): ConsentSnapshot {
      whole ??= Object.freeze({ status, policyVersion: server.policyVersion, settings: Object.freeze(Object.fromEntries(states)) })
      return whole
    },
    /** Recomputes `touched` (or every setting) and their dependents. Returns the ids whose state changed, or `null` if nothing did. */
    update(state: SnapshotSource, touched: Iterable<SettingId> | 'all'): SettingId[] | null {
      let ids: Iterable<SettingId> = graph.ids
      if (touched !== 'all') {
        const expanded = new Set<SettingId>()
        for (const id of touched) {
          expanded.add(id)
          for (const dependent of graph.dependentsOf(id)) expanded.add(dependent)
        }
        ids = expanded
      }
      const changed: SettingId[] = []
      for (const id of ids) {
        const old = states.get(id)
        const candidate = compute(id, state)
        if (old && sameState(old, candidate)) continue
        states.set(id, Object.freeze(candidate))
        changed.push(id)
      }
      if (changed.length === 0 && status === state.status) return null
      status = state.status
      whole = null
      return changed
    },
  }
}
