import { mkdirSync } from 'node:fs'
import type { Pool, PoolClient } from 'pg'

/** What a query or a transaction can run. Parameters are `$1`, `$2`, … in both databases. */
export interface Queryable {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>
}

/** The one database interface the app uses, over PGlite or a PostgreSQL server. */
export interface Database extends Queryable {
  /** `pglite` (embedded, on disk) or `postgres` (a server reached through `DATABASE_URL`). */
  readonly kind: 'pglite' | 'postgres'
  /** Where the data lives, for the start-up line (the URL without its password). */
  readonly location: string
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** PGlite: real PostgreSQL compiled to WebAssembly, in-process, stored in `dataDir`. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true })
  const { PGlite } = await import('@electric-sql/pglite')
  const db = await PGlite.create(dataDir)
  return {
    kind: 'pglite',
    location: dataDir,
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<Row>(sql, [...params])).rows
    },
    transaction: (fn) => db.transaction((tx) => fn({ query: async <Row>(sql: string, params: readonly unknown[] = []) => (await tx.query<Row>(sql, [...params])).rows })),
    close: () => db.close(),
  }
}

/** A PostgreSQL server through `pg`'s pool. */
export async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: url, max: 5 })
  // An idle client that loses its connection must not take the process down.
  pool.on('error', (error) => console.error('PostgreSQL pool:', error.message))
  const run = async <Row>(client: Pool | PoolClient, sql: string, params: readonly unknown[] = []) =>
    (await client.query(sql, [...params])).rows as Row[]
  await run(pool, 'SELECT 1')
  return {
    kind: 'postgres',
    location: redact(url),
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn({ query: (sql, params) => run(client, sql, params) })
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`. */
function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'DATABASE_URL'
  }
}
