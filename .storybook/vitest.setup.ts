/**
 * Setup for the `storybook` Vitest project (vitest.storybook.config.ts); not loaded by Storybook itself.
 * Project annotations (preview.tsx, addons) are applied by the storybookTest plugin.
 *
 * Gives play functions real key presses: `userEvent` from `storybook/test` dispatches synthetic,
 * untrusted events, and Chromium never runs a native <dialog>'s Escape handling (its close watcher)
 * for those. Vitest's `userEvent` presses keys through Playwright, like a person.
 */
import { userEvent } from 'vitest/browser'

globalThis.__storybookRealKeyboard = (keys: string) => userEvent.keyboard(keys)
