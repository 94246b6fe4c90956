// Bundles the bench pages (production, minified) and the Node benches with esbuild, from source.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { benchDir, outDir, root } from './paths.mjs'

/** `@model-consent/*` → the packages' source, as the tests do: no `pnpm build` needed, never a stale dist. */
const sourceAliases = {
  name: 'model-consent-source',
  setup(b) {
    b.onResolve({ filter: /^@model-consent\/(core|react)$/ }, ({ path }) => ({
      path: join(root, 'packages', path.split('/')[1], 'src/index.ts'),
    }))
    // The locale entries, such as `@model-consent/react/locales/fr`.
    b.onResolve({ filter: /^@model-consent\/react\/locales(\/[a-z-]+)?$/ }, ({ path }) => ({
      path: join(root, 'packages/react/src/locales', `${path.split('/')[3] ?? 'index'}.ts`),
    }))
  },
}

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [sourceAliases],
}
/** For CPU profiles: real function names and a source map, otherwise as minified. */
const profiling = { minify: false, minifyWhitespace: true, minifySyntax: true, keepNames: true, sourcemap: 'linked' }
const node = {
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
  platform: 'node',
  // React's CommonJS server build requires Node built-ins; give the ESM bundle a real `require`.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
}
const production = { ...common, minify: true, define: { 'process.env.NODE_ENV': '"production"' } }

const CSS = `
body { margin: 0; padding: 8px; font: 14px/1.2 system-ui, sans-serif }
.row { display: flex; align-items: center; gap: 8px; height: 28px }
.sw { all: unset; box-sizing: border-box; display: inline-flex; width: 40px; height: 22px; padding: 2px; border-radius: 11px; background: #767676 }
.sw[data-state=checked] { background: #1a7f37 }
.sw span[data-state] { display: block }
.sw span[data-state]:not(:has(> span)) { width: 18px; height: 18px; border-radius: 50%; background: #fff }
.sw span[data-state=checked]:not(:has(> span)) { transform: translateX(18px) }`

/** Counts React commits in production builds, where <Profiler onRender> is inert: React calls this hook on every commit. */
const COMMIT_COUNTER = `window.__commits = 0; window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = { supportsFiber: true, renderers: new Map(),
  inject() { return 1 }, onScheduleFiberRoot() {}, onCommitFiberRoot() { window.__commits++ }, onCommitFiberUnmount() {},
  onPostCommitFiberRoot() {}, checkDCE() {} }`

export function page(title, script, { body = '', head = '' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title><style>${CSS}</style>${head}</head>
<body><div id="root">${body}</div><script type="module" src="./${script}"></script></body></html>`
}

/** Builds everything into bench/.build; returns the paths of the Node bundles. */
export async function buildAll() {
  mkdirSync(outDir, { recursive: true })
  const pages = join(benchDir, 'pages')
  await Promise.all([
    build({
      ...production,
      entryPoints: ['interaction-kit', 'interaction-baseline'].map((name) => join(pages, `${name}.tsx`)),
      outdir: outDir,
      platform: 'browser',
    }),
    // The same pages for CPU profiles: real function names and a source map, otherwise identical.
    build({
      ...production,
      ...profiling,
      entryPoints: { 'profile-kit': join(pages, 'interaction-kit.tsx'), 'profile-baseline': join(pages, 'interaction-baseline.tsx') },
      outdir: outDir,
      platform: 'browser',
    }),
    build({ ...production, entryPoints: { 'hydrate.prod': join(pages, 'hydrate.tsx') }, outdir: outDir, platform: 'browser' }),
    // Development React prints every hydration mismatch and DOM nesting warning in full.
    build({
      ...common,
      define: { 'process.env.NODE_ENV': '"development"' },
      entryPoints: { 'hydrate.dev': join(pages, 'hydrate.tsx') },
      outdir: outDir,
      platform: 'browser',
    }),
    build({
      ...production,
      entryPoints: { ssr: join(benchDir, 'ssr.tsx'), 'store-throughput': join(benchDir, 'store-throughput.ts') },
      ...node,
    }),
    build({ ...production, ...profiling, entryPoints: { 'ssr-profile': join(benchDir, 'ssr.tsx') }, ...node }),
  ])
  for (const impl of ['kit', 'baseline']) {
    for (const prefix of ['interaction', 'profile']) {
      const html = page(`${prefix}: ${impl}`, `${prefix}-${impl}.js`, { head: `<script>${COMMIT_COUNTER}</script>` })
      writeFileSync(join(outDir, `${prefix}-${impl}.html`), html)
    }
  }
  return { ssr: join(outDir, 'ssr.mjs'), ssrProfile: join(outDir, 'ssr-profile.mjs'), store: join(outDir, 'store-throughput.mjs') }
}
