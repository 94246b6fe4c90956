import { checkOverrides, checkText } from './check'
import { warnOnce } from './dev-warning'
import { en } from './en'
import type { ConsentLocale, LocaleInput } from './locale-set'
import { pickLocale } from './pick-locale'
import type { ConsentMessages } from './types'

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
  return resolveWith(en, pickLocale(locale).set, overrides)
}

/**
 * `resolveMessages` over a given English base: the set's words (else `english`), with the
 * overrides of `english`'s keys on top. The parts pass the English without the prompt's words,
 * so a page without the prompt does not carry them; overrides for the prompt are ignored there.
 * @internal
 */
export function resolveWith<M extends object>(english: M, set: ConsentLocale | undefined, overrides?: Partial<ConsentMessages>): M {
  const base = (set ?? english) as M
  checkOverrides(overrides)
  if (overrides === undefined || overrides === null) return base
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  let changed = false
  for (const [key, value] of Object.entries(overrides) as [string, unknown][]) {
    if (!Object.prototype.hasOwnProperty.call(english, key)) {
      // A locale set passed as overrides carries its tag and direction: not words, not a mistake.
      // The full English set is read in development only, to tell a mistake from a prompt message.
      if (process.env.NODE_ENV !== 'production' && !Object.prototype.hasOwnProperty.call(en, key) && key !== 'locale' && key !== 'dir') {
        warnOnce(`override:${key}`, `Unknown message key "${key}" in \`messages\`; it is ignored.`)
      }
      continue
    }
    checkText(key, value)
    if (value === undefined) continue
    result[key] = value
    changed = true
  }
  return changed ? (result as M) : base
}
