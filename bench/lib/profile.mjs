// CPU profiles for when the kit is slower than the baseline: where does the extra time go?
// Summarises a V8 CPU profile (CDP Profiler or `node --cpu-prof`) as self time per function,
// mapped back to source files through the bundle's source map.
import { readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
import { fileURLToPath } from 'node:url'

const IGNORED = new Set(['(idle)', '(program)', '(root)'])

/** Shortens bundle source paths: `../packages/core/src/consent-store.ts`, `react-dom/…`, `@radix-ui/…`. */
function shortSource(source) {
  const path = source.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^(\.\.\/|webpack:\/\/|file:\/\/)+/, '')
  return path.replace(/^.*?(packages\/(core|react)\/src\/)/, '$1').replace(/^.*?bench\//, 'bench/')
}

function loadMap(url, cache) {
  if (!cache.has(url)) {
    let map = null
    try {
      const file = url.startsWith('file:') ? fileURLToPath(url) : null
      const path = file ?? cache.resolve?.(url)
      if (path) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')))
    } catch {
      map = null
    }
    cache.set(url, map)
  }
  return cache.get(url)
}

/**
 * Self time per function (ms and share of busy time), largest first.
 * `resolve(url)` maps a script URL to the bundle's path on disk, to find its `.map`.
 */
export function summarizeProfile(profiles, { resolve, top = 15 } = {}) {
  const maps = new Map()
  maps.resolve = resolve
  const byFunction = new Map()
  const byArea = new Map()
  let busy = 0
  const frames = []
  for (const profile of [profiles].flat()) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    const selfMs = new Map()
    profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
    for (const [id, ms] of selfMs) frames.push([nodes.get(id).callFrame, ms])
  }
  for (const [callFrame, ms] of frames) {
    const { functionName, url, lineNumber, columnNumber } = callFrame
    if (IGNORED.has(functionName)) continue
    busy += ms
    let where = url ? url.split('/').pop() : ''
    const entry = url && lineNumber >= 0 ? loadMap(url, maps)?.findEntry(lineNumber, columnNumber) : undefined
    if (entry?.originalSource) where = `${shortSource(entry.originalSource)}:${entry.originalLine + 1}`
    const key = `${functionName || '(anonymous)'} — ${where || '(native)'}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms)
    const area = areaOf(where, functionName)
    byArea.set(area, (byArea.get(area) ?? 0) + ms)
  }
  const rank = (map) =>
    [...map].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms: +ms.toFixed(2), share: +(ms / busy).toFixed(3) }))
  return { busyMs: +busy.toFixed(1), functions: rank(byFunction).slice(0, top), areas: rank(byArea) }
}

function areaOf(where, functionName) {
  if (where.startsWith('packages/core/')) return '@model-consent/core'
  if (where.startsWith('packages/react/')) return '@model-consent/react'
  if (where.startsWith('@radix-ui/')) return 'Radix'
  if (/^react(-dom)?\//.test(where) || where.startsWith('scheduler/')) return 'React'
  if (where.startsWith('bench/')) return 'bench page'
  if (functionName === '(garbage collector)') return 'garbage collector'
  return 'browser / other'
}

/**
 * Records a CDP CPU profile of each of `clicks` real clicks on an interaction page, from just
 * before the click until its next frame (scrolling and pointer moves between clicks left out).
 */
export async function profileClicks(cdp, clickOnce, clicks) {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 25 })
  const profiles = []
  const around = {
    before: () => cdp.send('Profiler.start'),
    after: async () => profiles.push((await cdp.send('Profiler.stop')).profile),
  }
  for (let i = 0; i < clicks; i++) await clickOnce(around)
  await cdp.send('Profiler.disable')
  return profiles
}
