import type { Decorator } from '@storybook/react-vite'
import { ConsentProvider, getDirection } from '@model-consent/react'

/** Values of the toolbar globals (see `globalTypes` in preview.tsx). */
export type ThemeGlobal = 'light' | 'dark' | 'system'
export type DirectionGlobal = 'auto' | 'ltr' | 'rtl'
export type MotionGlobal = 'no-preference' | 'reduce'

/**
 * The text direction a story should use: the toolbar's choice, or the locale's own direction
 * when the toolbar says "auto".
 */
export function storyDirection(globals: Record<string, unknown>): 'ltr' | 'rtl' {
  const dir = globals.dir as DirectionGlobal | undefined
  if (dir === 'ltr' || dir === 'rtl') return dir
  return getDirection(String(globals.locale ?? 'en'))
}

/**
 * Wraps every story in the environment chosen in the toolbar:
 * - `data-theme` ("system" leaves it off so the theme follows prefers-color-scheme) on a
 *   container that paints the page background, so axe checks contrast against the real one;
 * - `dir` and `lang`;
 * - a `ConsentProvider` with the locale, for the components that read it from context;
 * - `data-reduced-motion`, which preview.css uses to turn every transition off.
 * Storybook's own layout is `fullscreen`; the container adds the padding (unless a story sets
 * `parameters.bleed`), so the themed background reaches the edges of the canvas.
 */
export const withConsentEnvironment: Decorator = (Story, context) => {
  const { globals, viewMode, parameters } = context
  const theme = (globals.theme as ThemeGlobal | undefined) ?? 'light'
  const locale = String(globals.locale ?? 'en')
  const reduced = globals.motion === 'reduce'
  return (
    <div
      className="mc-story-root"
      data-theme={theme === 'system' ? undefined : theme}
      data-system-theme={theme === 'system' ? '' : undefined}
      data-reduced-motion={reduced ? '' : undefined}
      data-view-mode={viewMode}
      data-bleed={parameters.bleed ? '' : undefined}
      dir={storyDirection(globals)}
      lang={locale}
    >
      <ConsentProvider locale={locale}>
        <Story />
      </ConsentProvider>
    </div>
  )
}
