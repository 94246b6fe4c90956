#!/usr/bin/env node
// Next.js consumer test (part of `pnpm test:consumer`): installs the packed packages into a fresh
// Next.js 16 App Router app outside the workspace, as a user would; `next build` must pass with no
// error or warning from the kit; then `next start` on 127.0.0.1 and, in Chromium, three pages:
//   /         a server component rendering <ModelImprovementSetting> (uncontrolled)
//   /client   a client provider with createConsentStore + localStorageAdapter
//   /initial  a server component reading the saved decisions (a cookie) and passing them as
//             `initialData` to a client provider, so the server renders the person's real state
// Each page must hydrate with no warning and no console error; the confirmation turns the setting
// on; a reload keeps it. Run `pnpm build` first. KEEP_CONSUMER_APP=1 keeps the temporary app.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { pack } from './lib/pack.mjs'
import { freePort } from './lib/free-port.mjs'
import { step } from './lib/step.mjs'

const root = resolve(import.meta.dirname, '..')
// A port the system picks, unless NEXT_CONSUMER_PORT names one.
const PORT = process.env.NEXT_CONSUMER_PORT ? Number(process.env.NEXT_CONSUMER_PORT) : await freePort()
const origin = `http://127.0.0.1:${PORT}`
const chromiumFlags = JSON.parse(readFileSync(join(root, 'scripts/lib/chromium.json'), 'utf8'))
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' }
const KIT = /ConsentError|model-consent|ModelImprovementSetting|Saved choices/i
const started = performance.now()
let app = ''

const write = (path, text) => {
  mkdirSync(dirname(join(app, path)), { recursive: true })
  writeFileSync(join(app, path), text)
}

const POLICY = '2026-11'
const files = {
  'next.config.mjs': 'export default {}\n',
  'app/layout.jsx': `import '@model-consent/react/styles.css'

export const metadata = { title: 'Settings', icons: { icon: 'data:,' } }

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>
        <main>{children}</main>
      </body>
    </html>
  )
}
`,
  // A server component: no 'use client' here; the kit's own client boundary does the rest.
  'app/page.jsx': `import { ModelImprovementSetting } from '@model-consent/react'

export default function Page() {
  return (
    <>
      <h1>Privacy</h1>
      <ModelImprovementSetting policyVersion="${POLICY}" headingLevel={2} />
    </>
  )
}
`,
  'app/client/page.jsx': `import { Settings } from './settings'

export default function Page() {
  return (
    <>
      <h1>Privacy</h1>
      <Settings />
    </>
  )
}
`,
  'app/client/settings.jsx': `'use client'
import { createConsentStore, localStorageAdapter } from '@model-consent/core'
import { ConsentProvider, ModelImprovementSetting } from '@model-consent/react'
import { useState } from 'react'

export function Settings() {
  const [store] = useState(() => createConsentStore({ policyVersion: '${POLICY}', storage: localStorageAdapter() }))
  return (
    <ConsentProvider store={store}>
      <ModelImprovementSetting headingLevel={2} />
    </ConsentProvider>
  )
}
`,
  'app/initial/page.jsx': `import { cookies } from 'next/headers'
import { Settings } from './settings'

export default async function Page() {
  const saved = (await cookies()).get('model-consent')?.value
  // The store validates initialData exactly like a load: invalid data is reported and reads off.
  let initialData
  try {
    initialData = saved ? JSON.parse(saved) : undefined
  } catch {
    initialData = undefined
  }
  return (
    <>
      <h1>Privacy</h1>
      <Settings initialData={initialData} />
    </>
  )
}
`,
  'app/initial/settings.jsx': `'use client'
import { createConsentStore } from '@model-consent/core'
import { ConsentProvider, ModelImprovementSetting } from '@model-consent/react'
import { useState } from 'react'

/**
 * Keeps the decisions in a cookie, so the server can read them and render the real state. The
 * store is also created during the server render, where there is no document: nothing to read
 * or write there (the server's truth arrives as initialData).
 */
const cookieStorage = {
  load() {
    if (typeof document === 'undefined') return undefined
    const match = document.cookie.match(/(?:^|; )model-consent=([^;]*)/)
    return match ? JSON.parse(decodeURIComponent(match[1])) : null
  },
  save(data) {
    if (typeof document === 'undefined') return
    document.cookie = 'model-consent=' + encodeURIComponent(JSON.stringify(data)) + '; path=/; max-age=31536000; samesite=lax'
  },
}

export function Settings({ initialData }) {
  const [store] = useState(() => createConsentStore({ policyVersion: '${POLICY}', storage: cookieStorage, initialData }))
  return (
    <ConsentProvider store={store}>
      <ModelImprovementSetting headingLevel={2} />
    </ConsentProvider>
  )
}
`,
}

/** Starts `next start` and resolves once it answers; returns a stop function. */
async function startServer() {
  const output = []
  const child = spawn(process.execPath, [join(app, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(PORT)], {
    cwd: app, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (chunk) => output.push(String(chunk)))
  child.stderr.on('data', (chunk) => output.push(String(chunk)))
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output.join('')}`)
    try {
      if ((await fetch(`${origin}/`)).ok) return { stop, output }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  stop()
  throw new Error(`next start did not answer on ${origin} within 30 s:\n${output.join('')}`)
}

/** Clicks the main switch until the confirmation opens (the first click may land before hydration). */
async function confirmTurnOn(page) {
  const main = page.getByRole('switch', { name: 'Improve the model for everyone' })
  const dialog = page.getByRole('alertdialog')
  for (let attempt = 0; attempt < 20 && !(await dialog.isVisible()); attempt++) {
    await main.click({ timeout: 5_000 })
    await dialog.waitFor({ timeout: 500 }).catch(() => {})
  }
  await dialog.getByRole('button', { name: 'Turn on' }).click({ timeout: 5_000 })
  await mainChecked(page, 'true')
}

const mainChecked = (page, value) =>
  page.waitForFunction((v) => document.querySelector('[role="switch"]')?.getAttribute('aria-checked') === v, value, { timeout: 10_000 })

/** The main switch's aria-checked in the HTML the server sent, before any script ran. */
async function serverChecked(path, cookie) {
  const html = await (await fetch(origin + path, { headers: cookie ? { cookie } : {} })).text()
  const match = html.match(/<button[^>]*role="switch"[^>]*>/)
  if (!match) throw new Error(`${path}: the server HTML has no switch`)
  return match[0].match(/aria-checked="(\w+)"/)?.[1]
}

async function usePages() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? chromiumFlags.executablePath,
    headless: true,
    args: chromiumFlags.args,
  })
  const seen = []
  try {
    const context = await browser.newContext()
    // Before any page script: every later change of a switch's aria-checked (a flash would be one),
    // and errors React reports without throwing (reportError), such as a failed hydration.
    await context.addInitScript(() => {
      window.__checkedChanges = []
      window.__reported = []
      window.addEventListener('error', (event) => window.__reported.push(String(event.message)))
      new MutationObserver((records) => {
        for (const r of records) window.__checkedChanges.push(r.target.getAttribute('aria-checked'))
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-checked'] })
    })
    const page = await context.newPage()
    const problems = []
    page.on('pageerror', (error) => problems.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`)
    })
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`)
    })
    const settle = () => page.waitForLoadState('networkidle')

    // 1. A server component page.
    if ((await serverChecked('/')) !== 'false') throw new Error('/: the server did not render the setting off')
    await page.goto(`${origin}/`)
    await settle()
    await confirmTurnOn(page)
    seen.push('/ (server component): server HTML aria-checked="false", hydrated, "Turn on" in the confirmation turned it on')

    // 2. A client provider with localStorage.
    await page.goto(`${origin}/client`)
    await settle()
    await confirmTurnOn(page)
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('model-consent') ?? 'null'))
    if (stored?.decisions?.['improve-model']?.value !== true) throw new Error(`/client: localStorage holds ${JSON.stringify(stored)}`)
    await page.reload()
    await settle()
    await mainChecked(page, 'true')
    seen.push('/client (localStorageAdapter): turned on through the confirmation, saved to localStorage, on again after a reload')

    // 3. initialData from the server.
    await page.goto(`${origin}/initial`)
    await settle()
    await confirmTurnOn(page)
    const cookie = (await context.cookies()).find((c) => c.name === 'model-consent')
    if (!cookie) throw new Error('/initial: no model-consent cookie after turning the setting on')
    const before = await serverChecked('/initial', `model-consent=${cookie.value}`)
    if (before !== 'true') throw new Error(`/initial: the server rendered aria-checked="${before}" for a person who opted in`)
    await page.reload()
    await settle()
    await mainChecked(page, 'true')
    const changes = await page.evaluate(() => window.__checkedChanges)
    if (changes.length) throw new Error(`/initial: aria-checked changed after the server render: ${changes.join(', ')}`)
    seen.push('/initial (initialData from a cookie): server HTML aria-checked="true" after opting in, hydrated on with no aria-checked change (no flash)')

    problems.push(...(await page.evaluate(() => window.__reported)))
    if (problems.length) throw new Error(`the pages logged:\n${problems.join('\n')}`)
    seen.push('no hydration warning, console error or warning, or failed request on any page')
    return seen.join('; ')
  } finally {
    await browser.close()
  }
}

let ok = false
let server = null
app = mkdtempSync(join(tmpdir(), 'mc-next-'))
try {
  console.log(`Next.js consumer test in ${app}`)
  let tarballs
  await step('pnpm pack @model-consent/core and @model-consent/react', () => {
    for (const name of ['core', 'react']) {
      if (!existsSync(join(root, 'packages', name, 'dist/index.js'))) throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first`)
    }
    tarballs = { core: pack(join(root, 'packages/core'), app), react: pack(join(root, 'packages/react'), app) }
    return Object.values(tarballs).map((t) => basename(t)).join(', ')
  })

  await step('npm install (next 16.4.6, react 19.3.1, the two tarballs)', () => {
    const core = `file:./${basename(tarballs.core)}`
    write('package.json', JSON.stringify({
      name: 'model-consent-next-consumer', private: true,
      dependencies: {
        '@model-consent/core': core, '@model-consent/react': `file:./${basename(tarballs.react)}`,
        next: '16.4.6', react: '19.3.1', 'react-dom': '19.3.1',
      },
      overrides: { '@model-consent/core': core },
    }, null, 2))
    for (const [path, text] of Object.entries(files)) write(path, text)
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app, stdio: 'pipe', env })
  })

  await step('next build (no error or warning from the kit)', () => {
    const build = spawnSync(process.execPath, [join(app, 'node_modules/next/dist/bin/next'), 'build'], { cwd: app, env, encoding: 'utf8' })
    if (build.status !== 0) throw Object.assign(new Error('next build failed'), build)
    const output = `${build.stdout}\n${build.stderr}`
    const fromKit = output.split('\n').filter((line) => KIT.test(line))
    if (fromKit.length) throw new Error(`next build printed, from the kit:\n${fromKit.join('\n')}`)
    const warnings = output.split('\n').filter((line) => /⚠|warn|error/i.test(line))
    return warnings.length ? `other build warnings: ${warnings.join(' | ')}` : 'no warnings'
  })

  await step(`next start -H 127.0.0.1 -p ${PORT}`, async () => {
    server = await startServer()
  })

  await step('in Chromium: /, /client and /initial', usePages)

  await step('next start logged nothing from the kit', () => {
    const logged = server.output.join('').split('\n').filter((line) => KIT.test(line) || /error|warn/i.test(line))
    if (logged.length) throw new Error(`next start logged:\n${logged.join('\n')}`)
  })
  ok = true
} catch {
  // step() has printed the failure.
} finally {
  server?.stop()
  if (process.env.KEEP_CONSUMER_APP) console.log(`kept ${app}`)
  else rmSync(app, { recursive: true, force: true })
}
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(ok ? `Next.js consumer test passed in ${seconds} s` : `Next.js consumer test FAILED after ${seconds} s`)
process.exit(ok ? 0 : 1)
