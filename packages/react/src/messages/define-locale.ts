import { describe } from './check'
import { en } from './en'
import { getDirection } from './locale'
import { toLocale, type ConsentLocale, type TextDirection } from './locale-set'
import type { ConsentMessages } from './types'

/**
 * Makes a locale set of your own, to pass as `locale` like a shipped one: a translation the kit
 * does not ship, or a shipped set under a regional tag (the tag sets `lang` and the date format).
 * `dir` defaults to the direction of the tag's language or script.
 * @throws {TypeError} when `locale` is not a non-empty tag, `dir` is not `ltr`/`rtl`, or a message
 * is missing or not a string (naming the key).
 * @example
 * import { fr } from '@model-consent/react/locales/fr'
 * const frCA = defineLocale('fr-CA', fr)
 * const it = defineLocale('it', { ...en, title: 'Migliora il modello per tutti', … })
 */
export function defineLocale(locale: string, messages: ConsentMessages, dir?: TextDirection): ConsentLocale {
  if (typeof locale !== 'string' || locale.trim() === '') {
    throw new TypeError(`[model-consent] defineLocale: the locale must be a BCP 47 tag such as "fr-CA", but got ${describe(locale)}.`)
  }
  if (dir !== undefined && dir !== 'ltr' && dir !== 'rtl') {
    throw new TypeError(`[model-consent] defineLocale: dir must be "ltr" or "rtl", but got ${describe(dir)}.`)
  }
  if (typeof messages !== 'object' || messages === null) {
    throw new TypeError(`[model-consent] defineLocale: messages must be an object, but got ${describe(messages)}.`)
  }
  for (const key of Object.keys(en)) {
    const value: unknown = (messages as unknown as Record<string, unknown>)[key]
    if (typeof value !== 'string') {
      throw new TypeError(`[model-consent] defineLocale("${locale}"): message "${key}" must be a string, but got ${describe(value)}.`)
    }
  }
  return toLocale(locale.trim(), dir ?? getDirection(locale), messages)
}
