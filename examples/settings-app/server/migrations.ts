import type { Database } from './db'

/**
 * The schema, as numbered migrations. Applied in order, each in its own transaction, and recorded
 * in `schema_migrations`; the same SQL runs on PGlite and on a PostgreSQL server. Never edit a
 * migration that has shipped: add the next one.
 */
export const migrations: ReadonlyArray<{ readonly version: number; readonly name: string; readonly sql: readonly string[] }> = [
  {
    version: 1,
    name: 'sessions, current decisions, append-only ledger',
    sql: [
      `CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        person text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      // One row per person: the version behind the ETag, bumped by every accepted change.
      `CREATE TABLE consent_heads (
        person text PRIMARY KEY,
        version integer NOT NULL
      )`,
      // The current decision per person and setting, exactly as the kit stored it.
      `CREATE TABLE consent_decisions (
        person text NOT NULL,
        setting text NOT NULL,
        value boolean NOT NULL,
        decided_at text NOT NULL,
        policy_version text NOT NULL,
        source text NOT NULL,
        PRIMARY KEY (person, setting)
      )`,
      // Every accepted decision, never updated or deleted (the trigger below refuses both).
      `CREATE TABLE consent_ledger (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        person text NOT NULL,
        setting text NOT NULL,
        value boolean NOT NULL,
        decided_at text NOT NULL,
        policy_version text NOT NULL,
        source text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        user_agent text
      )`,
      'CREATE INDEX consent_ledger_by_person ON consent_ledger (person, id DESC)',
      `CREATE FUNCTION consent_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'consent_ledger is append-only';
      END
      $$`,
      `CREATE TRIGGER consent_ledger_append_only BEFORE UPDATE OR DELETE ON consent_ledger
        FOR EACH ROW EXECUTE FUNCTION consent_ledger_refuse_change()`,
    ],
  },
  {
    version: 2,
    name: 'the ledger refuses TRUNCATE too',
    sql: [
      // TRUNCATE empties a table without firing row triggers: refuse it with a statement trigger.
      `CREATE TRIGGER consent_ledger_no_truncate BEFORE TRUNCATE ON consent_ledger
        FOR EACH STATEMENT EXECUTE FUNCTION consent_ledger_refuse_change()`,
    ],
  },
]

/** Brings the schema up to date. Safe to run from several servers at once (an advisory lock). */
export async function migrate(db: Database): Promise<number[]> {
  // Under the lock as well: two servers creating this table at once collide in PostgreSQL's
  // catalog (a duplicate key error, IF NOT EXISTS or not).
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(5180)')
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
  })
  const applied: number[] = []
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(5180)')
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version])
      if (done.length > 0) return
      for (const statement of migration.sql) await tx.query(statement)
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
      applied.push(migration.version)
    })
  }
  return applied
}
