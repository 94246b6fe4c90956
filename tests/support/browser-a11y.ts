import axe from 'axe-core'
import { cdp } from 'vitest/browser'

/** The WCAG 2.2 AA rule tags the browser tests check (theme.test.tsx adds AAA for contrast). */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** axe-core's WCAG 2.2 AA violations under `root` (plus enhanced contrast), as `rule: targets` lines. */
export async function violations(root: Element = document.body): Promise<string[]> {
  const results = await axe.run(root, {
    runOnly: { type: 'tag', values: WCAG_AA_TAGS },
    rules: { 'color-contrast-enhanced': { enabled: true } },
  })
  return results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** Emulates media features in Chromium (`forced-colors`, `prefers-reduced-motion`, …); `[]` resets. */
export const emulate = (features: Array<{ name: string; value: string }>) => cdp().send('Emulation.setEmulatedMedia', { features })
