// SSR benchmark (bundled by bench/run.mjs with NODE_ENV=production and run in Node):
// renderToString of 1, 10 and 100 rows of the kit and of the bare Radix baseline.
// Prints JSON: per-round mean µs per render (rounds alternate kit/baseline), and the HTML of each
// page for the hydration check in Chromium.
import { renderToString } from 'react-dom/server'
import { createBaselineList } from './pages/baseline-list'
import { createKitList } from './pages/kit-list'
import { settingIds, type CreateList } from './pages/list'

const SIZES = [1, 10, 100]
const ROUNDS = Number(process.env.BENCH_SSR_ROUNDS ?? 25)
/** Aim each round at about this long, so timer resolution does not matter. */
const ROUND_MS = 8

const impls: Record<'kit' | 'baseline', CreateList> = { kit: createKitList, baseline: createBaselineList }

function timeRenders(render: () => string, count: number): number {
  const start = process.hrtime.bigint()
  for (let i = 0; i < count; i++) render()
  return Number(process.hrtime.bigint() - start) / 1000 / count
}

// Profile mode (`node --cpu-prof`): render 100 rows of one implementation for a while, print nothing.
const profiled = process.env.BENCH_SSR_PROFILE as keyof typeof impls | undefined
if (profiled) {
  const { List } = impls[profiled](settingIds(100))
  const end = Date.now() + Number(process.env.BENCH_SSR_PROFILE_MS ?? 1500)
  while (Date.now() < end) renderToString(<List />)
  process.exit(0)
}

const results = []
const html: Record<string, string> = {}
for (const n of SIZES) {
  const cells = Object.entries(impls).map(([impl, create]) => {
    const { List } = create(settingIds(n))
    const render = () => renderToString(<List />)
    html[`${impl}-${n}`] = render()
    timeRenders(render, Math.ceil(2000 / n)) // warm-up
    const perRender = timeRenders(render, Math.ceil(200 / n))
    return { impl, render, count: Math.max(5, Math.ceil((ROUND_MS * 1000) / perRender)), samples: [] as number[] }
  })
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? cells : [...cells].reverse()
    for (const cell of order) cell.samples.push(timeRenders(cell.render, cell.count))
  }
  for (const { impl, count, samples } of cells) results.push({ impl, n, rendersPerRound: count, usPerRender: samples })
}

process.stdout.write(JSON.stringify({ results, html }))
