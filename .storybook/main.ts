import { fileURLToPath } from 'node:url'
import type { StorybookConfig } from '@storybook/react-vite'
import { mergeConfig } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** The same source aliases as tsconfig `paths` and vitest.config.ts: stories run against src/. */
const alias = [
  { find: /^@model-consent\/core$/, replacement: here('../packages/core/src/index.ts') },
  { find: /^@model-consent\/react$/, replacement: here('../packages/react/src/index.ts') },
  { find: /^@model-consent\/react\/locales$/, replacement: here('../packages/react/src/locales/index.ts') },
  { find: /^@model-consent\/react\/locales\/([a-z-]+)$/, replacement: here('../packages/react/src/locales/') + '$1.ts' },
]

/**
 * Storybook for design review: every component and state, in light / dark / system theme, LTR / RTL,
 * each shipped locale and with reduced motion (see the toolbar globals in preview.tsx).
 * `pnpm storybook` serves it; `pnpm build-storybook` writes storybook-static/;
 * `vitest --config vitest.storybook.config.ts` runs every story, its play function and axe as tests.
 */
const config: StorybookConfig = {
  stories: ['./getting-started.mdx', '../packages/react/src/**/*.stories.@(tsx|mdx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  typescript: {
    // Prop tables come from the components' TypeScript interfaces and JSDoc. Tests do not need
    // them, so the Vitest run skips the (slower) TypeScript docgen pass.
    reactDocgen: process.env.VITEST ? false : 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      tsconfigPath: here('../tsconfig.json'),
      include: ['packages/react/src/**/*.tsx'],
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // Document our own props, not the hundreds of native <button>/<div> attributes.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { resolve: { alias } }),
}

export default config
