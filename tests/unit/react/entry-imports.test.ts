// @vitest-environment node
/**
 * The choice prompt and the consent receipt are opt-in parts: an app that imports only the hook
 * (on every page) or only the setting must not bundle them. Bundles the sources with esbuild and
 * checks which files each entry pulls in.
 */
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const sources = {
  '@model-consent/core': `${root}packages/core/src/index.ts`,
  '@model-consent/react': `${root}packages/react/src/index.ts`,
}

async function inputsOf(code: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    alias: sources,
    external: ['react', 'react-dom', 'react/jsx-runtime', '@radix-ui/*'],
    logLevel: 'silent',
  })
  // Files that put code in the bundle (a module parsed and then shaken away puts none).
  const output = Object.values(result.metafile.outputs)[0]!
  return Object.entries(output.inputs).filter(([, used]) => used.bytesInOutput > 0).map(([path]) => path)
}

describe('what each entry bundles', () => {
  it.each([
    ['{ useConsent }', "export { useConsent } from '@model-consent/react'"],
    ['{ ModelImprovementSetting }', "export { ModelImprovementSetting } from '@model-consent/react'"],
    ['{ createConsentStore }', "export { createConsentStore } from '@model-consent/core'"],
  ])('%s leaves out the prompt and the receipt', async (_name, code) => {
    const inputs = await inputsOf(code)
    expect(inputs.length).toBeGreaterThan(3)
    expect(inputs.filter((path) => /\/prompt\/|\/receipt/.test(path))).toEqual([])
  })

  it('brings the prompt in when it is imported (the check can see it)', async () => {
    const inputs = await inputsOf("export { ModelImprovementPrompt, createConsentReceipt } from '@model-consent/react'")
    expect(inputs.some((path) => path.includes('/prompt/model-improvement-prompt.tsx'))).toBe(true)
    expect(inputs.some((path) => path.includes('/core/src/receipt.ts'))).toBe(true)
  })
})
