#!/usr/bin/env node
// Bundle budgets (`pnpm size`): bundles the BUILT packages (run `pnpm build` first) the way an app
// would, with esbuild (minify, ESM, browser, NODE_ENV=production so development-only code drops
// out, React external), and measures raw (bundled, not minified), min and min+gzip (zlib level 9).
// Sizes in KiB: 1 kB = 1024 B. Radix Switch + Radix AlertDialog are measured in the same run as
// the baseline, and the composed setting's ratio to them is printed.
//
// Each budgeted entry has a `target` (the issue's budget, reported as met or missed) and a CI
// `ceiling` (enforced: just above what ships, so any growth fails; see scripts/size-budgets.mjs).
// Also checks what a part alone must leave out (tree-shaking). Writes the figures to
// bench/size.json; exits 1 on a failure. `--set-ceilings` rewrites the ceilings from this run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, version as esbuildVersion } from 'esbuild'
import { budgets, CEILING_IDS, CEILINGS_FILE, LOCALE_ENTRIES, RATIO_TARGET } from './size-budgets.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const reactDir = join(root, 'packages/react')
const KIB = 1024

/** Whether a built package exports `name` (read from its dist entry, without running it). */
const exportsName = (pkg, name) => {
  const file = join(root, 'packages', pkg, 'dist/index.js')
  return existsSync(file) && new RegExp(`\\b${name}\\b`).test(readFileSync(file, 'utf8'))
}

/** What an app imports, by id. Budgets live in scripts/size-budgets.mjs. */
const entries = [
  { id: 'everyPage', label: 'every page: useConsent + createConsentStore + localStorageAdapter', code: "export { useConsent } from '@model-consent/react'\nexport { createConsentStore, localStorageAdapter } from '@model-consent/core'" },
  { id: 'setting', label: '{ ModelImprovementSetting }, built-in English', code: "export { ModelImprovementSetting } from '@model-consent/react'" },
  ...LOCALE_ENTRIES.map(([file, name]) => ({ id: `locale:${file}`, label: `locale entry ${file} alone`, code: `export { ${name} } from '@model-consent/react/locales/${file}'` })),
  { id: 'allLocales', label: 'all 7 locales (@model-consent/react/locales)', code: "export { locales } from '@model-consent/react/locales'" },
  { id: 'useConsent', label: '{ useConsent } only', code: "export { useConsent } from '@model-consent/react'" },
  { id: 'switchOnly', label: '{ ConsentSwitch } only', code: "export { ConsentSwitch } from '@model-consent/react'" },
  { id: 'explainerOnly', label: '{ ConsentExplainer } only', code: "export { ConsentExplainer } from '@model-consent/react'" },
  { id: 'dialogOnly', label: '{ ConsentConfirmDialog } only', code: "export { ConsentConfirmDialog } from '@model-consent/react'" },
  // Parts another issue adds; measured once they exist.
  ...(exportsName('react', 'ModelImprovementPrompt') ? [{ id: 'prompt', label: '{ ModelImprovementPrompt } only', code: "export { ModelImprovementPrompt } from '@model-consent/react'" }] : []),
  ...(exportsName('core', 'createConsentReceipt') ? [{ id: 'receipt', label: '{ createConsentReceipt } only', code: "export { createConsentReceipt } from '@model-consent/core'" }] : []),
  { id: 'react', label: '@model-consent/react (everything)', code: "export * from '@model-consent/react'" },
  { id: 'core', label: '@model-consent/core (everything)', code: "export * from '@model-consent/core'" },
  { id: 'radixSwitch', label: '@radix-ui/react-switch alone', code: "export { Root, Thumb } from '@radix-ui/react-switch'" },
  { id: 'radixAlertDialog', label: '@radix-ui/react-alert-dialog alone', code: "export * as AlertDialog from '@radix-ui/react-alert-dialog'" },
  {
    id: 'baseline',
    label: 'baseline: Radix Switch + AlertDialog',
    code: "export { Root as Switch, Thumb } from '@radix-ui/react-switch'\nexport * as AlertDialog from '@radix-ui/react-alert-dialog'",
  },
].map((entry) => ({ ...entry, ...budgets[entry.id] }))

const MESSAGE_FILES = /packages\/react\/dist\/(messages\/(en|es|fr|de|pt-br|ja|ar)|locales\/[\w-]+)\.js$/
const OTHER_LOCALES = /packages\/react\/dist\/(messages\/(es|fr|de|pt-br|ja|ar)|locales\/[\w-]+)\.js$/
/** Modules a part alone must leave out. */
const mustLeaveOut = {
  // httpStorage (issue 14) is for apps that import it; the every-page path must not carry it.
  everyPage: [/packages\/react\/dist\/(confirm-dialog|switch|setting|explainer|messages|locales)\//, /@radix-ui\//, /packages\/core\/dist\/storage\/http-storage\.js$/, /packages\/core\/dist\/receipt[\w-]*\.js$/],
  useConsent: [/packages\/react\/dist\/(confirm-dialog|switch|setting|explainer|messages|locales)\//, /@radix-ui\//],
  switchOnly: [MESSAGE_FILES, /packages\/react\/dist\/confirm-dialog\//],
  // The prompt and the receipts (issue 15) are for apps that import them.
  // Uncontrolled, the setting keeps its decisions itself; with a store it uses only its methods.
  setting: [OTHER_LOCALES, /packages\/react\/dist\/prompt\//, /packages\/core\/dist\/receipt[\w-]*\.js$/, /packages\/core\/dist\/consent-store\.js$/],
  ...Object.fromEntries(LOCALE_ENTRIES.map(([file]) => [`locale:${file}`, [/packages\/(core|react\/dist\/(setting|switch|shared|explainer|confirm-dialog))\//, /@radix-ui\//]])),
}

/** Development-only text that a production bundle must not contain (it sits behind NODE_ENV checks). */
const DEVELOPMENT_ONLY = ['Decide between a controlled', 'Pass the saved value in', 'Unknown message key', 'showing English', 'words show in English']
const mustBeProduction = new Set(['everyPage', 'setting', 'react'])

/** Resolves our packages through their package.json `exports` to the built files. */
const ourPackages = {
  name: 'model-consent-dist',
  setup(b) {
    b.onResolve({ filter: /^@model-consent\/(core|react)(\/.*)?$/ }, ({ path }) => {
      const [, name, subpath = ''] = path.match(/^@model-consent\/(core|react)(\/.*)?$/)
      const dir = join(root, 'packages', name)
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      const exported = pkg.exports[`.${subpath}`]
      if (!exported) throw new Error(`${path} is not in the exports of packages/${name}/package.json`)
      const target = join(dir, exported.default ?? exported)
      if (!existsSync(target)) throw new Error(`${relative(root, target)} is missing: run \`pnpm build\` first`)
      return { path: target }
    })
  },
}

async function bundle(code, minify) {
  const result = await build({
    stdin: { contents: code, resolveDir: reactDir, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    write: false,
    minify,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8', // as Vite and most app bundlers emit; esbuild's default \u-escapes non-ASCII text
    external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'],
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'error',
    plugins: [ourPackages],
  })
  const output = Object.values(result.metafile.outputs)[0]
  return { bytes: result.outputFiles[0].contents, inputs: output.inputs }
}

async function measure(entry) {
  const [raw, min] = await Promise.all([bundle(entry.code, false), bundle(entry.code, true)])
  const contributions = Object.entries(min.inputs)
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([path, info]) => [path.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^(\.\.\/)+/, ''), info.bytesInOutput])
  const text = new TextDecoder().decode(min.bytes)
  const devText = DEVELOPMENT_ONLY.filter((marker) => text.includes(marker))
  return { raw: raw.bytes.length, min: min.bytes.length, gzip: gzipSync(min.bytes, { level: 9 }).length, inputs: contributions.map(([p]) => p), contributions, devText }
}

const kb = (n) => `${(n / KIB).toFixed(2)} kB`
const pad = (s, n) => String(s).padEnd(n)
const padL = (s, n) => String(s).padStart(n)

let results
try {
  results = Object.fromEntries(await Promise.all(entries.map(async (e) => [e.id, { ...e, ...(await measure(e)) }])))
} catch (error) {
  console.error(`size: ${error.message}`)
  process.exit(1)
}

const failures = []
const setting = results.setting
const ratio = setting.gzip / results.baseline.gzip
for (const r of Object.values(results)) {
  r.ok = r.ceiling === undefined || r.gzip <= r.ceiling
  if (!r.ok) failures.push(`${r.label}: ${kb(r.gzip)} min+gzip exceeds the CI ceiling of ${kb(r.ceiling)}`)
  r.leaked = (mustLeaveOut[r.id] ?? []).flatMap((re) => r.inputs.filter((p) => re.test(p)))
  if (r.leaked.length) failures.push(`${r.label} pulls in: ${r.leaked.join(', ')}`)
  if (mustBeProduction.has(r.id) && r.devText.length) failures.push(`${r.label} keeps development-only text in production: ${r.devText.join(', ')}`)
}

console.log(`${pad('entry', 66)}${padL('raw', 10)}${padL('min', 10)}${padL('min+gzip', 10)}  ${pad('CI ceiling', 16)}target (issue 13)`)
for (const r of Object.values(results)) {
  const ceiling = r.ceiling === undefined ? '' : `${kb(r.ceiling)} ${r.ok ? 'ok' : 'FAIL'}`
  const target = r.target === undefined ? '' : `${kb(r.target)} ${r.gzip <= r.target ? 'met' : `MISSED by ${kb(r.gzip - r.target)}`}`
  console.log(`${pad(r.label, 66)}${padL(kb(r.raw), 10)}${padL(kb(r.min), 10)}${padL(kb(r.gzip), 10)}  ${pad(ceiling, 16)}${target}`)
}
console.log(`\nratio { ModelImprovementSetting } / baseline (min+gzip): ${ratio.toFixed(3)} (target ≤ ${RATIO_TARGET}: ${ratio <= RATIO_TARGET ? 'met' : 'MISSED'})`)
for (const r of Object.values(results).filter((r) => mustLeaveOut[r.id])) {
  console.log(`tree-shaking, ${r.label}: ${r.leaked.length ? `FAIL (${r.leaked.join(', ')})` : 'ok'}`)
}
console.log(`development-only text left out of production bundles (${[...mustBeProduction].join(', ')}): ${[...mustBeProduction].every((id) => results[id].devText.length === 0) ? 'ok' : 'FAIL'}`)
console.log(`every-page modules: ${results.everyPage.inputs.join(', ')}`)
console.log('1 kB = 1024 bytes; react, react-dom, react/jsx-runtime, react-dom/client external; esbuild ' + esbuildVersion)

const report = {
  method: 'esbuild bundle of the built dist (minify, esm, platform browser, NODE_ENV=production, charset utf8; react, react-dom, react/jsx-runtime, react-dom/client external); gzip = zlib level 9; bytes; 1 kB = 1024 bytes',
  command: 'pnpm build && pnpm size',
  esbuild: esbuildVersion,
  entries: Object.fromEntries(Object.values(results).map((r) => [r.id, {
    label: r.label, import: r.code, raw: r.raw, min: r.min, gzip: r.gzip,
    ...(r.ceiling === undefined ? {} : { ceiling: r.ceiling, ok: r.ok }),
    ...(r.target === undefined ? {} : { target: r.target, targetMet: r.gzip <= r.target }),
    ...(mustLeaveOut[r.id] ? { treeShakingOk: r.leaked.length === 0 } : {}),
  }])),
  settingToBaseline: { ratio: Number(ratio.toFixed(3)), target: RATIO_TARGET, met: ratio <= RATIO_TARGET },
  everyPageModules: results.everyPage.inputs,
}
if (process.argv.includes('--set-ceilings')) {
  // What ships + 1 %, rounded up to 0.05 kB: just above, so that growth fails.
  const ceilings = Object.fromEntries(CEILING_IDS.map((id) => [id, Math.ceil((results[id].gzip * 1.01) / KIB / 0.05) * 0.05]))
  for (const [id, value] of Object.entries(ceilings)) ceilings[id] = Number(value.toFixed(2))
  writeFileSync(CEILINGS_FILE, JSON.stringify(ceilings, null, 2) + '\n')
  console.log(`\nwrote the CI ceilings to ${relative(root, fileURLToPath(CEILINGS_FILE))}: ${JSON.stringify(ceilings)}`)
  failures.splice(0, failures.length, ...failures.filter((f) => !f.includes('CI ceiling')))
}
mkdirSync(join(root, 'bench'), { recursive: true })
writeFileSync(join(root, 'bench/size.json'), JSON.stringify(report, null, 2) + '\n')

for (const r of new Set([results.everyPage, results.setting, ...Object.values(results).filter((r) => !r.ok)])) {
  console.log(`\nlargest modules in ${r.label} (minified bytes, before gzip):`)
  for (const [path, bytes] of [...r.contributions].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${padL(bytes, 7)}  ${path}`)
  }
}

if (failures.length) {
  console.error(`\nsize budget failed:\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
