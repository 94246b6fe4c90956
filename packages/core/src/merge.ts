import type { SettingGraph } from './settings'
import type { ConsentDecision, SettingId } from './types'

/** Decisions by setting id. */
export type Decisions = ReadonlyMap<SettingId, ConsentDecision>

/** Times of recent `decidedAt` texts: a set compares the same few times again and again. */
const times = new Map<string, number>()

/** The time of a decision (`Date.parse` of its `decidedAt`, remembered). */
export function timeOf(decision: ConsentDecision): number {
  const text = decision.decidedAt
  let time = times.get(text)
  if (time === undefined) {
    time = Date.parse(text)
    if (times.size >= 512) times.clear()
    times.set(text, time)
  }
  return time
}

/** A total order of the fields that are not time or value, so equal-time, equal-value ties are settled the same way everywhere. */
const tieKey = (d: ConsentDecision): string => `${d.decidedAt}\u0000${d.policyVersion}\u0000${d.source}`

/**
 * The merge rule for one setting: of two decisions, the later `decidedAt` wins; at the same
 * instant, off wins. Commutative, associative and idempotent, so every copy that has seen the
 * same decisions shows the same result, whatever the order it saw them in.
 * Returns one of its arguments (never a new object); of two equal decisions, the second.
 */
export function mergeDecision(a: ConsentDecision | undefined, b: ConsentDecision | undefined): ConsentDecision | undefined {
  if (a === undefined || a === b) return b
  if (b === undefined) return a
  const ta = timeOf(a)
  const tb = timeOf(b)
  if (ta !== tb) return ta > tb ? a : b
  if (a.value !== b.value) return a.value ? b : a
  return tieKey(a) > tieKey(b) ? a : b
}

/** Two decisions say the same thing (same value, time, policy version and source). */
export const sameDecision = (a: ConsentDecision | undefined, b: ConsentDecision | undefined): boolean =>
  a === b ||
  (a !== undefined && b !== undefined && a.value === b.value && a.decidedAt === b.decidedAt && a.policyVersion === b.policyVersion && a.source === b.source)

/** Merges two sets of decisions setting by setting (a setting missing on one side takes the other's decision). */
export function mergeRecords(a: Decisions, b: Decisions): Map<SettingId, ConsentDecision> {
  const merged = new Map(a)
  b.forEach((decision, id) => {
    const winner = mergeDecision(merged.get(id), decision)
    if (winner) merged.set(id, winner)
  })
  return merged
}

/** `later` wins over `earlier` by the merge rule: it is newer, or it is the off side of a tie. */
export const supersedes = (later: ConsentDecision, earlier: ConsentDecision | undefined): boolean =>
  mergeDecision(earlier, later) === later

/** The later of two ISO times (the first on a tie). */
const later = (a: string, b: string | undefined): string => (b !== undefined && Date.parse(b) > Date.parse(a) ? b : a)

/**
 * What a set of decisions means for the person: an opt-in made under another policy version
 * reads off (a `policy` decision, so `needsReconsent` shows), and a setting whose requirement is
 * off reads off (a `cascade` decision). These derived decisions take the time of what caused
 * them (the lapsed opt-in; the later of the dependent's decision and its requirement's), so every
 * copy derives exactly the same ones (a server render and the hydrating browser agree, two tabs
 * never argue), the decision they replace still loses (off wins a tie), and any decision made
 * after them wins over them.
 */
export function cascade(decisions: Decisions, graph: SettingGraph, policyVersion: string): Map<SettingId, ConsentDecision> {
  const result = new Map(decisions)
  // Only a decision that reads on can be derived off: look at those alone, parents before children,
  // so a requirement is final when its dependents are looked at (a requirement turned off here was on).
  for (const id of inGraphOrder(graph, onIds(decisions))) {
    const derived = derive(result.get(id), graph.requirementsOf(id), (r) => result.get(r), policyVersion)
    if (derived) result.set(id, derived)
  }
  return result
}

function onIds(decisions: Decisions): SettingId[] {
  const on: SettingId[] = []
  decisions.forEach((decision, id) => void (decision.value && on.push(id)))
  return on
}

/** Known ids among `ids`, parents before children (the order of `graph.ids`), each once. */
export function inGraphOrder(graph: SettingGraph, ids: Iterable<SettingId>): SettingId[] {
  const places: number[] = []
  for (const id of ids) {
    const place = graph.position(id)
    if (place !== undefined) places.push(place)
  }
  // A sort of the few ids, or a walk of every id when they are many.
  if (places.length * 8 < graph.ids.length) {
    places.sort((a, b) => a - b)
    return places.filter((place, index) => index === 0 || places[index - 1] !== place).map((place) => graph.ids[place]!)
  }
  const wanted = new Set(places)
  return graph.ids.filter((_, place) => wanted.has(place))
}

/**
 * The derived decision for one setting (see `cascade`), or `undefined` when its own decision
 * stands. `shown` gives what each requirement reads, already derived.
 */
export function derive(
  decision: ConsentDecision | undefined,
  requirements: readonly SettingId[],
  shown: (id: SettingId) => ConsentDecision | undefined,
  policyVersion: string,
): ConsentDecision | undefined {
  if (!decision?.value) return undefined
  if (decision.policyVersion !== policyVersion) {
    return Object.freeze({ value: false, decidedAt: decision.decidedAt, policyVersion, source: 'policy' })
  }
  const off = requirements.filter((r) => !shown(r)?.value)
  if (off.length === 0) return undefined
  const stamp = off.reduce((at, r) => later(at, shown(r)?.decidedAt), decision.decidedAt)
  return Object.freeze({ value: false, decidedAt: stamp, policyVersion, source: 'cascade' })
}
