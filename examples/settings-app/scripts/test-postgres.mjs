#!/usr/bin/env node
// `pnpm test:postgres`: the example's API tests once more, against a real PostgreSQL server from
// Debian's `postgresql` package instead of PGlite. Creates a cluster of its own (initdb in a
// temporary directory, as the `postgres` user when run as root, since PostgreSQL refuses root),
// starts it on 127.0.0.1:5253, runs tests/api.test.mjs with DATABASE_URL, and stops and removes
// it again, also when the tests fail. PG_BIN overrides where initdb and pg_ctl are.
import { execFileSync, spawn } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { constants, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PORT = Number(process.env.SETTINGS_APP_POSTGRES_PORT ?? 5253)
const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : []
const bin = process.env.PG_BIN ?? (versions[0] ? `/usr/lib/postgresql/${versions[0]}/bin` : '')
if (!bin || !existsSync(join(bin, 'initdb'))) {
  console.error('PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN to the directory with initdb and pg_ctl)')
  process.exit(1)
}
const asRoot = process.getuid?.() === 0
/** Runs a PostgreSQL program, as the postgres user when we are root. */
const pg = (program, args) => {
  const command = asRoot ? 'runuser' : join(bin, program)
  const argv = asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args
  return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

const dir = mkdtempSync(join(tmpdir(), 'settings-app-postgres-'))
const data = join(dir, 'data')
if (asRoot) {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
  chownSync(dir, uid, gid)
}
let started = false
let code = 1
// PostgreSQL runs in a session of its own (pg_ctl detaches it), so Ctrl-C or a CI timeout does not
// reach it: an interruption stops the tests and then goes on to the clean-up below.
let interrupted = null
let tests = null
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interrupted ??= signal
    tests?.kill(signal)
  })
}
const check = () => {
  if (interrupted) throw new Error(`interrupted (${interrupted})`)
}
try {
  console.log(pg('postgres', ['--version']).trim())
  pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
  check()
  pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${PORT} -c listen_addresses=127.0.0.1 -k ${dir}`, 'start'])
  started = true
  console.log(`PostgreSQL started on 127.0.0.1:${PORT} with data in ${data}`)
  // Signals are handled between steps only: wait a turn for one that came during pg_ctl.
  await new Promise((resolve) => setImmediate(resolve))
  check()
  tests = spawn(process.execPath, [fileURLToPath(new URL('test-e2e.mjs', import.meta.url)), 'tests/api.test.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: `postgres://postgres@127.0.0.1:${PORT}/postgres`, SETTINGS_APP_API_PORT: '5254' },
  })
  code = await new Promise((resolve) => tests.once('exit', (status) => resolve(status ?? 1)))
  check()
} catch (error) {
  console.error(String(error.stderr || error.message))
} finally {
  try {
    if (started) pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
  } catch (error) {
    console.error(`pg_ctl stop: ${String(error.stderr || error.message).trim()}`)
  }
  rmSync(dir, { recursive: true, force: true })
  console.log(started ? 'PostgreSQL stopped and its directory removed' : 'PostgreSQL did not start')
}
process.exit(interrupted ? 128 + constants.signals[interrupted] : code)
