import type { Decorator } from '@storybook/react-vite'
import { ConsentProvider, type ConsentLocale, type SupportedLocale } from '@model-consent/react'
import { locales } from '@model-consent/react/locales'

/** Values of the toolbar globals (see `globalTypes` in preview.tsx). */
export type ThemeGlobal = 'light' | 'dark' | 'system'
export type DirectionGlobal = 'auto' | 'ltr' | 'rtl'
export type MotionGlobal = 'no-preference' | 'reduce'

/**
 * The locale set the toolbar's `locale` global names (a shipped tag), as an app would import it
 * from its entry, such as `@model-consent/react/locales/fr`. English for anything else.
 */
export function storyLocale(globals: Record<string, unknown>): ConsentLocale {
  return locales[String(globals.locale ?? 'en') as SupportedLocale] ?? locales.en
}

/**
 * The text direction a story should use: the toolbar's choice, or the locale's own direction
 * when the toolbar says "auto".
 */
export function storyDirection(globals: Record<string, unknown>): 'ltr' | 'rtl' {
  const dir = globals.dir as DirectionGlobal | undefined
  if (dir === 'ltr' || dir === 'rtl') return dir
  return storyLocale(globals).dir
}

/**
 * Wraps every story in the environment chosen in the toolbar:
 * - `data-theme` ("system" leaves it off so the theme follows prefers-color-scheme) on a
 *   container that paints the page background, so axe checks contrast against the real one;
 * - `dir` and `lang`;
 * - a `ConsentProvider` with the locale set, for the components that read it from context;
 * - `data-reduced-motion`, which preview.css uses to turn every transition off.
 * Storybook's own layout is `fullscreen`; the container adds the padding (unless a story sets
 * `parameters.bleed`), so the themed background reaches the edges of the canvas.
 */
export const withConsentEnvironment: Decorator = (Story, context) => {
  const { globals, viewMode, parameters } = context
  const theme = (globals.theme as ThemeGlobal | undefined) ?? 'light'
  const locale = storyLocale(globals)
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
      lang={locale.locale}
    >
      <ConsentProvider locale={locale}>
        <Story />
      </ConsentProvider>
    </div>
  )
}
