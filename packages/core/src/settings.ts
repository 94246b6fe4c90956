import { describe, typeError } from './errors'
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

/** The resolved graph of setting definitions (plain data, shared by the rules and the store). */
export interface SettingGraph {
  readonly definitions: readonly NormalizedSettingDefinition[]
  /** Every id, parents before children. */
  readonly ids: readonly SettingId[]
  /** The place of each id in `ids`; also says which ids are known. */
  readonly places: ReadonlyMap<SettingId, number>
  /** Settings each id requires, directly or not. */
  readonly requirements: ReadonlyMap<SettingId, readonly SettingId[]>
  /** Settings that require each id, directly or not, parents before children. */
  readonly dependents: ReadonlyMap<SettingId, readonly SettingId[]>
}

/**
 * Validates definitions and resolves their graph. Bad input is a `TypeError` that names it, in
 * production too (with a shorter message): a broken graph could hide a requirement.
 */
export function createSettingGraph(input: unknown): SettingGraph {
  if (!Array.isArray(input) || input.length === 0) {
    typeError(process.env.NODE_ENV !== 'production' ? `settings must be a non-empty array of { id, requires? }, got ${describe(input)}` : 'settings')
  }
  const requires = new Map<SettingId, readonly SettingId[]>()
  for (const entry of input as Array<{ id?: unknown; requires?: unknown } | null>) {
    const { id, requires: given } = (entry ?? {}) as { id?: unknown; requires?: unknown }
    if (typeof id !== 'string' || !id.trim() || requires.has(id)) {
      typeError(
        process.env.NODE_ENV !== 'production'
          ? typeof entry !== 'object' || entry === null
            ? `each setting must be an object { id, requires? }, got ${describe(entry)}`
            : typeof id === 'string' && id.trim()
              ? `setting id ${describe(id)} is defined twice`
              : `setting id must be a non-empty string, got ${describe(id)}`
          : `id ${describe(id)}`,
      )
    }
    // One id or a list of ids: either way a flat list, then every entry must be an id.
    const list: unknown[] = given === undefined ? [] : [given].flat()
    if (list.some((r) => typeof r !== 'string')) {
      typeError(process.env.NODE_ENV !== 'production' ? `requires of ${describe(id)} must be a setting id or a list of ids, got ${describe(given)}` : `requires ${describe(given)}`)
    }
    requires.set(id, Object.freeze([...new Set(list as SettingId[])]))
  }
  // Parents before children, keeping the given order where it can; a cycle is a TypeError naming it.
  const ids: SettingId[] = []
  const requirements = new Map<SettingId, SettingId[]>()
  const dependents = new Map<SettingId, SettingId[]>()
  const visit = (id: SettingId, path: SettingId[]): void => {
    if (requirements.has(id)) return
    if (path.includes(id)) typeError(process.env.NODE_ENV !== 'production' ? `settings must not require each other in a cycle: ${[...path.slice(path.indexOf(id)), id].join(' -> ')}` : `cycle ${describe(id)}`)
    const all = new Set<SettingId>()
    for (const r of requires.get(id)!) {
      if (!requires.has(r)) {
        typeError(process.env.NODE_ENV !== 'production' ? `setting ${describe(id)} requires unknown setting ${describe(r)}; known ids: ${[...requires.keys()].join(', ')}` : `requires ${describe(r)}`)
      }
      visit(r, [...path, id])
      all.add(r)
      requirements.get(r)!.forEach((rr) => all.add(rr))
    }
    requirements.set(id, [...all])
    dependents.set(id, [])
    all.forEach((r) => dependents.get(r)!.push(id))
    ids.push(id)
  }
  requires.forEach((_, id) => visit(id, []))
  return {
    definitions: Object.freeze(ids.map((id) => Object.freeze({ id, requires: requires.get(id)! }))),
    ids: Object.freeze(ids),
    places: new Map(ids.map((id, place) => [id, place])),
    requirements,
    dependents,
  }
}
