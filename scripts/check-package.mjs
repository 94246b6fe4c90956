#!/usr/bin/env node
// Lints what we publish: packs each package as `pnpm publish` would, then runs
// publint (--strict: warnings fail too) and @arethetypeswrong/cli (profile esm-only:
// we ship ESM only, so the CommonJS `require` resolution is out of scope) on the tarball.
// Run `pnpm build` first. Exits 1 when either tool reports a problem.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pack } from './lib/pack.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules/.bin', name)

// A stylesheet has no types for attw to check (it reports "Resolution failed" for any
// non-JS export); publint still checks that `./styles.css` points at a file in the tarball.
const attwExclude = { core: [], react: ['--exclude-entrypoints', './styles.css'] }

const temp = mkdtempSync(join(tmpdir(), 'mc-check-'))
let failed = false
try {
  for (const name of ['core', 'react']) {
    const dir = join(root, 'packages', name)
    if (!existsSync(join(dir, 'dist/index.js'))) throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first`)
    const tarball = pack(dir, temp)
    for (const [tool, args] of [
      ['publint', ['run', tarball, '--strict']],
      ['attw', [tarball, '--profile', 'esm-only', '--no-emoji', '--no-color', ...attwExclude[name]]],
    ]) {
      console.log(`\n$ ${tool} @model-consent/${name}`)
      const run = spawnSync(bin(tool), args, { stdio: 'inherit' })
      if (run.status !== 0) {
        failed = true
        console.error(`${tool} reported problems in @model-consent/${name}`)
      }
    }
  }
} catch (error) {
  console.error(`check:package: ${error.message}`)
  failed = true
} finally {
  rmSync(temp, { recursive: true, force: true })
}
console.log(failed ? '\ncheck:package: FAILED' : '\ncheck:package: publint and attw found no problems')
process.exit(failed ? 1 : 0)
