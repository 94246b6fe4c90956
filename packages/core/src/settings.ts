import { describe } from './errors'
import type { NormalizedSettingDefinition, SettingDefinition, SettingId } from './types'

/**
 * The shipped preset: the main setting and two recordings opt-ins that only count while it is on.
 * Every setting starts off.
 */
export const modelImprovementSettings: readonly SettingDefinition[] = Object.freeze([
  Object.freeze({ id: 'improve-model' }),
  Object.freeze({ id: 'include-audio', requires: 'improve-model' }),
  Object.freeze({ id: 'include-video', requires: 'improve-model' }),
])

/** The resolved graph of setting definitions. */
export interface SettingGraph {
  readonly definitions: readonly NormalizedSettingDefinition[]
  readonly ids: readonly SettingId[]
  readonly has: (id: unknown) => id is SettingId
  /** Settings that require `id`, directly or not, parents before children. */
  readonly dependentsOf: (id: SettingId) => readonly SettingId[]
  /** Settings `id` requires, directly or not. */
  readonly requirementsOf: (id: SettingId) => readonly SettingId[]
  /** The place of `id` in `ids` (parents before children), or `undefined` for an unknown id. */
  readonly position: (id: SettingId) => number | undefined
}

/** Validates definitions and resolves their graph. Bad input is a `TypeError` that names it. */
export function createSettingGraph(input: unknown): SettingGraph {
  if (!Array.isArray(input) || input.length === 0) {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `settings must be a non-empty array of { id, requires? }, got ${describe(input)}`
        : 'settings',
    )
  }
  const byId = new Map<SettingId, NormalizedSettingDefinition>()
  for (const entry of input as unknown[]) {
    if (typeof entry !== 'object' || entry === null) {
      throw new TypeError(
        process.env.NODE_ENV !== 'production'
          ? `each setting must be an object { id, requires? }, got ${describe(entry)}`
          : `setting ${describe(entry)}`,
      )
    }
    const { id, requires } = entry as { id?: unknown; requires?: unknown }
    if (typeof id !== 'string' || id.trim() === '') {
      throw new TypeError(
        process.env.NODE_ENV !== 'production'
          ? `setting id must be a non-empty string, got ${describe(id)}`
          : `id ${describe(id)}`,
      )
    }
    if (byId.has(id)) throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `setting id ${describe(id)} is defined twice`
        : `id ${describe(id)}`,
    )
    const list = requires === undefined ? [] : typeof requires === 'string' ? [requires] : requires
    if (!Array.isArray(list) || list.some((r) => typeof r !== 'string')) {
      throw new TypeError(
        process.env.NODE_ENV !== 'production' ? `requires of ${describe(id)} must be a setting id or a list of ids, got ${describe(requires)}` : `requires ${describe(requires)}`,
      )
    }
    byId.set(id, Object.freeze({ id, requires: Object.freeze([...new Set(list as string[])]) }))
  }
  for (const def of byId.values()) {
    for (const r of def.requires) {
      if (!byId.has(r)) {
        throw new TypeError(
          process.env.NODE_ENV !== 'production' ? `setting ${describe(def.id)} requires unknown setting ${describe(r)}; known ids: ${[...byId.keys()].join(', ')}` : `requires ${describe(r)}`,
        )
      }
    }
  }
  const ids = topologicalOrder(byId)
  const dependents = new Map<SettingId, SettingId[]>(ids.map((id) => [id, []]))
  const requirements = new Map<SettingId, SettingId[]>()
  for (const id of ids) {
    const all = new Set<SettingId>()
    for (const r of byId.get(id)!.requires) {
      all.add(r)
      for (const rr of requirements.get(r)!) all.add(rr)
    }
    requirements.set(id, [...all])
    for (const r of all) dependents.get(r)!.push(id)
  }
  const definitions = Object.freeze(ids.map((id) => byId.get(id)!))
  const positions = new Map<SettingId, number>(ids.map((id, index) => [id, index]))
  return {
    definitions,
    ids: Object.freeze(ids),
    has: (id: unknown): id is SettingId => typeof id === 'string' && byId.has(id),
    dependentsOf: (id) => dependents.get(id) ?? [],
    requirementsOf: (id) => requirements.get(id) ?? [],
    position: (id) => positions.get(id),
  }
}

/** Parents before children; a cycle is a `TypeError` naming it. Keeps the given order where it can. */
function topologicalOrder(byId: ReadonlyMap<SettingId, NormalizedSettingDefinition>): SettingId[] {
  const order: SettingId[] = []
  const state = new Map<SettingId, 'visiting' | 'done'>()
  const visit = (id: SettingId, path: SettingId[]): void => {
    const seen = state.get(id)
    if (seen === 'done') return
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id].join(' -> ')
      throw new TypeError(
        process.env.NODE_ENV !== 'production'
          ? `settings must not require each other in a cycle: ${cycle}`
          : cycle,
      )
    }
    state.set(id, 'visiting')
    for (const r of byId.get(id)!.requires) visit(r, [...path, id])
    state.set(id, 'done')
    order.push(id)
  }
  for (const id of byId.keys()) visit(id, [])
  return order
}
