import { ar } from './ar'
import { de } from './de'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import { ja } from './ja'
import { ptBR } from './pt-br'
import type { ConsentMessages } from './types'

/** The locales the kit ships complete messages for, as BCP 47 tags. */
export type SupportedLocale = 'en' | 'es' | 'fr' | 'de' | 'pt-BR' | 'ja' | 'ar'

/** The shipped message sets, by locale. English is the fallback. */
export const locales: Readonly<Record<SupportedLocale, ConsentMessages>> = {
  en,
  es,
  fr,
  de,
  'pt-BR': ptBR,
  ja,
  ar,
}

/** Every shipped locale, in a stable order (English first). */
export const supportedLocales = Object.keys(locales) as readonly SupportedLocale[]

/** The locale used when none is given or the given one is not shipped. */
export const defaultLocale: SupportedLocale = 'en'

/** Whether `locale` is exactly (case-sensitively) one of the shipped locale tags. */
export function isSupportedLocale(locale: string): locale is SupportedLocale {
  return Object.prototype.hasOwnProperty.call(locales, locale)
}
