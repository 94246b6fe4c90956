import { join } from 'node:path'
import { buildAll } from './lib/build.mjs'
import { click, launch, openPage } from './lib/chromium.mjs'
import { profileClicks, summarizeProfile } from './lib/profile.mjs'
import { outDir } from './lib/paths.mjs'
import { serve } from './lib/server.mjs'
await buildAll()
const server = await serve()
const browser = await launch()
const n = Number(process.env.N ?? 1000)
for (const impl of ['kit', 'baseline']) {
  const state = await openPage(browser, server.origin, impl, n, 1, 'profile')
  for (let i = 0; i < 8; i++) await click(state)
  const recorded = await profileClicks(state.cdp, (around) => click(state, around), 60)
  const s = summarizeProfile(recorded, { resolve: (url) => join(outDir, new URL(url).pathname), top: 40 })
  console.log(impl, 'busy per click', (s.busyMs / 60).toFixed(3), s.areas.map((a) => `${a.name} ${(a.ms / 60).toFixed(3)}`).join(', '))
  if (impl === 'kit') for (const f of s.functions) if (/packages\//.test(f.name)) console.log('  ', (f.ms / 60 * 1000).toFixed(1), 'µs', f.name)
}
await browser.close(); process.exit(0)
