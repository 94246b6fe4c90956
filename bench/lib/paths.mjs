import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const root = resolve(benchDir, '..')
export const outDir = join(benchDir, '.build')
