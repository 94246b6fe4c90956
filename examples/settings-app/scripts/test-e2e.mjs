#!/usr/bin/env node
// The example's end-to-end tests, as `pnpm test:example` and one step of `pnpm test`: builds the
// app, creates one migrated PGlite database as a template (each test server starts from a copy
// of it, which saves PostgreSQL's initdb per server), then runs the API, the Chromium and the
// clean-up tests.
// DATABASE_URL is passed on, so scripts/test-postgres.mjs reuses this runner for the API tests.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer } from '../tests/support/server.mjs'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['tests/api.test.mjs', 'tests/browser.test.mjs', 'tests/cleanup.test.mjs']
const started = performance.now()

const build = spawnSync(process.execPath, [here('build.mjs')], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const env = { ...process.env }
let template = null
let runner = null
// Ended early (tests/support/server.mjs ends the process on SIGINT, SIGTERM and SIGHUP): stop the
// whole test run (the runner, its test files and their servers: its own process group, since
// the runner alone would leave its files running) and remove the template.
process.on('exit', () => {
  if (runner?.exitCode === null && runner.signalCode === null) {
    try {
      process.kill(-runner.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  if (template) rmSync(template, { recursive: true, force: true })
})
if (!process.env.DATABASE_URL) {
  template = mkdtempSync(join(tmpdir(), 'settings-app-template-'))
  const server = await startServer({ port: 5250, dataDir: template })
  await server.stop({ keepData: true })
  env.SETTINGS_APP_TEMPLATE_DIR = template
}

const code = await new Promise((resolve) => {
  runner = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
    cwd: here('..'),
    env,
    stdio: 'inherit',
    detached: true,
  })
  runner.once('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)))
})
console.log(`settings app tests ${code === 0 ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
process.exit(code)
