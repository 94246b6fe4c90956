import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, release, totalmem, type } from 'node:os'
import { join } from 'node:path'
import { root } from './paths.mjs'

export function machineInfo() {
  const cpu = cpus()
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    os: `${type()} ${release()}`,
    node: process.version,
  }
}

const versionOf = (dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).version

function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages'], { cwd: root }).toString().trim() !== ''
    return dirty ? `${commit} (packages/ has uncommitted changes)` : commit
  } catch {
    return 'unknown'
  }
}

export function versions() {
  return {
    commit: gitCommit(),
    '@model-consent/core': versionOf('packages/core'),
    '@model-consent/react': versionOf('packages/react'),
    react: versionOf('node_modules/react'),
    'react-dom': versionOf('node_modules/react-dom'),
    '@radix-ui/react-switch': versionOf('packages/react/node_modules/@radix-ui/react-switch'),
    'playwright-core': versionOf('node_modules/playwright-core'),
    esbuild: versionOf('node_modules/esbuild'),
  }
}
