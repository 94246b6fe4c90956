#!/usr/bin/env node
// Builds @model-consent/core and @model-consent/react into `packages/*/dist`:
// ESM, one output file per source module (so consumers' bundlers can tree-shake and
// see `"use client"` per module), plus `.d.ts` from `tsc`.
//
// Why esbuild per file instead of a bundler: nothing is bundled, so every import stays
// external by construction (react, react-dom, @radix-ui/*, @model-consent/core) and
// `process.env.NODE_ENV` checks are left for the consumer's bundler (esbuild only
// defines NODE_ENV when bundling). Relative specifiers are rewritten to the `.js` files
// that exist in dist, because Node's ESM loader (SSR) and `moduleResolution: node16`
// need full paths; the source uses extensionless imports for the bundler resolution.
//
// Usage: node scripts/build.mjs [core|react ...]   (default: both, core first)
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = (await import('node:module')).createRequire(import.meta.url)
const tsc = require.resolve('typescript/bin/tsc')

/** Source files that are not part of the published package. */
const EXCLUDED = /(\.stories\.tsx?|\.test\.tsx?|\.spec\.tsx?|\.d\.ts)$|(^|\/)__tests__\//

/** Imports that make a module client-only: React, React DOM, Radix. */
const CLIENT_IMPORT = /^(react|react-dom|@radix-ui\/)/
/** Browser globals that make a module client-only when used in the react package. */
const BROWSER_GLOBAL = /\b(window|document|localStorage|sessionStorage|navigator|matchMedia|BroadcastChannel|requestAnimationFrame)\b/

const packages = {
  core: { dir: join(root, 'packages/core'), useClient: false, assets: [] },
  react: { dir: join(root, 'packages/react'), useClient: true, assets: ['styles.css'] },
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? walk(path) : [path]
  })
}

/** `from "x"`, `import "x"`, `import("x")`, `export * from "x"` — the specifier is group 2. */
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(?\s*)(["'])([^"'\n]+)\2/g

/** Rewrites `./x` to `./x.js` or `./x/index.js`, whichever exists in dist. */
function rewriteSpecifiers(file, code, ext) {
  return code.replace(SPECIFIER, (match, lead, quote, spec) => {
    if (!spec.startsWith('./') && !spec.startsWith('../')) return match
    if (/\.(js|css|json)$/.test(spec)) return match
    const base = resolve(dirname(file), spec)
    let target
    if (existsSync(base + ext)) target = spec + '.js'
    else if (existsSync(join(base, 'index' + ext))) target = spec.replace(/\/$/, '') + '/index.js'
    else throw new Error(`${relative(root, file)}: cannot resolve "${spec}" in dist`)
    return `${lead}${quote}${target}${quote}`
  })
}

/** The module's imports, and whether it is only a barrel (nothing but imports and re-exports). */
function analyse(code) {
  const imports = [...code.matchAll(SPECIFIER)].map((m) => m[3])
  const body = code
    .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')
    .replace(/^\s*["']use (client|strict)["'];?/gm, '')
    .replace(/\b(import|export)\s*(type\s+)?(\*(\s+as\s+\w+)?|\{[^}]*\}|\w+(\s*,\s*(\{[^}]*\}|\*\s+as\s+\w+))?)?\s*(from\s*)?["'][^"']+["'];?/g, '')
    .replace(/\bexport\s*\{[^}]*\};?/g, '')
    .trim()
  return { imports, barrel: body === '' }
}

async function buildPackage(name) {
  const pkg = packages[name]
  const src = join(pkg.dir, 'src')
  const dist = join(pkg.dir, 'dist')
  const started = performance.now()
  rmSync(dist, { recursive: true, force: true })

  const entryPoints = walk(src).filter((f) => /\.tsx?$/.test(f) && !EXCLUDED.test(relative(src, f)))
  if (!entryPoints.some((f) => /[/\\]index\.tsx?$/.test(f) && dirname(f) === src)) {
    throw new Error(`${name}: src/index.ts is missing`)
  }
  const result = await build({
    entryPoints,
    outdir: dist,
    outbase: src,
    bundle: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    jsx: 'automatic',
    // Keep non-ASCII copy (ar, ja, …) as UTF-8 text: readable in dist and smaller than \u escapes.
    charset: 'utf8',
    tsconfig: join(pkg.dir, 'tsconfig.build.json'),
    write: false,
    logLevel: 'warning',
  })

  // First pass: write every module so specifiers can be resolved against dist.
  const modules = new Map()
  for (const file of result.outputFiles) {
    const hadDirective = /^\s*["']use client["'];?\s*\n?/.test(file.text)
    const code = file.text.replace(/^\s*["']use client["'];?\s*\n?/, '')
    modules.set(file.path, { code, hadDirective })
    mkdirSync(dirname(file.path), { recursive: true })
    writeFileSync(file.path, code)
  }
  for (const [path, mod] of modules) {
    mod.code = rewriteSpecifiers(path, mod.code, '.js')
    Object.assign(mod, analyse(mod.code))
  }

  // `"use client"`: a react module gets it when it imports React/React DOM/Radix, uses a
  // browser global, or imports a module that has it. Barrels (only re-exports) and pure
  // data/functions (messages, shared helpers) stay server-safe, so a Server Component can
  // import `resolveMessages` or a type without turning into a client reference.
  if (pkg.useClient) {
    for (const mod of modules.values()) {
      mod.client = mod.hadDirective || (!mod.barrel &&
        (mod.imports.some((s) => CLIENT_IMPORT.test(s)) || BROWSER_GLOBAL.test(mod.code)))
    }
    for (let changed = true; changed; ) {
      changed = false
      for (const [path, mod] of modules) {
        if (mod.client || mod.barrel) continue
        const local = mod.imports.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(path), s))
        if (local.some((p) => modules.get(p)?.client)) mod.client = changed = true
      }
    }
  }
  for (const [path, mod] of modules) {
    writeFileSync(path, (mod.client ? '"use client";\n' : '') + mod.code)
  }

  execFileSync(process.execPath, [tsc, '-p', join(pkg.dir, 'tsconfig.build.json')], { stdio: 'inherit' })
  for (const file of walk(dist).filter((f) => f.endsWith('.d.ts'))) {
    writeFileSync(file, rewriteSpecifiers(file, readFileSync(file, 'utf8'), '.d.ts'))
  }
  for (const asset of pkg.assets) copyFileSync(join(src, asset), join(dist, asset))

  verify(name, src, dist, modules)
  const clientModules = [...modules].filter(([, m]) => m.client).map(([p]) => relative(dist, p))
  const ms = Math.round(performance.now() - started)
  console.log(`built ${name}: ${modules.size} modules in ${ms} ms` +
    (pkg.useClient ? `; "use client" in ${clientModules.length}: ${clientModules.join(', ')}` : ''))
}

/** Fails the build when the output breaks a packaging rule. */
function verify(name, src, dist, modules) {
  const problems = []
  const sourceUsesNodeEnv = walk(src).some((f) => !EXCLUDED.test(relative(src, f)) && /\.tsx?$/.test(f) &&
    readFileSync(f, 'utf8').includes('process.env.NODE_ENV'))
  const outputUsesNodeEnv = [...modules.values()].some((m) => m.code.includes('process.env.NODE_ENV'))
  if (sourceUsesNodeEnv && !outputUsesNodeEnv) problems.push('process.env.NODE_ENV checks were removed')
  for (const [path, mod] of modules) {
    const file = relative(dist, path)
    if (name === 'core' && mod.client) problems.push(`${file}: "use client" in core`)
    // Locale entries are plain data: a Server Component imports one and passes it as a prop.
    if (name === 'react' && file.startsWith('locales') && mod.client) problems.push(`${file}: "use client" in a locale entry`)
    if (name === 'core' && mod.imports.some((s) => CLIENT_IMPORT.test(s))) problems.push(`${file}: core imports React`)
    if (!existsSync(path.replace(/\.js$/, '.d.ts'))) problems.push(`${file}: no .d.ts`)
  }
  for (const file of walk(dist)) {
    if (/\.(stories|test|spec)\./.test(file)) problems.push(`${relative(dist, file)}: should not ship`)
  }
  if (problems.length) throw new Error(`${name}: ${problems.join('\n  ')}`)
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : ['core', 'react']
try {
  for (const name of names) {
    if (!packages[name]) throw new Error(`unknown package "${name}"`)
    await buildPackage(name)
  }
} catch (error) {
  console.error(`build failed: ${error.message}`)
  process.exit(1)
}
