import { buildAll } from './lib/build.mjs'
import { launch, measureInteraction } from './lib/chromium.mjs'
import { serve } from './lib/server.mjs'
await buildAll()
const server = await serve()
const browser = await launch()
const origNewPage = browser.newPage.bind(browser)
const out = []
browser.newPage = async (...a) => { const p = await origNewPage(...a); const close = p.close.bind(p); p.close = async () => { out.push(await p.evaluate(() => globalThis.__marks)); return close() }; return p }
await measureInteraction(browser, server.origin, { sizes: [Number(process.env.N ?? 1)], rates: [1], reps: 40, warmup: 8, block: 5, log: () => {} })
for (const marks of out) {
  if (!marks) continue
  const med = (a) => a.sort((x, y) => x - y)[a.length >> 1] * 1000
  console.log(Object.entries(marks).map(([k, v]) => `${k} ${med(v).toFixed(0)}µs`).join('  '))
}
await browser.close(); process.exit(0)
