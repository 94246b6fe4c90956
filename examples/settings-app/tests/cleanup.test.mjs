// What the tests start, they stop, also when they are interrupted (Ctrl-C, or a CI timeout that
// sends SIGTERM to one process): no server left listening, no PostgreSQL cluster left running
// with trust authentication, no data directory left behind.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const serverPort = Number(process.env.SETTINGS_APP_CLEANUP_PORT ?? 5255)
const postgresPort = serverPort + 1

/** Starts `node args…`, resolves with the first match of `pattern` in its output. */
function startUntil(args, pattern, env = {}) {
  // Without NODE_TEST_CONTEXT, a `node --test` started inside reports as a run of its own.
  const { NODE_TEST_CONTEXT: _, ...inherited } = process.env
  const child = spawn(process.execPath, args, { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const matched = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in 60 s:\n${output}`)), 60_000)
    const onData = (text) => {
      output += text
      const match = pattern.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match)
      }
    }
    child.stdout.setEncoding('utf8').on('data', onData)
    child.stderr.setEncoding('utf8').on('data', onData)
    exited.then(({ code }) => reject(new Error(`exited with ${code} before ${pattern}:\n${output}`)))
  })
  return { child, matched, exited, output: () => output }
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
const listening = (port) =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })

async function eventually(check, what) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  assert.fail(`not within 10 s: ${what}`)
}

const postgresBin = ['17', '16', '15', '14'].map((v) => `/usr/lib/postgresql/${v}/bin`).find((bin) => existsSync(`${bin}/initdb`))

describe('cleaning up after an interrupted test run', () => {
  for (const signal of ['SIGTERM', 'SIGINT']) {
    it(`stops the server a test process started, and removes its data directory, when that process gets ${signal}`, async () => {
      const script = `import { startServer } from ${JSON.stringify(here('support/server.mjs'))}
        const server = await startServer({ port: ${serverPort} })
        console.log('data in ' + server.dataDir)
        setInterval(() => {}, 1000)`
      const run = startUntil(['--input-type=module', '-e', script], /data in (\S+)/)
      const [, dataDir] = await run.matched
      assert.equal(await listening(serverPort), true)
      run.child.kill(signal)
      const { code, signal: diedOf } = await run.exited
      assert.ok(code !== 0 || diedOf !== null, 'the interrupted process does not claim success')
      await eventually(async () => !(await listening(serverPort)), `nothing listens on ${serverPort}`)
      assert.equal(existsSync(dataDir), false, `${dataDir} is removed`)
    })
  }

  it('removes the data directory of a server that fails to start', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'settings-app-cleanup-'))
    try {
      const script = `import { startServer } from ${JSON.stringify(here('support/server.mjs'))}
        await startServer({ port: ${serverPort}, env: { PORT: 'no port' } }).then(() => console.log('started'), (error) => console.log('refused: ' + error.message.split('\\n')[0]))`
      const run = startUntil(['--input-type=module', '-e', script], /(started|refused: .*)/, { TMPDIR: tmp })
      const [, outcome] = await run.matched
      assert.match(outcome, /^refused: the server exited with 1/)
      await run.exited
      assert.deepEqual(readdirSync(tmp), [])
    } finally {
      rmSync(tmp, { recursive: true, force: true })
    }
  })

  it('stops PostgreSQL and removes its directory when `pnpm test:postgres` gets SIGTERM mid-run', { skip: postgresBin ? false : 'PostgreSQL is not installed' }, async () => {
    // Its own temporary directory (readable by the postgres user), to see that nothing is left in it.
    const tmp = mkdtempSync(join(tmpdir(), 'settings-app-cleanup-'))
    chmodSync(tmp, 0o755)
    const run = startUntil([here('../scripts/test-postgres.mjs')], /PostgreSQL started on 127\.0\.0\.1:\d+ with data in (\S+)\/data/, {
      SETTINGS_APP_POSTGRES_PORT: String(postgresPort),
      TMPDIR: tmp,
    })
    const [, dir] = await run.matched
    assert.equal(await listening(postgresPort), true)
    // Mid-run: the API tests have started their server on PostgreSQL.
    await eventually(() => listening(5254), `the API tests started their server:\n${run.output()}`)
    run.child.kill('SIGTERM')
    const { code, signal } = await run.exited
    assert.ok(code !== 0 || signal !== null, 'the interrupted run does not claim success')
    await eventually(async () => !(await listening(postgresPort)), `PostgreSQL no longer listens on ${postgresPort}`)
    await eventually(async () => !(await listening(5254)), 'the API server it started no longer listens')
    assert.equal(existsSync(dir), false, `${dir} is removed`)
    await eventually(() => readdirSync(tmp).length === 0, `nothing is left in ${tmp}: ${readdirSync(tmp)}`)
    rmSync(tmp, { recursive: true, force: true })
  })
})
