import { checkOverrides, checkText } from './check'
import { warnOnce } from './dev-warning'
import { en } from './en'
import type { LocaleInput } from './locale-set'
import { pickLocale } from './pick-locale'
import type { ConsentMessages, MessageKey } from './types'

export { getDirection, resolveLocale } from './locale'

/**
 * The messages of a locale set, or of the built-in English for an English tag or none, with the
 * app's overrides on top. A tag of another language shows English with a development warning
 * naming the entry to import (`@model-consent/react/locales/fr`). Overrides set to `undefined`
 * are ignored; unknown keys are ignored with a development warning.
 * @throws {TypeError} when an override for a known key is not a string, naming the key and value.
 * @example resolveMessages(de, { learnMore: 'Datenschutzerklärung' }) // de from '@model-consent/react/locales/de'
 */
export function resolveMessages(locale?: LocaleInput, overrides?: Partial<ConsentMessages>): ConsentMessages {
  const base: ConsentMessages = pickLocale(locale).set ?? en
  checkOverrides(overrides)
  if (overrides === undefined || overrides === null) return base
  const result: ConsentMessages = { ...base }
  let changed = false
  for (const [key, value] of Object.entries(overrides) as [string, unknown][]) {
    if (!Object.prototype.hasOwnProperty.call(en, key)) {
      // A locale set passed as overrides carries its tag and direction: not words, not a mistake.
      if (process.env.NODE_ENV !== 'production' && key !== 'locale' && key !== 'dir') {
        warnOnce(`override:${key}`, `Unknown message key "${key}" in \`messages\`; it is ignored.`)
      }
      continue
    }
    checkText(key, value)
    if (value === undefined) continue
    result[key as MessageKey] = value
    changed = true
  }
  return changed ? result : base
}
