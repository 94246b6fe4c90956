import { defineConfig } from 'vitest/config'
import { storybookProject } from './vitest.storybook.config'

/**
 * Every story again in the dark theme, right to left, with reduced motion: play functions and
 * axe (with 7:1 contrast) must pass there too. English copy, so the plays' queries still match.
 */
export default defineConfig(
  storybookProject('storybook:dark-rtl', { theme: 'dark', dir: 'rtl', motion: 'reduce' }),
)
