import { launch } from './lib/chromium.mjs'
import { serve } from './lib/server.mjs'
const server = await serve()
const browser = await launch()
const page = await browser.newPage()
await page.goto(`${server.origin}/interaction-kit.html?n=1`)
const r = await page.evaluate(async () => {
  const pad = (n, w = 2) => String(n).padStart(w, '0')
  const iso = (ms) => { const d = new Date(ms); return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}Z` }
  const two = (n) => (n < 10 ? '0' : '') + n
  const civil = (ms) => {
    const days = Math.floor(ms / 86400000), t = ms - days * 86400000
    const z = days + 719468, era = Math.floor(z / 146097), doe = z - era * 146097
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)), mp = Math.floor((5 * doy + 2) / 153)
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    const msPart = t % 1000
    return y + '-' + two(m) + '-' + two(d) + 'T' + two(Math.floor(t / 3600000)) + ':' + two(Math.floor(t / 60000) % 60) + ':' + two(Math.floor(t / 1000) % 60) + '.' + (msPart < 100 ? (msPart < 10 ? '00' : '0') : '') + msPart + 'Z'
  }
  const m = new Map([['a', 1]]); const st = new Set([1]); let sink
  const ops = {
    noop: () => 0,
    freeze: () => Object.freeze({ value: true, decidedAt: 'x', policyVersion: 'p', source: 'user' }),
    literal: () => (sink = { value: true, decidedAt: 'x', policyVersion: 'p', source: 'user' }),
    mapForEach: () => m.forEach((v, k) => (sink = v)),
    newSet: () => (sink = new Set()),
    spreadSet: () => (sink = [...st]),
    forOfSet: () => { for (const x of st) sink = x },
    promiseResolve: () => (sink = Promise.resolve()),
    isoDate: () => new Date().toISOString(),
    tryCatch: () => { try { sink = 1 } catch { sink = 2 } },
  }
  const out = {}
  for (const [name, op] of Object.entries(ops)) {
    const times = []
    for (let i = 0; i < 25; i++) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)))
      const t = performance.now(); op(); times.push(performance.now() - t)
    }
    times.sort((x, y) => x - y)
    out[name] = (times[times.length >> 1] * 1000).toFixed(1) + ' µs'
  }
  return out
})
console.log(r)
await browser.close(); process.exit(0)
