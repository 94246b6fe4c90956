import { ConsentError, describe, typeError } from './errors'
import { decide } from './merge'
import { createSettingGraph, modelImprovementSettings } from './settings'
import type { SettingGraph } from './settings'
import type { ChangeSource, ConsentDecision, SettingDefinition, SettingId, StoredConsent } from './types'

/** The stored format version this build reads and writes. */
export const FORMAT_VERSION = 1

/** The longest `decidedAt` or `policyVersion` the reader accepts. */
export const MAX_TEXT_LENGTH = 256
const MAX_RAW_LENGTH = 1_000_000
const MAX_PROBLEMS = 5
/** `YYYY-MM-DDTHH:MM[:SS[.fraction]]` with `Z` or an offset, each field in its range (the day up to 31). */
const ISO_8601 = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/

/** The first instant stored data cannot hold (year 10000): no decision is dated at or after it. */
export const END_OF_TIME = 253_402_300_800_000

/** A real calendar date and time: `Date.parse` alone rolls 2025-02-30 over to March and accepts hour 24. */
export function isIsoDate(text: string): boolean {
  const match = ISO_8601.exec(text)
  // The day must exist in its month (day 0 of the next month is the last of this one). An offset
  // must not carry it past year 9999: no decision could then be dated after it.
  return !!match && +match[3]! <= new Date(Date.UTC(+match[1]!, +match[2]!, 0)).getUTCDate() && Date.parse(text) < END_OF_TIME
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Reads an own property only, so nothing inherited (or planted on a prototype) is ever trusted. */
const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(record, key) ? record[key] : undefined

/** Change sources that may appear in a stored decision; the first three are the only ones that can turn a setting on. */
const SOURCES = ['user', 'api', 'sync', 'policy', 'cascade', 'reset']

/**
 * The one reader of stored data (an object or its JSON text), for loads, change notifications,
 * reads before saving, `initialData` and `parseStoredConsent`. Never throws, never turns anything
 * on that is not a valid decision, and ignores prototype keys without touching any prototype.
 * Returns the valid decisions by id; anything it cannot trust is left out and named in
 * `problems` (at most five, then a count).
 */
export function parseStored(raw: unknown, graph: SettingGraph, problems: string[]): Map<SettingId, ConsentDecision> {
  const decisions = new Map<SettingId, ConsentDecision>()
  try {
    let data = raw
    if (typeof raw === 'string') {
      if (raw.length > MAX_RAW_LENGTH) throw process.env.NODE_ENV !== 'production' ? `stored data is too large (${raw.length} characters)` : `size ${raw.length}`
      try {
        data = JSON.parse(raw)
      } catch {
        throw process.env.NODE_ENV !== 'production' ? `stored data is not valid JSON: ${describe(raw)}` : `JSON ${describe(raw)}`
      }
    }
    if (raw != null) {
      if (!isRecord(data)) throw process.env.NODE_ENV !== 'production' ? `stored data must be an object, got ${describe(data)}` : `data ${describe(data)}`
      const formatVersion = own(data, 'formatVersion')
      if (formatVersion !== FORMAT_VERSION) {
        throw process.env.NODE_ENV !== 'production' ? `stored data has format version ${describe(formatVersion)}; this version reads ${FORMAT_VERSION}` : `formatVersion ${describe(formatVersion)}`
      }
      const stored = own(data, 'decisions')
      if (!isRecord(stored)) throw process.env.NODE_ENV !== 'production' ? `stored "decisions" must be an object, got ${describe(stored)}` : `decisions ${describe(stored)}`
      for (const id of Object.keys(stored)) {
        const decision = graph.places.has(id) && parseDecision(own(stored, id))
        if (!decision) problems.push(process.env.NODE_ENV !== 'production' ? `stored data names unknown setting ${describe(id)}` : `unknown ${describe(id)}`)
        else if (typeof decision !== 'string') decisions.set(id, decision)
        else problems.push(`${process.env.NODE_ENV !== 'production' ? 'stored decision for ' : ''}${describe(id)} ${decision}`)
      }
    }
  } catch (problem) {
    // A custom storage may hand over anything, including objects whose getters throw.
    problems.push(typeof problem === 'string' ? problem : `${process.env.NODE_ENV !== 'production' ? 'stored data could not be read: ' : ''}${describe(String(problem))}`)
  }
  if (problems.length > MAX_PROBLEMS) problems.splice(MAX_PROBLEMS, Infinity, `and ${problems.length - MAX_PROBLEMS} more problems`)
  return decisions
}

function parseDecision(input: unknown): ConsentDecision | string {
  if (!isRecord(input)) return process.env.NODE_ENV !== 'production' ? `must be an object, got ${describe(input)}` : describe(input)
  const [value, decidedAt, policyVersion, source] = ['value', 'decidedAt', 'policyVersion', 'source'].map((key) => own(input, key))
  if (typeof value !== 'boolean') return process.env.NODE_ENV !== 'production' ? `has a non-boolean value ${describe(value)}` : `value ${describe(value)}`
  if (typeof decidedAt !== 'string' || decidedAt.length > MAX_TEXT_LENGTH || !isIsoDate(decidedAt)) {
    return process.env.NODE_ENV !== 'production' ? `has an invalid decidedAt ${describe(decidedAt)} (expected an ISO 8601 date)` : `decidedAt ${describe(decidedAt)}`
  }
  if (typeof policyVersion !== 'string' || !policyVersion || policyVersion.length > MAX_TEXT_LENGTH) {
    return process.env.NODE_ENV !== 'production' ? `has an invalid policyVersion ${describe(policyVersion)}` : `policyVersion ${describe(policyVersion)}`
  }
  const kind = SOURCES.indexOf(source as string)
  if (kind < 0) return process.env.NODE_ENV !== 'production' ? `has an unknown source ${describe(source)}` : `source ${describe(source)}`
  if (value && kind > 2) {
    return process.env.NODE_ENV !== 'production' ? `is on with source ${describe(source)}, which only ever turns settings off` : `source ${describe(source)}`
  }
  return decide(value, decidedAt, policyVersion, source as ChangeSource)
}

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
    typeError(`parseStoredConsent options must be an object like { settings }, got ${describe(options)}`)
  }
  const problems: string[] = []
  const decisions = parseStored(input, createSettingGraph(options.settings ?? modelImprovementSettings), problems)
  if (input == null) problems.push(`stored data must be an object, got ${describe(input)}`)
  let data = input
  try {
    if (typeof input === 'string' && input.length <= MAX_RAW_LENGTH) data = JSON.parse(input)
  } catch {
    // Already a problem.
  }
  /** Names each key of `record` that is not one of `known`. */
  const unknownKeys = (record: unknown, where: string, known: string) => {
    if (isRecord(record)) {
      for (const key of Object.keys(record)) if (!known.split(' ').includes(key)) problems.push(`stored ${where} has an unknown key ${describe(key)}`)
    }
  }
  if (isRecord(data)) {
    unknownKeys(data, 'data', 'formatVersion decisions')
    const stored = own(data, 'decisions')
    if (isRecord(stored)) for (const id of Object.keys(stored)) unknownKeys(own(stored, id), `decision for ${describe(id)}`, 'value decidedAt policyVersion source')
  }
  if (problems.length === 0) return toStored(decisions)
  throw new ConsentError('storage-invalid', `Invalid consent data: ${problems.slice(0, MAX_PROBLEMS).join('; ')}${problems.length > MAX_PROBLEMS ? `; and ${problems.length - MAX_PROBLEMS} more problems` : ''}`)
}

/** The versioned JSON-ready form of `decisions`. Frozen, as is each decision. */
export function toStored(decisions: ReadonlyMap<SettingId, ConsentDecision>): StoredConsent {
  // `Object.fromEntries` defines own data properties, so a setting called `__proto__` is one too
  // (assignment would set the prototype).
  return Object.freeze({ formatVersion: FORMAT_VERSION, decisions: Object.freeze(Object.fromEntries(decisions)) })
}
