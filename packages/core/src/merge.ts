import type { SettingGraph } from './settings'
import type { ConsentDecision, SettingId } from './types'

/** Decisions by setting id. */
export type Decisions = ReadonlyMap<SettingId, ConsentDecision>

/** Times of recent `decidedAt` texts: the store compares the same few times again and again. */
const times = new Map<string, number>()

/** `Date.parse` of an ISO time, remembered (`given`: the time is already known, as for a new stamp). */
export function timeAt(text: string, given?: number): number {
  let time = times.get(text)
  if (time === undefined) {
    if (times.size > 511) times.clear()
    times.set(text, (time = given ?? Date.parse(text)))
  }
  return time
}

/** The time of a decision. */
export const timeOf = (decision: ConsentDecision): number => timeAt(decision.decidedAt)

/** A total order of the fields that are not time or value, so equal-time, equal-value ties are settled the same way everywhere. */
const tieKey = (d: ConsentDecision): string => `${d.decidedAt}\0${d.policyVersion}\0${d.source}`

/**
 * The merge rule for one setting: of two decisions, the later `decidedAt` wins; at the same
 * instant, off wins. Commutative, associative and idempotent, so every copy that has seen the
 * same decisions shows the same result, whatever the order it saw them in.
 * Returns one of its arguments (never a new object); of two equal decisions, the second.
 */
export function mergeDecision(a: ConsentDecision | undefined, b: ConsentDecision | undefined): ConsentDecision | undefined {
  if (!a || a === b) return b
  if (!b) return a
  const ta = timeOf(a)
  const tb = timeOf(b)
  if (ta !== tb) return ta > tb ? a : b
  if (a.value !== b.value) return a.value ? b : a
  return tieKey(a) > tieKey(b) ? a : b
}

/** Two decisions say the same thing (same value, time, policy version and source). */
export const sameDecision = (a: ConsentDecision | null | undefined, b: ConsentDecision | null | undefined): boolean =>
  a === b ||
  (!!a && !!b && a.value === b.value && a.decidedAt === b.decidedAt && a.policyVersion === b.policyVersion && a.source === b.source)

/** Merges two sets of decisions setting by setting (a setting missing on one side takes the other's decision). */
export function mergeRecords(a: Decisions, b: Decisions): Map<SettingId, ConsentDecision> {
  const merged = new Map(a)
  b.forEach((decision, id) => keepDecision(merged, id, decision))
  return merged
}

/** A frozen decision. */
export const decide = (value: boolean, decidedAt: string, policyVersion: string, source: ConsentDecision['source']): ConsentDecision =>
  Object.freeze({ value, decidedAt, policyVersion, source })

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
  // Only a decided setting can be derived off (`derive` passes over those that read off): look at
  // those alone (so the cost follows the decisions, not the settings), parents before children, so
  // a requirement is final when its dependents are looked at (a requirement turned off here was on).
  for (const id of inGraphOrder(graph, decisions.keys())) {
    const derived = derive(result.get(id), graph.requirements.get(id)!, (r) => result.get(r), policyVersion)
    if (derived) result.set(id, derived)
  }
  return result
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
  if (decision.policyVersion !== policyVersion) return decide(false, decision.decidedAt, policyVersion, 'policy')
  let off = false
  let at = decision.decidedAt
  for (const r of requirements) {
    const requirement = shown(r)
    if (requirement?.value) continue
    off = true
    if (requirement && timeOf(requirement) > timeAt(at)) at = requirement.decidedAt
  }
  return off ? decide(false, at, policyVersion, 'cascade') : undefined
}

/** `ids` (known and distinct: a Set's or a Map's keys), parents before children. */
export function inGraphOrder(graph: SettingGraph, ids: Iterable<SettingId>): SettingId[] {
  return Array.from(ids, (id) => graph.places.get(id)!)
    .sort((a, b) => a - b)
    .map((place) => graph.ids[place]!)
}

/** Keeps `decision` in `into` by the merge rule; says whether that changed what `into` held. */
export function keepDecision(into: Map<SettingId, ConsentDecision>, id: SettingId, decision: ConsentDecision): boolean {
  const before = into.get(id)
  return into.set(id, mergeDecision(before, decision)!).get(id) !== before
}

/**
 * What a write saves: every decision known, the cascades the person sees (a dependent seen off
 * because its requirement is off stays off when that requirement comes back), the write's own
 * `changes` merged by the same rule (a later decision stored meanwhile still wins), and the
 * cascades all of that causes (storage may have turned a requirement off: a dependent's older
 * opt-in must never come back when the requirement is turned on again).
 */
export function toWrite(known: Decisions, shown: Decisions, changes: Decisions, graph: SettingGraph, policyVersion: string): Map<SettingId, ConsentDecision> {
  // The merge rule is commutative: the order these are merged in does not matter.
  const base = mergeRecords(known, changes)
  shown.forEach((decision, id) => decision.source === 'cascade' && keepDecision(base, id, decision))
  cascade(base, graph, policyVersion).forEach((decision, id) => decision.source === 'cascade' && keepDecision(base, id, decision))
  return base
}

/** Two records hold the same decisions. */
export const sameRecords = (a: Decisions, b: Decisions): boolean =>
  a.size === b.size && [...a].every(([id, decision]) => sameDecision(decision, b.get(id)))
