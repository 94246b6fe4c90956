import type { Preview } from '@storybook/react-vite'
import { supportedLocales } from '@model-consent/react'
// The toolbar names a locale by tag; the decorator passes its set, imported from its entry (decorators.tsx).
import { withConsentEnvironment } from './decorators'
import '../packages/react/src/styles.css'
import './preview.css'

/** Display names for the locale toolbar, in their own language. */
const LOCALE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  'pt-BR': 'Português (Brasil)',
  ja: '日本語',
  ar: 'العربية (RTL)',
}

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Colour theme: light, dark, or follow the system (prefers-color-scheme)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'system', title: 'System', icon: 'browser' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction (auto follows the locale)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'auto', title: 'Direction from locale' },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of the texts and dates',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: supportedLocales.map((locale) => ({
          value: locale,
          title: LOCALE_NAMES[locale] ?? locale,
          right: locale,
        })),
        dynamicTitle: true,
      },
    },
    motion: {
      description: 'Reduced motion: turns every transition off, as prefers-reduced-motion does',
      toolbar: {
        title: 'Motion',
        icon: 'lightning',
        items: [
          { value: 'no-preference', title: 'Motion: no preference' },
          { value: 'reduce', title: 'Motion: reduce' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    theme: 'light',
    dir: 'auto',
    locale: 'en',
    motion: 'no-preference',
  },
  decorators: [withConsentEnvironment],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    a11y: {
      // Any axe violation fails the story (and its Vitest test). Do not lower this per story
      // except for a verified false positive, with a comment naming the rule and why.
      test: 'error',
      options: {
        runOnly: { type: 'tag', values: WCAG_22_AA },
        // The theme promises 7:1 text contrast (WCAG 1.4.6, AAA): check it as well.
        rules: { 'color-contrast-enhanced': { enabled: true } },
      },
    },
    viewport: {
      options: {
        phone: { name: 'Phone (390 × 844)', styles: { width: '390px', height: '844px' }, type: 'mobile' },
        tablet: { name: 'Tablet (820 × 1180)', styles: { width: '820px', height: '1180px' }, type: 'tablet' },
        desktop: { name: 'Desktop (1280 × 900)', styles: { width: '1280px', height: '900px' }, type: 'desktop' },
      },
    },
    docs: { toc: { headingSelector: 'h2, h3' } },
  },
}

export default preview
