#!/usr/bin/env node
// Consumer test: installs the packed packages into a fresh app outside the workspace (once with
// React 19 and once with React 18.3, the two ends of the peer range), as a
// user would, and checks that it type-checks (strict, moduleResolution bundler), that
// `ModelImprovementSetting` server-renders in plain Node with react-dom/server, that Vite
// bundles it, and that the bundled app works in Chromium (a person turns the setting on through
// the confirmation; `useConsent` saves to localStorage). Then scripts/consumer-next.mjs does the
// same for a Next.js App Router app. Run `pnpm build` first. Exits 1 if any step failed.
// KEEP_CONSUMER_APP=1 keeps the temporary app for debugging.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { serve } from '../bench/lib/server.mjs'
import { pack } from './lib/pack.mjs'
import { step } from './lib/step.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const started = performance.now()
// The peer range is `^18.3 || ^19`: the app is built once with each.
const REACT_VERSIONS = [
  { react: '19.3.1', types: '19.3.0', typesDom: '19.3.0' },
  { react: '18.3.1', types: '18.3.32', typesDom: '18.3.7' },
]
let app = ''

const chromiumFlags = JSON.parse(readFileSync(join(root, 'scripts/lib/chromium.json'), 'utf8'))

const run = (cmd, args) => execFileSync(cmd, args, { cwd: app, stdio: 'pipe', encoding: 'utf8' })
const write = (path, text) => {
  mkdirSync(dirname(join(app, path)), { recursive: true })
  writeFileSync(join(app, path), text)
}

const files = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022', lib: ['ES2023', 'DOM', 'DOM.Iterable'], module: 'ESNext',
      moduleResolution: 'bundler', jsx: 'react-jsx', strict: true, noEmit: true,
      // Check our published .d.ts too, not only the app's code; and props that pass `undefined`
      // explicitly, as exactOptionalPropertyTypes users do (src/typed-usage.tsx).
      skipLibCheck: false, types: [], exactOptionalPropertyTypes: true,
    },
    include: ['src'],
  }, null, 2),
  'src/app.tsx': `import { createConsentStore, localStorageAdapter, type ConsentStore } from '@model-consent/core'
import { ModelImprovementSetting, useConsent, type ConsentLocale } from '@model-consent/react'
import { fr } from '@model-consent/react/locales/fr'
import '@model-consent/react/styles.css'

/** A locale entry resolves and type-checks through the package's exports. */
export const french: ConsentLocale = fr

export const store: ConsentStore = createConsentStore({ policyVersion: '2026-11', storage: localStorageAdapter() })

function Status() {
  const { value, pending, set } = useConsent('improve-model', store)
  return (
    <button type="button" disabled={pending} onClick={() => void set(!value)}>
      {value ? 'On' : 'Off'}
    </button>
  )
}

export function App() {
  return (
    <>
      <ModelImprovementSetting policyVersion="2026-11" />
      <Status />
    </>
  )
}
`,
  'src/main.tsx': `import { createRoot } from 'react-dom/client'
import { App } from './app'

createRoot(document.getElementById('root')!).render(<App />)
`,
  'src/css.d.ts': "declare module '*.css'\n",
  // Type-checked only (not bundled): the ref types of React 18 and 19, and optional props given
  // `undefined` explicitly under exactOptionalPropertyTypes.
  'src/typed-usage.tsx': `import { ConsentConfirmDialog, ConsentExplainer, ConsentProvider, ConsentSwitch, ModelImprovementSetting } from '@model-consent/react'
import { useRef } from 'react'

export function TypedUsage({ href, name }: { href?: string | undefined; name?: string | undefined }) {
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  return (
    <ConsentProvider store={undefined} locale={undefined} messages={undefined}>
      <ModelImprovementSetting ref={root} name={name} learnMoreHref={href} value={undefined} onValueChange={undefined} locale={undefined} disabled={undefined} />
      <ModelImprovementSetting value={null} onValueChange={(next) => void next['improve-model']} />
      <ConsentSwitch ref={button} checked={undefined} onCheckedChange={undefined} pending={undefined} name={name} value="yes" required />
      <ConsentExplainer checked={false} decision={undefined} learnMoreHref={href} open={undefined} />
      <ConsentConfirmDialog open={undefined} title={undefined} onConfirm={undefined} />
    </ConsentProvider>
  )
}
`,
  'index.html': '<!doctype html><html lang="en"><head><title>Settings</title><link rel="icon" href="data:,"></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n',
  'vite.config.mjs': "export default { logLevel: 'warn', oxc: { jsx: { runtime: 'automatic' } } }\n",
  'ssr.mjs': `import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { ModelImprovementSetting } from '@model-consent/react'
import { ar } from '@model-consent/react/locales/ar'

const html = renderToString(createElement(ModelImprovementSetting, { policyVersion: '2026-11' }))
const missing = ['role="switch"', 'aria-checked="false"'].filter((text) => !html.includes(text))
if (missing.length) {
  console.error('server HTML lacks ' + missing.join(' and ') + ':\\n' + html)
  process.exit(1)
}
// A locale entry, imported through the package's exports in Node: Arabic words, right to left.
const arabic = renderToString(createElement(ModelImprovementSetting, { policyVersion: '2026-11', locale: ar }))
const arabicMissing = ['lang="ar"', 'dir="rtl"', ar.title].filter((text) => !arabic.includes(text))
if (arabicMissing.length) {
  console.error('Arabic server HTML lacks ' + arabicMissing.join(' and ') + ':\\n' + arabic)
  process.exit(1)
}
console.log(html.length + ' characters of HTML; Arabic from @model-consent/react/locales/ar')
`,
}

async function consumerApp({ react, types, typesDom }) {
  app = mkdtempSync(join(tmpdir(), 'mc-consumer-'))
  let ok = false
  try {
    console.log(`consumer test with React ${react} in ${app}`)
    let tarballs
    await step('pnpm pack @model-consent/core and @model-consent/react', () => {
      for (const name of ['core', 'react']) {
        if (!existsSync(join(root, 'packages', name, 'dist/index.js'))) throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first`)
      }
      tarballs = { core: pack(join(root, 'packages/core'), app), react: pack(join(root, 'packages/react'), app) }
      return Object.values(tarballs).map((t) => basename(t)).join(', ')
    })

    await step(`npm install (react ${react}, typescript 5.9.3, vite 8.3.8, the two tarballs)`, () => {
      const core = `file:./${basename(tarballs.core)}`
      write('package.json', JSON.stringify({
        name: 'model-consent-consumer', private: true, type: 'module',
        dependencies: {
          '@model-consent/core': core,
          '@model-consent/react': `file:./${basename(tarballs.react)}`,
          react, 'react-dom': react,
        },
        devDependencies: { '@types/react': types, '@types/react-dom': typesDom, typescript: '5.9.3', vite: '8.3.8' },
        // The react tarball depends on "@model-consent/core": "0.1.0", which is not on the registry.
        overrides: { '@model-consent/core': core },
      }, null, 2))
      for (const [path, text] of Object.entries(files)) write(path, text)
      run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'])
    })

    await step('tsc --noEmit (strict, exactOptionalPropertyTypes, moduleResolution bundler, jsx react-jsx)', () => {
      run(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'])
    })

    await step('renderToString(<ModelImprovementSetting policyVersion="2026-11" />) in Node', () => {
      // Any warning printed while rendering on the server counts as a failure.
      const ssr = spawnSync(process.execPath, ['ssr.mjs'], { cwd: app, encoding: 'utf8' })
      if (ssr.status !== 0 || ssr.stderr.trim()) throw Object.assign(new Error('server render failed'), ssr)
      return ssr.stdout.trim() + ', with role="switch" and aria-checked="false", no warnings'
    })

    await step('vite build', () => {
      run(process.execPath, [join(app, 'node_modules/vite/bin/vite.js'), 'build'])
      if (!existsSync(join(app, 'dist/index.html'))) throw new Error('vite build wrote no dist/index.html')
    })

    await step('in Chromium: turn the setting on through the confirmation, and save with useConsent', () => useBuiltApp(join(app, 'dist')))
    ok = true
  } catch {
    // step() has printed the failure.
  } finally {
    if (process.env.KEEP_CONSUMER_APP) console.log(`kept ${app}`)
    else rmSync(app, { recursive: true, force: true })
  }
  return ok
}

/** Opens the built app in Chromium and uses it the way a person would. Throws on any problem. */
async function useBuiltApp(dir) {
  const server = await serve(dir)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? chromiumFlags.executablePath,
    headless: true,
    args: chromiumFlags.args,
  })
  try {
    const page = await browser.newPage()
    const problems = []
    page.on('pageerror', (error) => problems.push(String(error)))
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`)
    })
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
    })
    await page.goto(`${server.origin}/`)
    const main = page.getByRole('switch', { name: 'Improve the model for everyone' })
    const audio = page.getByRole('switch', { name: 'Include audio recordings' })
    await main.click({ timeout: 10_000 })
    await page.getByRole('alertdialog').getByRole('button', { name: 'Turn on' }).click({ timeout: 5_000 })
    await page.waitForFunction(() => document.querySelector('[role="switch"]')?.getAttribute('aria-checked') === 'true', null, { timeout: 5_000 })
    if (await audio.isDisabled()) throw new Error('"Include audio recordings" is still disabled with the main setting on')
    await page.getByRole('button', { name: 'Off', exact: true }).click({ timeout: 5_000 })
    await page.getByRole('button', { name: 'On', exact: true }).waitFor({ timeout: 5_000 })
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('model-consent') ?? 'null'))
    if (stored?.decisions?.['improve-model']?.value !== true) throw new Error(`localStorage holds ${JSON.stringify(stored)}`)
    if (problems.length) throw new Error(`the page logged:\n${problems.join('\n')}`)
    return 'switch on after "Turn on", audio enabled, useConsent saved to localStorage, no console errors'
  } finally {
    await browser.close()
    await server.close()
  }
}

let ok = true
for (const versions of REACT_VERSIONS) ok = (await consumerApp(versions)) && ok
// Beside the Vite app: a Next.js App Router app (server components, SSR with initialData).
ok = spawnSync(process.execPath, [join(root, 'scripts/consumer-next.mjs')], { stdio: 'inherit' }).status === 0 && ok
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(ok ? `consumer test passed in ${seconds} s` : `consumer test FAILED after ${seconds} s`)
process.exit(ok ? 0 : 1)
