/**
 * Messages: every string the components show, in seven locales, with locale resolution,
 * overrides, text direction and a version id of the disclosure words.
 */
export type { ConsentMessages, MessageKey } from './types'
export { en } from './en'
export { es } from './es'
export { fr } from './fr'
export { de } from './de'
export { ptBR } from './pt-br'
export { ja } from './ja'
export { ar } from './ar'
export { locales, supportedLocales, defaultLocale, isSupportedLocale, type SupportedLocale } from './locales'
export { resolveLocale, resolveMessages, getDirection } from './resolve'
export { formatMessage } from './format'
export {
  DISCLOSURE_KEYS,
  disclosureVersion,
  englishDisclosureVersion,
  type DisclosureKey,
} from './disclosure-version'
