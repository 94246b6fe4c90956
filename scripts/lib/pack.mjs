// Packs a workspace package with `pnpm pack` (which turns `workspace:*` into the real
// version, as a publish would) and returns the tarball path.
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Packs `packageDir` into `destination` and returns the path of the new `.tgz`. */
export function pack(packageDir, destination) {
  const before = new Set(readdirSync(destination))
  execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] })
  const created = readdirSync(destination).filter((f) => f.endsWith('.tgz') && !before.has(f))
  if (created.length !== 1) throw new Error(`pnpm pack in ${packageDir} produced ${created.length} tarballs`)
  return join(destination, created[0])
}
