import type { ConsentDecision, StoredConsent } from '@model-consent/core'
import type { Database, Queryable } from './db'

/** The ETag of a person's decisions: their version number, quoted as HTTP wants. */
export const etagOf = (version: number): string => `"${version}"`

interface DecisionRow {
  setting: string
  value: boolean
  decided_at: string
  policy_version: string
  source: ConsentDecision['source']
}

/** One ledger entry as the API returns it. */
export interface HistoryEntry {
  readonly setting: string
  readonly value: boolean
  readonly decidedAt: string
  readonly policyVersion: string
  readonly source: string
  readonly receivedAt: string
  readonly userAgent: string | null
}

/** What a save did: saved with the new version, or refused because `If-Match` was stale. */
export type SaveOutcome =
  | { readonly saved: true; readonly version: number; readonly consent: StoredConsent; readonly appended: number }
  | { readonly saved: false; readonly version: number }

async function readDecisions(db: Queryable, person: string): Promise<Map<string, ConsentDecision>> {
  const rows = await db.query<DecisionRow>(
    'SELECT setting, value, decided_at, policy_version, source FROM consent_decisions WHERE person = $1 ORDER BY setting',
    [person],
  )
  const decisions = new Map<string, ConsentDecision>()
  for (const row of rows) {
    decisions.set(row.setting, { value: row.value, decidedAt: row.decided_at, policyVersion: row.policy_version, source: row.source })
  }
  return decisions
}

const toStored = (decisions: ReadonlyMap<string, ConsentDecision>): StoredConsent => {
  const record: Record<string, ConsentDecision> = {}
  // The ids were validated against the kit's settings, so none is `__proto__`.
  for (const [id, decision] of decisions) record[id] = decision
  return { formatVersion: 1, decisions: record }
}

const same = (a: ConsentDecision | undefined, b: ConsentDecision): boolean =>
  a !== undefined && a.value === b.value && a.decidedAt === b.decidedAt && a.policyVersion === b.policyVersion && a.source === b.source

/**
 * The kit's merge rule, from the stored side: `incoming` loses to `stored` when it is missing, is
 * older, or turns on at the same instant `stored` turned off. A client that merged what it read
 * never sends such a record; one that did not (a stale cache, `If-Match: *`, a replay) must not
 * bring an older opt-in back over a withdrawal, nor drop a decision the ledger holds.
 */
const losesTo = (stored: ConsentDecision, incoming: ConsentDecision | undefined): boolean => {
  if (incoming === undefined) return true
  const [then, now] = [Date.parse(stored.decidedAt), Date.parse(incoming.decidedAt)]
  return now < then || (now === then && incoming.value && !stored.value)
}

/** A person's current decisions in the kit's stored format, and their version. */
export async function loadConsent(db: Database, person: string): Promise<{ version: number; consent: StoredConsent }> {
  return db.transaction(async (tx) => {
    const head = await tx.query<{ version: number }>('SELECT version FROM consent_heads WHERE person = $1', [person])
    return { version: head[0]?.version ?? 0, consent: toStored(await readDecisions(tx, person)) }
  })
}

/** Options for {@link saveConsent}. */
export interface SaveConsentOptions {
  readonly person: string
  /** Validated data, from `parseStoredConsent`. */
  readonly consent: StoredConsent
  /** The version the client last read (`If-Match`); `null` for `If-Match: *`. */
  readonly expectedVersion: number | null
  readonly userAgent: string | null
  /** Test-only: fail after writing, so the transaction's rollback is what keeps the data unchanged. */
  readonly failAfterWriting?: boolean
}

/**
 * Replaces a person's decisions if nobody changed them since `expectedVersion` and every stored
 * decision is kept or replaced by one at least as new (else refused like a stale `If-Match`), and
 * appends every new or changed decision to the ledger, all in one transaction. Saving what is
 * already stored changes nothing and keeps the version.
 */
export async function saveConsent(db: Database, options: SaveConsentOptions): Promise<SaveOutcome> {
  const { person, consent, expectedVersion, userAgent } = options
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO consent_heads (person, version) VALUES ($1, 0) ON CONFLICT (person) DO NOTHING', [person])
    const head = await tx.query<{ version: number }>('SELECT version FROM consent_heads WHERE person = $1 FOR UPDATE', [person])
    const version = head[0]?.version ?? 0
    if (expectedVersion !== null && expectedVersion !== version) return { saved: false, version }
    const current = await readDecisions(tx, person)
    for (const [id, stored] of current) {
      if (losesTo(stored, Object.hasOwn(consent.decisions, id) ? consent.decisions[id] : undefined)) return { saved: false, version }
    }
    const changed = Object.entries(consent.decisions).filter(([id, decision]) => !same(current.get(id), decision))
    if (changed.length === 0) return { saved: true, version, consent: toStored(current), appended: 0 }
    for (const [setting, d] of changed) {
      await tx.query(
        `INSERT INTO consent_decisions (person, setting, value, decided_at, policy_version, source) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (person, setting) DO UPDATE SET value = $3, decided_at = $4, policy_version = $5, source = $6`,
        [person, setting, d.value, d.decidedAt, d.policyVersion, d.source],
      )
      await tx.query(
        `INSERT INTO consent_ledger (person, setting, value, decided_at, policy_version, source, user_agent)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [person, setting, d.value, d.decidedAt, d.policyVersion, d.source, userAgent],
      )
    }
    await tx.query('UPDATE consent_heads SET version = version + 1 WHERE person = $1', [person])
    if (options.failAfterWriting) throw new Error('test fault: this save was made to fail after writing')
    const next = await readDecisions(tx, person)
    return { saved: true, version: version + 1, consent: toStored(next), appended: changed.length }
  })
}

/** A person's ledger, newest first. */
export async function loadHistory(db: Database, person: string, limit = 500): Promise<HistoryEntry[]> {
  const rows = await db.query<DecisionRow & { received_at: Date | string; user_agent: string | null }>(
    `SELECT setting, value, decided_at, policy_version, source, received_at, user_agent
     FROM consent_ledger WHERE person = $1 ORDER BY id DESC LIMIT $2`,
    [person, limit],
  )
  return rows.map((row) => ({
    setting: row.setting,
    value: row.value,
    decidedAt: row.decided_at,
    policyVersion: row.policy_version,
    source: row.source,
    receivedAt: new Date(row.received_at).toISOString(),
    userAgent: row.user_agent,
  }))
}
