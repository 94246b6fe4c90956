#!/usr/bin/env node
// `pnpm bench`: builds the bench pages from source (production, minified), then runs
//   1. store throughput (Node)          2. SSR renderToString (Node, production React)
//   3. hydration check (Chromium)       4. interaction cost + re-render isolation (Chromium, real clicks, 1× and 4× CPU)
// and writes bench/results.json and bench/RESULTS.md. `--quick` runs few repetitions, for development;
// `--report` re-renders RESULTS.md from results.json.
// When the kit is more than 1.1× the baseline somewhere, CPU profiles of that case are added to the report.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildAll, page } from './lib/build.mjs'
import { checkHydration, click, IMPLS, launch, measureInteraction, openPage } from './lib/chromium.mjs'
import { machineInfo, versions } from './lib/environment.mjs'
import { profileClicks, summarizeProfile } from './lib/profile.mjs'
import { benchDir, outDir } from './lib/paths.mjs'
import { renderReport, summaryTable } from './lib/report.mjs'
import { serve } from './lib/server.mjs'
import { summarize } from './lib/stats.mjs'

// `--report`: only re-render RESULTS.md from an existing results.json (after editing the report layout).
if (process.argv.includes('--report')) {
  const saved = JSON.parse(readFileSync(join(benchDir, 'results.json'), 'utf8'))
  writeFileSync(join(benchDir, 'RESULTS.md'), renderReport(saved))
  console.log(summaryTable(saved))
  process.exit(0)
}

const quick = process.argv.includes('--quick')
const GOAL = 1.1
const settings = quick
  ? { sizes: [1, 1000], rates: [1], reps: 6, warmup: 3, block: 3 }
  : { sizes: [1, 100, 1000], rates: [1, 4], reps: 100, warmup: 8, block: 5 }
const started = Date.now()
const log = (message) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`)
const loadBefore = (await import('node:os')).loadavg()

const bundles = await buildAll()
log('built pages and Node bundles (esbuild, NODE_ENV=production, minified)')

const runNode = (file, env = {}, args = []) =>
  execFileSync(process.execPath, [...args, file], { env: { ...process.env, NODE_ENV: 'production', ...env }, maxBuffer: 64 << 20 }).toString()

const store = JSON.parse(runNode(bundles.store, quick ? { BENCH_STORE_ROUNDS: '5' } : {}))
store.results = store.results.map((r) => ({ ...r, summary: summarize(r.nsPerSet) }))
log('store throughput done')

const ssrRun = JSON.parse(runNode(bundles.ssr, quick ? { BENCH_SSR_ROUNDS: '5' } : {}))
const ssr = ssrRun.results.map((r) => ({ ...r, summary: summarize(r.usPerRender) }))
log('SSR done')

const server = await serve()
const browser = await launch()
const chromiumVersion = browser.version()
const hydrationPages = []
for (const [key, html] of Object.entries(ssrRun.html)) {
  const [impl, n] = key.split('-')
  for (const build of ['dev', 'prod']) {
    const file = `hydrate-${key}.${build}.html`
    writeFileSync(join(outDir, file), page(`hydrate ${key} (${build})`, `hydrate.${build}.js`, { body: html }))
    hydrationPages.push({ impl, n: Number(n), file, build })
  }
}
const hydration = await checkHydration(browser, server.origin, hydrationPages)
log('hydration check done')

const cells = (await measureInteraction(browser, server.origin, { ...settings, log })).map((cell) => ({
  ...cell,
  jsSummary: summarize(cell.js),
  frameSummary: summarize(cell.frame),
  storeSummary: summarize(cell.store),
}))
const interaction = []
for (const rate of settings.rates) {
  for (const n of settings.sizes) {
    const [kit, baseline] = IMPLS.map((impl) => cells.find((c) => c.impl === impl && c.n === n && c.rate === rate))
    interaction.push({
      n,
      rate,
      kit,
      baseline,
      jsRatio: kit.jsSummary.median / baseline.jsSummary.median,
      frameRatio: kit.frameSummary.median / baseline.frameSummary.median,
    })
  }
}

// Over the goal? Profile the worst case, kit and baseline, with real names and source maps.
const profiles = {}
const worst = [...interaction].sort((a, b) => b.jsRatio - a.jsRatio)[0]
if (worst.jsRatio > GOAL) {
  const resolve = (url) => join(outDir, new URL(url).pathname)
  for (const impl of IMPLS) {
    const state = await openPage(browser, server.origin, impl, worst.n, worst.rate, 'profile')
    for (let i = 0; i < 5; i++) await click(state)
    const clicks = quick ? 10 : 30
    const recorded = await profileClicks(state.cdp, (around) => click(state, around), clicks)
    writeFileSync(join(outDir, `interaction-${impl}-${worst.n}-${worst.rate}x.cpuprofiles.json`), JSON.stringify(recorded))
    profiles[`interaction ${impl}, N = ${worst.n}, ${worst.rate}× CPU, ${clicks} clicks`] = { ...summarizeProfile(recorded, { resolve }), clicks }
    await state.page.close()
  }
  log(`profiled interaction at N = ${worst.n}, ${worst.rate}× (ratio ${worst.jsRatio.toFixed(2)})`)
}
await browser.close()
await server.close()

const ssr100 = ssr.filter((r) => r.n === 100)
const ssrRatio = ssr100.find((r) => r.impl === 'kit').summary.median / ssr100.find((r) => r.impl === 'baseline').summary.median
if (ssrRatio > GOAL) {
  const dir = join(outDir, 'ssr-profiles')
  mkdirSync(dir, { recursive: true })
  for (const impl of IMPLS) {
    const name = `ssr-${impl}.cpuprofile`
    runNode(bundles.ssrProfile, { BENCH_SSR_PROFILE: impl }, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', name, '--cpu-prof-interval', '50'])
    profiles[`SSR ${impl}, 100 rows, 1.5 s of renders`] = summarizeProfile(JSON.parse(readFileSync(join(dir, name), 'utf8')))
  }
  log(`profiled SSR (ratio ${ssrRatio.toFixed(2)})`)
}

const results = {
  generatedAt: new Date().toISOString(),
  command: quick ? 'pnpm bench --quick' : 'pnpm bench',
  durationSeconds: Math.round((Date.now() - started) / 1000),
  settings,
  machine: { ...machineInfo(), chromium: chromiumVersion, loadAverageBefore: loadBefore, loadAverageAfter: (await import('node:os')).loadavg() },
  versions: versions(),
  goal: GOAL,
  interaction,
  ssr,
  hydration,
  store: store.results,
  profiles,
}
writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
writeFileSync(join(benchDir, 'RESULTS.md'), renderReport(results))
log(`wrote bench/RESULTS.md and bench/results.json in ${results.durationSeconds} s`)
console.log(`\n${summaryTable(results)}`)
