import { ar } from './ar'
import { de } from './de'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import { ja } from './ja'
import { ptBR } from './pt-br'
import type { SupportedLocale } from './tags'
import type { ConsentMessages } from './types'

export { defaultLocale, isSupportedLocale, supportedLocales, type SupportedLocale } from './tags'

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
