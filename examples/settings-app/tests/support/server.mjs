// Starts the built example server (dist/server/main.js) as a child process on 127.0.0.1 with its
// own data directory, waits for the line with its URL, and stops it again. DATABASE_URL in the
// environment switches it from PGlite to that PostgreSQL server.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { constants, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const main = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url))

/** What to do, synchronously, for each server this process started and has not stopped yet. */
const cleanups = new Set()
/**
 * Interrupted (Ctrl-C, or SIGTERM from a CI timeout or from `node --test` itself), a process would
 * end without its `after` hooks or `exit` handlers, leaving its servers listening and their data
 * behind: stop them and end as the signal would (exit code 128 + its number).
 */
function onSignal(signal) {
  for (const cleanup of cleanups) cleanup()
  process.exit(128 + constants.signals[signal])
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal)
// A test file whose runner was stopped first finds its output closed (EPIPE), which would end it
// at once, before its signal and without `exit` handlers: end it here, cleanly, instead.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => process.exit(1))

/**
 * A fresh data directory starts as a copy of SETTINGS_APP_TEMPLATE_DIR when that is set (a migrated
 * database made once by scripts/test-e2e.mjs), which is much faster than creating one.
 * @param {{ port: number, env?: Record<string, string>, dataDir?: string }} options
 * @returns {Promise<{ origin: string, dataDir: string, output: () => string, restart: () => Promise<void>, stop: (options?: { keepData?: boolean }) => Promise<void> }>}
 */
export async function startServer({ port, env = {}, dataDir: given }) {
  if (!existsSync(main)) throw new Error(`${main} is missing: build the example first (node examples/settings-app/scripts/build.mjs)`)
  const dataDir = given ?? mkdtempSync(join(tmpdir(), 'settings-app-'))
  const template = process.env.SETTINGS_APP_TEMPLATE_DIR
  if (!given && template) cpSync(template, dataDir, { recursive: true })
  let child = null
  let log = ''

  async function start() {
    log = ''
    child = spawn(process.execPath, [main], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, SETTINGS_APP_TEST_FAULTS: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const running = child
    running.stdout.setEncoding('utf8')
    running.stderr.setEncoding('utf8')
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start in 30 s:\n${log}`)), 30_000)
      const onData = (text) => {
        log += text
        if (/Settings app: http:\/\//.test(log)) {
          clearTimeout(timer)
          resolve()
        }
      }
      running.stdout.on('data', onData)
      running.stderr.on('data', (text) => (log += text))
      running.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`the server exited with ${code}:\n${log}`))
      })
    })
  }

  async function stop() {
    const running = child
    child = null
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGTERM')
    const timer = setTimeout(() => running.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }

  // If the test process ends (even through an uncaught error, such as a closed stdout once its
  // runner is gone) or is interrupted, the server and its fresh data must not outlive it.
  const cleanup = () => {
    child?.kill('SIGKILL')
    if (!given) rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 })
  }
  process.once('exit', cleanup)
  cleanups.add(cleanup)
  try {
    await start()
  } catch (error) {
    cleanups.delete(cleanup)
    process.off('exit', cleanup)
    cleanup()
    throw error
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => log,
    restart: async () => {
      await stop()
      await start()
    },
    stop: async ({ keepData = false } = {}) => {
      await stop()
      process.off('exit', cleanup)
      cleanups.delete(cleanup)
      if (!keepData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
