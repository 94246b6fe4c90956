import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
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
  const unlock = lock(dataDir)
  try {
    const { PGlite } = await import('@electric-sql/pglite')
    const db = await PGlite.create(dataDir)
    return {
      kind: 'pglite',
      location: dataDir,
      async query<Row>(sql: string, params: readonly unknown[] = []) {
        return (await db.query<Row>(sql, [...params])).rows
      },
      transaction: (fn) => db.transaction((tx) => fn({ query: async <Row>(sql: string, params: readonly unknown[] = []) => (await tx.query<Row>(sql, [...params])).rows })),
      close: () => db.close().finally(unlock),
    }
  } catch (error) {
    unlock()
    throw error
  }
}

/**
 * PGlite is one process's database: a second server on the same directory would work on a copy
 * of its own, and whichever stopped last would overwrite the other's saves (a withdrawal lost).
 * A lock file holds the owner's process id; the lock of a process that is gone (a crash) is taken
 * over. Returns the release.
 */
function lock(dataDir: string): () => void {
  const file = join(dataDir, 'settings-app.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' })
      const release = () => {
        process.off('exit', release)
        rmSync(file, { force: true })
      }
      process.once('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(readFileSync(file, 'utf8'))
      if (running(owner)) throw new Error(`${dataDir} is in use by another server (process ${owner}): stop it, or set another DATA_DIR`)
      rmSync(file, { force: true })
    }
  }
  throw new Error(`${dataDir} is in use by another server that is starting at the same moment`)
}

function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
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
