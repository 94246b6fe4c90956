#!/usr/bin/env node
// The one test command (`pnpm test`): type-check, every Vitest project (unit, browser, storybook),
// then the packaging checks. Every step runs even if an earlier one failed, so one run shows
// everything that is wrong. Ends with a plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const results = resolve(root, '.tmp/vitest-results.json')
mkdirSync(resolve(root, '.tmp'), { recursive: true })
rmSync(results, { force: true })

const steps = [
  ['type-check', 'pnpm', ['typecheck']],
  ['vitest', 'pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`]],
  ['build', 'pnpm', ['build']],
  ['bundle budget', 'pnpm', ['size']],
  ['publint + attw', 'pnpm', ['check:package']],
  ['consumer app', 'pnpm', ['test:consumer']],
  ['tabs convergence (Chromium)', 'node', ['scripts/tabs-convergence.mjs']],
  ['storybook build', 'pnpm', ['build-storybook', '--quiet']],
  ['settings app end to end', 'pnpm', ['test:example']],
]

const outcomes = []
for (const [name, command, args] of steps) {
  const started = Date.now()
  console.log(`\n── ${name}: ${command} ${args.join(' ')}`)
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  outcomes.push({ name, ok: run.status === 0, seconds })
}

let testsPassed = 0
let testsFailed = 0
if (existsSync(results)) {
  const report = JSON.parse(readFileSync(results, 'utf8'))
  testsPassed = report.numPassedTests ?? 0
  testsFailed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTests ?? 0)
}
const checks = outcomes.filter((o) => o.name !== 'vitest')
const checksPassed = checks.filter((o) => o.ok).length
const checksFailed = checks.length - checksPassed
// A Vitest run that failed without failing a test (a crash, an unhandled error) still counts.
const vitestCrashed = outcomes.find((o) => o.name === 'vitest')?.ok === false && testsFailed === 0

console.log('\n── summary')
for (const o of outcomes) console.log(`${o.ok ? 'ok  ' : 'FAIL'}  ${o.name} (${o.seconds} s)`)
console.log(`vitest: ${testsPassed} passed, ${testsFailed + (vitestCrashed ? 1 : 0)} failed`)
console.log(`checks: ${checksPassed} passed, ${checksFailed} failed`)
const failed = testsFailed + (vitestCrashed ? 1 : 0) + checksFailed
console.log(`total: ${testsPassed + checksPassed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
