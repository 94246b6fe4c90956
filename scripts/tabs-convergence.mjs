#!/usr/bin/env node
// Real tabs, real localStorage: three Chromium tabs of one browser context share the core store
// (bundled from source with esbuild) through localStorageAdapter. In each round one tab withdraws
// "improve-model" while another opts into "include-audio" 0–5 ms later; every round must end with
// all tabs and storage showing the same thing and the withdrawal kept. Then a burst of random
// toggles from every tab, with a tab opened and another closed midway, must converge too.
// Usage: node scripts/tabs-convergence.mjs [rounds=200]. Serves on 127.0.0.1, on a port the system picks.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const flags = JSON.parse(readFileSync(join(root, 'scripts/lib/chromium.json'), 'utf8'))
const ROUNDS = Number(process.argv[2] ?? 200)
const BURST = 120
const started = Date.now()

// CONVERGENCE_CORE points at another core entry (for example an older build, to see it fail).
const entry = process.env.CONVERGENCE_CORE ?? join(root, 'packages/core/src/index.ts')
const bundle = await build({ entryPoints: [entry], bundle: true, format: 'esm', target: 'es2022', write: false })
const core = bundle.outputFiles[0].text
const page = `<!doctype html><meta charset="utf-8"><title>tab</title><script type="module">
import { createConsentStore, localStorageAdapter, memoryStorage } from '/core.js'
const errors = []
const store = createConsentStore({ policyVersion: 'v1', storage: localStorageAdapter(), onError: (e) => errors.push(e.code + ': ' + e.message) })
const values = (snapshot) => Object.fromEntries(Object.entries(snapshot.settings).map(([id, s]) => [id, s.value]))
window.__tab = {
  ready: store.ready,
  errors,
  /** Waits (spinning, so timers cannot delay it) until wall time \`at\`, then sets. */
  setAt(at, id, value) {
    while (Date.now() < at) {}
    return store.set(id, value).then(() => 'ok', (e) => 'refused: ' + (e.code ?? e.message))
  },
  set: (id, value) => store.set(id, value).then(() => 'ok', (e) => 'refused: ' + (e.code ?? e.message)),
  async state() {
    const snapshot = store.getSnapshot()
    const fresh = createConsentStore({ policyVersion: 'v1', storage: memoryStorage(localStorage.getItem('model-consent')), onError: () => {} })
    await fresh.ready
    const busy = Object.values(snapshot.settings).some((s) => s.pending) || snapshot.status !== 'ready'
    return { shown: values(snapshot), stored: values(fresh.getSnapshot()), busy }
  },
}
</script>`

async function listen() {
  const server = createServer((request, response) => {
    if (request.url === '/core.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(core)
    else if (request.url === '/' || request.url.startsWith('/?')) response.writeHead(200, { 'content-type': 'text/html' }).end(page)
    else response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end()
  })
  // The system picks a free port: two runs on one machine do not collide.
  await new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', done)
  })
  return { server, origin: `http://127.0.0.1:${server.address().port}` }
}

const { server, origin } = await listen()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? flags.executablePath,
  headless: true,
  // Tabs in the background must run at full speed, as a person's other open tabs do.
  args: [...flags.args, '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
})
const context = await browser.newContext()
const pageErrors = []

async function openTab() {
  const tab = await context.newPage()
  tab.on('pageerror', (error) => pageErrors.push(String(error)))
  tab.on('crash', () => pageErrors.push('the tab crashed'))
  tab.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()))
  await tab.goto(origin)
  await tab.waitForFunction(() => window.__tab !== undefined)
  await tab.evaluate(() => window.__tab.ready)
  return tab
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)
/** Waits until every tab shows what storage holds, nothing pending; returns that state or null after 3 s. */
async function converged(tabs) {
  const until = Date.now() + 3000
  for (;;) {
    const states = await Promise.all(tabs.map((tab) => tab.evaluate(() => window.__tab.state())))
    if (states.every((s) => !s.busy && same(s.shown, s.stored) && same(s.shown, states[0].shown))) return states[0].shown
    if (Date.now() > until) return { diverged: states }
    await new Promise((r) => setTimeout(r, 5))
  }
}

let tabs = [await openTab(), await openTab(), await openTab()]
const failures = []
const outcomes = new Map()
const count = (key) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
let maxSettle = 0

await tabs[0].evaluate(() => window.__tab.set('improve-model', true))
for (let round = 1; round <= ROUNDS; round++) {
  const ready = await converged(tabs)
  if (!ready['improve-model']) {
    await tabs[round % 3].evaluate(() => window.__tab.set('improve-model', true))
    await converged(tabs)
  }
  const withdrawer = tabs[round % 3]
  const opter = tabs[(round + 1 + (round % 2)) % 3]
  const delay = Math.floor(Math.random() * 6)
  const at = Date.now() + 80
  const began = Date.now()
  const [withdrawal, optIn] = await Promise.all([
    withdrawer.evaluate(([t]) => window.__tab.setAt(t, 'improve-model', false), [at]),
    opter.evaluate(([t]) => window.__tab.setAt(t, 'include-audio', true), [at + delay]),
  ])
  const end = await converged(tabs)
  maxSettle = Math.max(maxSettle, Date.now() - began - 80)
  count(`withdrawal ${withdrawal}, opt-in ${optIn}`)
  if (end.diverged || end['improve-model'] !== false || end['include-audio'] !== false) {
    failures.push({ round, delay, withdrawal, optIn, end })
  }
}

// The burst: random toggles from every tab, no waiting between them; a tab opens and one closes midway.
const ids = ['improve-model', 'include-audio', 'include-video']
const pending = []
for (let step = 0; step < BURST; step++) {
  if (step === BURST / 3) tabs.push(await openTab())
  if (step === (2 * BURST) / 3) await tabs.shift().close()
  const tab = tabs[Math.floor(Math.random() * tabs.length)]
  const id = ids[Math.floor(Math.random() * 3)]
  pending.push(tab.evaluate(([i, v]) => window.__tab.set(i, v), [id, Math.random() < 0.5]).catch((e) => `closed: ${e.message.slice(0, 40)}`))
  await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 6)))
}
const burst = await Promise.all(pending)
const burstRefused = burst.filter((r) => r !== 'ok').length
// It ends as the rounds do: a withdrawal and, 0–5 ms later, an opt-in elsewhere.
const at = Date.now() + 80
await Promise.all([
  tabs[0].evaluate(([t]) => window.__tab.setAt(t, 'improve-model', false), [at]),
  tabs[1].evaluate(([t]) => window.__tab.setAt(t, 'include-audio', true), [at + 3]),
])
const burstEnd = await converged(tabs)
const burstOk = !burstEnd.diverged && burstEnd['improve-model'] === false && burstEnd['include-audio'] === false
const reported = (await Promise.all(tabs.map((tab) => tab.evaluate(() => window.__tab.errors)))).flat()

await browser.close()
await new Promise((r) => server.close(r))

console.log(`tabs convergence: ${ROUNDS} rounds (withdraw improve-model in one tab, opt into include-audio in another 0–5 ms later)`)
for (const [key, n] of [...outcomes].sort()) console.log(`  ${n} × ${key}`)
console.log(`  converged with the withdrawal kept: ${ROUNDS - failures.length}/${ROUNDS}; slowest settle ${maxSettle} ms`)
console.log(`burst: ${BURST} random toggles over ${3} tabs, a 4th opened at step ${BURST / 3}, the first closed at step ${(2 * BURST) / 3}: ${BURST - burstRefused} saved, ${burstRefused} refused (requirement off)`)
console.log(`  then withdrawal + opt-in 3 ms apart: ${burstOk ? 'converged, withdrawal kept' : 'FAILED'} ${JSON.stringify(burstEnd)}`)
console.log(`errors reported through onError: ${reported.length}${reported.length ? ` (${reported.slice(0, 3).join(' | ')})` : ''}; page errors: ${pageErrors.length}`)
for (const error of pageErrors.slice(0, 3)) console.log(`  page error: ${error}`)
console.log(`took ${((Date.now() - started) / 1000).toFixed(1)} s`)
for (const failure of failures.slice(0, 5)) console.log('FAILED round', JSON.stringify(failure))
const ok = failures.length === 0 && burstOk && pageErrors.length === 0 && reported.length === 0
console.log(ok ? 'tabs convergence: ok' : 'tabs convergence: FAILED')
process.exit(ok ? 0 : 1)
