// Chromium parts of the bench: the interaction cost (real clicks, CPU throttling) and the hydration check.
import { readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'

const flags = JSON.parse(readFileSync(new URL('../../scripts/lib/chromium.json', import.meta.url), 'utf8'))

export const IMPLS = ['kit', 'baseline']

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? flags.executablePath,
    headless: true,
    args: flags.args,
  })
}

/** Successive clicks walk the list in steps of 37 rows, so each click lands on another setting (N = 1: the same one). */
const rowFor = (click, n) => (click * 37) % n

export async function openPage(browser, origin, impl, n, rate, prefix = 'interaction') {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } })
  const errors = []
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text())
  })
  await page.goto(`${origin}/${prefix}-${impl}.html?n=${n}`)
  await page.evaluate(() => window.__bench.ready)
  const isolated = await page.evaluate(() => crossOriginIsolated)
  if (!isolated) throw new Error('the bench page is not cross-origin isolated; timer resolution would be 100 µs')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  return { impl, n, page, cdp, errors, clicks: 0, expected: new Map(), samples: [], violations: [] }
}

/**
 * One real click on the next setting; returns what the page measured, and records isolation violations.
 * `around.before`/`around.after` run just before the click and after its frame (for CPU profiles).
 */
export async function click(state, around) {
  const { page, n, expected } = state
  const { x, y, id } = await page.evaluate((index) => window.__bench.prepare(index), rowFor(state.clicks++, n))
  await page.mouse.move(x, y)
  await page.evaluate(() => window.__bench.nextFrames())
  await around?.before()
  await page.mouse.click(x, y)
  const result = await page.evaluate(() => window.__bench.result())
  await around?.after()
  const value = !(expected.get(id) ?? false)
  expected.set(id, value)
  const isolated = result.renders.length === 1 && result.renders[0][0] === id && result.renders[0][1] === 1
  if (!isolated || result.commits !== 1 || result.value !== value || !(result.js > 0)) {
    state.violations.push({ id, ...result, expectedValue: value })
  }
  return result
}

/**
 * For each CPU rate and N: opens the kit page and the baseline page side by side, warms both up,
 * then alternates blocks of clicks between them until each has `reps` samples.
 */
export async function measureInteraction(browser, origin, { sizes, rates, reps, warmup, block, log }) {
  const cells = []
  for (const rate of rates) {
    for (const n of sizes) {
      const started = Date.now()
      const states = []
      for (const impl of IMPLS) states.push(await openPage(browser, origin, impl, n, rate))
      for (const state of states) {
        await state.page.bringToFront()
        for (let i = 0; i < warmup; i++) await click(state)
        state.violations.length = 0
      }
      for (let turn = 0; states.some((s) => s.samples.length < reps); turn++) {
        const order = turn % 2 === 0 ? states : [...states].reverse()
        for (const state of order) {
          await state.page.bringToFront()
          for (let i = 0; i < block && state.samples.length < reps; i++) state.samples.push(await click(state))
        }
      }
      for (const state of states) {
        cells.push({
          impl: state.impl,
          n,
          rate,
          js: state.samples.map((s) => s.js),
          frame: state.samples.map((s) => s.frame),
          store: state.samples.map((s) => s.store),
          renderedRows: state.samples.map((s) => s.renders.reduce((sum, [, count]) => sum + count, 0)),
          commits: state.samples.map((s) => s.commits),
          violations: state.violations,
          pageErrors: state.errors,
        })
        await state.page.close()
      }
      log?.(`interaction ${rate}× N=${n}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
    }
  }
  return cells
}

/**
 * Serves each server-rendered page with the hydration bundle (development React, which reports
 * every mismatch in full, and production React), and collects console warnings and errors.
 */
export async function checkHydration(browser, origin, pages) {
  const results = []
  for (const { impl, n, file, build } of pages) {
    const page = await browser.newPage()
    const messages = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') messages.push(`${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => messages.push(`pageerror: ${error}`))
    await page.goto(`${origin}/${file}?impl=${impl}&n=${n}`)
    const result = await page.evaluate(() => window.__hydrate)
    results.push({ impl, n, build, ...result, consoleMessages: messages })
    await page.close()
  }
  return results
}
