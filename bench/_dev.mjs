import { buildAll } from './lib/build.mjs'
import { IMPLS, launch, measureInteraction } from './lib/chromium.mjs'
import { serve } from './lib/server.mjs'
import { summarize } from './lib/stats.mjs'
const reps = Number(process.env.REPS ?? 30)
await buildAll()
const server = await serve()
const browser = await launch()
const cells = await measureInteraction(browser, server.origin, { sizes: [1, 1000], rates: [1], reps, warmup: 8, block: 5, log: () => {} })
for (const n of [1, 1000]) {
  const [k, b] = IMPLS.map((impl) => cells.find((c) => c.impl === impl && c.n === n))
  const m = (c, f) => summarize(c[f]).median
  console.log(`N=${n} js ${m(k,'js').toFixed(3)} / ${m(b,'js').toFixed(3)} = ${(m(k,'js')/m(b,'js')).toFixed(2)}x  store ${m(k,'store').toFixed(3)} / ${m(b,'store').toFixed(3)}  rest ${(m(k,'js')-m(k,'store')).toFixed(3)} / ${(m(b,'js')-m(b,'store')).toFixed(3)}`)
}
await browser.close(); server.close?.(); process.exit(0)
