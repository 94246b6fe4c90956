import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { defineConfig, type ViteUserConfig } from 'vitest/config'
import { alias, chromiumBrowser } from './vitest.config'

/**
 * A `storybook` test project: every story in .storybook/main.ts becomes a test that renders it,
 * runs its play function and then axe (`parameters.a11y.test: 'error'` fails on any violation),
 * in Debian's Chromium through Vitest browser mode. `initialGlobals` pins toolbar globals
 * (theme, dir, locale, motion) for the whole run; a story's own `globals` still win.
 */
export function storybookProject(name: string, initialGlobals: Record<string, unknown> = {}): ViteUserConfig {
  return {
    plugins: [
      storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)), initialGlobals }),
    ],
    resolve: { alias },
    test: {
      name,
      setupFiles: ['./.storybook/vitest.setup.ts'],
      browser: chromiumBrowser,
    },
  }
}

/** Every story as designed: light theme, English, direction from the locale. */
export default defineConfig(storybookProject('storybook'))
