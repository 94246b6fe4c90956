import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import chromium from './scripts/lib/chromium.json' with { type: 'json' }

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * Source aliases so tests run against `src/`, never a stale `dist/`. Exact matches (a plain
 * string key would also rewrite `@model-consent/react/locales/fr`), the locale entries included.
 */
export const alias = [
  { find: /^@model-consent\/core$/, replacement: here('./packages/core/src/index.ts') },
  { find: /^@model-consent\/react$/, replacement: here('./packages/react/src/index.ts') },
  { find: /^@model-consent\/react\/locales$/, replacement: here('./packages/react/src/locales/index.ts') },
  { find: /^@model-consent\/react\/locales\/([a-z-]+)$/, replacement: here('./packages/react/src/locales/') + '$1.ts' },
]

/** Debian's Chromium; `.ci/run` installs it. CHROMIUM_PATH overrides. Shared with the benchmarks. */
const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? chromium.executablePath,
  args: chromium.args,
}

/** Vitest browser mode in headless Chromium, for the browser and the Storybook projects. */
export const chromiumBrowser = {
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunch }),
  instances: [{ browser: 'chromium' as const }],
}

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  test: {
    projects: [
      // Every story as a test (render, play function, axe), light/English and dark/RTL.
      './vitest.storybook*.config.ts',
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          globals: true,
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/ssr/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/jsdom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          globals: true,
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/browser.ts'],
          browser: chromiumBrowser,
        },
      },
    ],
  },
})
