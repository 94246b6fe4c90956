import { ConsentError, describe } from './errors'
import { createSettingGraph, modelImprovementSettings } from './settings'
import type { SettingGraph } from './settings'
import type { ChangeSource, ConsentDecision, SettingDefinition, SettingId, StoredConsent } from './types'

/** The stored format version this build reads and writes. */
export const FORMAT_VERSION = 1

/** Change sources that may appear in a stored decision. */
export const CHANGE_SOURCES: readonly ChangeSource[] = ['user', 'api', 'sync', 'policy', 'cascade', 'reset']

const MAX_RAW_LENGTH = 1_000_000
/** The longest `decidedAt` or `policyVersion` the reader accepts. */
export const MAX_TEXT_LENGTH = 256
const MAX_PROBLEMS = 5
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/

/** A real calendar date and time: `Date.parse` alone rolls 2025-02-30 over to March and accepts hour 24. */
export function isIsoDate(text: string): boolean {
  if (validDates.has(text)) return true
  if (!checkIsoDate(text)) return false
  if (validDates.size >= 512) validDates.clear()
  validDates.add(text)
  return true
}

/** Texts recently found to be real dates: each read before a save checks the same few again. */
const validDates = new Set<string>()

function checkIsoDate(text: string): boolean {
  const match = ISO_8601.exec(text)
  if (!match) return false
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)))
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth &&
    hour < 24 && minute < 60 && second < 60 && offsetHours < 24 && offsetMinutes < 60
  )
}

/** What was read from storage: valid decisions by id, and the problems found. */
export interface ParsedStore {
  readonly decisions: ReadonlyMap<SettingId, ConsentDecision>
  readonly problems: readonly string[]
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Reads an own property only, so nothing inherited (or planted on a prototype) is ever trusted. */
const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined

/** Sources that can turn a setting on; `policy`, `cascade` and `reset` only ever turn settings off. */
const OPT_IN_SOURCES: readonly ChangeSource[] = ['user', 'api', 'sync']

/**
 * Reads stored data (an object or its JSON text) defensively: never throws, never turns
 * anything on that is not a valid decision, and ignores prototype keys without touching
 * any prototype. Anything it cannot trust is left out and named in `problems`.
 */
export function parseStored(raw: unknown, graph: SettingGraph): ParsedStore {
  try {
    const parsed = parseUnsafe(raw, graph)
    const { problems } = parsed
    if (problems.length <= MAX_PROBLEMS) return parsed
    const rest = `and ${problems.length - MAX_PROBLEMS} more problems`
    return { decisions: parsed.decisions, problems: [...problems.slice(0, MAX_PROBLEMS), rest] }
  } catch (error) {
    // A custom storage may hand over anything, including objects whose getters throw.
    return { decisions: new Map(), problems: [`stored data could not be read: ${describe(String(error))}`] }
  }
}

function parseUnsafe(raw: unknown, graph: SettingGraph): ParsedStore {
  const decisions = new Map<SettingId, ConsentDecision>()
  const problems: string[] = []
  if (raw === null || raw === undefined) return { decisions, problems }
  let data: unknown = raw
  if (typeof raw === 'string') {
    if (raw.length > MAX_RAW_LENGTH) {
      return { decisions, problems: [`stored data is too large (${raw.length} characters)`] }
    }
    try {
      data = JSON.parse(raw)
    } catch {
      return { decisions, problems: [`stored data is not valid JSON: ${describe(raw)}`] }
    }
  }
  if (!isRecord(data)) return { decisions, problems: [`stored data must be an object, got ${describe(data)}`] }
  const formatVersion = own(data, 'formatVersion')
  if (formatVersion !== FORMAT_VERSION) {
    problems.push(process.env.NODE_ENV !== 'production' ? `stored data has format version ${describe(formatVersion)}; this version reads ${FORMAT_VERSION}` : `formatVersion ${describe(formatVersion)}`)
    return { decisions, problems }
  }
  const stored = own(data, 'decisions')
  if (!isRecord(stored)) {
    return { decisions, problems: [`stored "decisions" must be an object, got ${describe(stored)}`] }
  }
  for (const key of Object.keys(stored)) {
    if (!graph.has(key)) {
      problems.push(process.env.NODE_ENV !== 'production' ? `stored data names unknown setting ${describe(key)}` : `unknown ${describe(key)}`)
      continue
    }
    const decision = parseDecision(own(stored, key))
    if (typeof decision === 'string') problems.push(`stored decision for ${describe(key)} ${decision}`)
    else decisions.set(key, decision)
  }
  return { decisions, problems }
}

function parseDecision(input: unknown): ConsentDecision | string {
  if (!isRecord(input)) return process.env.NODE_ENV !== 'production'
    ? `must be an object, got ${describe(input)}`
    : describe(input)
  const [value, decidedAt, policyVersion, source] = ['value', 'decidedAt', 'policyVersion', 'source'].map((key) => own(input, key))
  if (typeof value !== 'boolean') return process.env.NODE_ENV !== 'production'
    ? `has a non-boolean value ${describe(value)}`
    : `value ${describe(value)}`
  if (typeof decidedAt !== 'string' || decidedAt.length > MAX_TEXT_LENGTH || !isIsoDate(decidedAt)) {
    return process.env.NODE_ENV !== 'production'
      ? `has an invalid decidedAt ${describe(decidedAt)} (expected an ISO 8601 date)`
      : `decidedAt ${describe(decidedAt)}`
  }
  if (typeof policyVersion !== 'string' || policyVersion === '' || policyVersion.length > MAX_TEXT_LENGTH) {
    return process.env.NODE_ENV !== 'production'
      ? `has an invalid policyVersion ${describe(policyVersion)}`
      : `policyVersion ${describe(policyVersion)}`
  }
  if (typeof source !== 'string' || !CHANGE_SOURCES.includes(source as ChangeSource)) {
    return process.env.NODE_ENV !== 'production' ? `has an unknown source ${describe(source)}` : `source ${describe(source)}`
  }
  if (value && !OPT_IN_SOURCES.includes(source as ChangeSource)) {
    return process.env.NODE_ENV !== 'production'
      ? `is on with source ${describe(source)}, which only ever turns settings off`
      : `source ${describe(source)}`
  }
  return Object.freeze({ value, decidedAt, policyVersion, source: source as ChangeSource })
}

const TOP_LEVEL_KEYS = ['formatVersion', 'decisions']
const DECISION_KEYS = ['value', 'decidedAt', 'policyVersion', 'source']

/** Options for `parseStoredConsent`. */
export interface ParseStoredConsentOptions {
  /** The setting definitions the data must match. Default: `modelImprovementSettings`. */
  readonly settings?: readonly SettingDefinition[]
}

/**
 * Strictly validates data in the stored format (an object or its JSON text), as a server does
 * before it accepts a save. Uses the same per-setting rules as the store's own loading, and is
 * stricter where a server should be, so every problem, including an unknown setting id or an
 * unknown key, throws a `ConsentError` with code `storage-invalid` naming what is wrong.
 * Never touches a prototype (`__proto__` keys are refused, not followed).
 *
 * @returns the validated data, frozen, with only the known fields of each decision
 * @example
 * app.put('/api/consent', async (c) => {
 *   const data = parseStoredConsent(await c.req.text()) // throws on bad input: answer 400
 * })
 */
export function parseStoredConsent(input: unknown, options: ParseStoredConsentOptions = {}): StoredConsent {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`parseStoredConsent options must be an object like { settings }, got ${describe(options)}`)
  }
  const graph = createSettingGraph(options.settings ?? modelImprovementSettings)
  const problems: string[] = []
  let data: unknown = input
  if (typeof input === 'string') {
    if (input.length > MAX_RAW_LENGTH) problems.push(`stored data is too large (${input.length} characters)`)
    else {
      try {
        data = JSON.parse(input)
      } catch {
        problems.push(`stored data is not valid JSON: ${describe(input)}`)
      }
    }
  }
  if (problems.length === 0) {
    if (!isRecord(data)) problems.push(`stored data must be an object, got ${describe(data)}`)
    else {
      const parsed = parseStored(data, graph)
      problems.push(...parsed.problems)
      for (const key of Object.keys(data)) {
        if (!TOP_LEVEL_KEYS.includes(key)) problems.push(`stored data has an unknown key ${describe(key)}`)
      }
      const stored = own(data, 'decisions')
      if (isRecord(stored)) {
        for (const id of Object.keys(stored)) {
          const decision = own(stored, id)
          if (!isRecord(decision)) continue
          for (const key of Object.keys(decision)) {
            if (!DECISION_KEYS.includes(key)) problems.push(`stored decision for ${describe(id)} has an unknown key ${describe(key)}`)
          }
        }
      }
      if (problems.length === 0) return toStored(parsed.decisions)
    }
  }
  const shown = problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), `and ${problems.length - MAX_PROBLEMS} more problems`] : problems
  throw new ConsentError('storage-invalid', `Invalid consent data: ${shown.join('; ')}`)
}

/** Sets an own data property, even for a setting called `__proto__` (assignment would set the prototype). */
function put(record: Record<SettingId, ConsentDecision>, id: SettingId, decision: ConsentDecision): void {
  if (id === '__proto__') Object.defineProperty(record, id, { value: decision, enumerable: true, writable: true, configurable: true })
  else record[id] = decision
}

/** The versioned JSON-ready form of `base` with `changes` applied (a `null` decision removes one). Frozen. */
export function toStored(
  base: ReadonlyMap<SettingId, ConsentDecision>,
  changes: ReadonlyArray<{ readonly id: SettingId; readonly decision: ConsentDecision | null }> = [],
): StoredConsent {
  const decisions: Record<SettingId, ConsentDecision> = {}
  // `forEach` rather than `for…of`: no iterator objects, which matters while the code is still cold.
  base.forEach((decision, id) => put(decisions, id, decision))
  // A changed setting keeps its place; a new one is added at the end.
  for (const { id, decision } of changes) {
    if (decision) put(decisions, id, decision)
    else delete decisions[id]
  }
  return Object.freeze({ formatVersion: FORMAT_VERSION, decisions: Object.freeze(decisions) })
}
