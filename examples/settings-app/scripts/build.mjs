#!/usr/bin/env node
// Builds the example: the page with Vite (dist/client) and the server with esbuild
// (dist/server/main.js). Both read the kit from the workspace sources, so a fresh clone needs no
// `pnpm build` of the packages first.
import { build as esbuild } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { build as viteBuild } from 'vite'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const started = performance.now()

await viteBuild({ configFile: here('../vite.config.ts'), logLevel: 'warn' })
await esbuild({
  entryPoints: [here('../server/main.ts')],
  outfile: here('../dist/server/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // npm packages load from node_modules at run time; only the kit's source is bundled.
  packages: 'external',
  alias: { '@model-consent/core': here('../../../packages/core/src/index.ts') },
  logLevel: 'warning',
})
console.log(`Built the settings app in ${((performance.now() - started) / 1000).toFixed(1)} s`)
