import { serve } from '@hono/node-server'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from './app'
import { openPglite, openPostgres } from './db'
import { migrate } from './migrations'

// Built to dist/server/main.js: the package root is two levels up.
const packageRoot = fileURLToPath(new URL('../..', import.meta.url))
const env = process.env
// Relative paths are relative to where the command was typed (pnpm sets INIT_CWD).
const dataDir = resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR ?? resolve(packageRoot, '.data'))
const host = env.HOST ?? '127.0.0.1'
const port = Number(env.PORT ?? 5180)
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`PORT must be a port number, got ${JSON.stringify(env.PORT)}`)

/** Ends with one plain line instead of a stack trace for the problems a person can fix. */
function fail(what: string, error: unknown): never {
  console.error(`${what}: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

const db = await (env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(dataDir)).catch((error: unknown) =>
  fail(`Could not open the database (${env.DATABASE_URL ? 'DATABASE_URL' : `PGlite in ${dataDir}`})`, error),
)
await migrate(db).catch((error: unknown) => fail('Could not migrate the database', error))
const app = createApp({
  db,
  policyVersion: env.POLICY_VERSION || '2026-12',
  clientDir: resolve(packageRoot, 'dist/client'),
  testFaults: env.SETTINGS_APP_TEST_FAULTS === '1',
})

const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address
  console.log(`Settings app: http://${shown}:${info.port}/ (${db.kind === 'pglite' ? 'PGlite in' : 'PostgreSQL at'} ${db.location})`)
})

server.on('error', (error) => fail(`Could not listen on ${host}:${port}`, error))

let closing = false
async function shutdown(signal: string) {
  if (closing) return
  closing = true
  console.log(`${signal}: closing`)
  server.close()
  // PGlite writes its files on close; a clean stop keeps the data directory consistent.
  await db.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
