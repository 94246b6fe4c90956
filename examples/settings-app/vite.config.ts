import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  // The kit from the workspace sources, so the example never runs a stale build.
  resolve: {
    alias: [
      { find: /^@model-consent\/core$/, replacement: here('../../packages/core/src/index.ts') },
      { find: /^@model-consent\/react$/, replacement: here('../../packages/react/src/index.ts') },
      { find: /^@model-consent\/react\/styles\.css$/, replacement: here('../../packages/react/src/styles.css') },
    ],
  },
  build: { outDir: here('dist/client'), emptyOutDir: true },
})
