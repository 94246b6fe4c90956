/**
 * Messages: every string the components show, with locale sets, overrides, text direction and a
 * version id of the disclosure words. The raw message objects of each language live here; the
 * public locale sets (tagged, with a direction) are the entries under `src/locales/`.
 */
export type { ConsentMessages, MessageKey } from './types'
export type { ConsentLocale, LocaleInput, TextDirection } from './locale-set'
export { en } from './en'
export { es } from './es'
export { fr } from './fr'
export { de } from './de'
export { ptBR } from './pt-br'
export { ja } from './ja'
export { ar } from './ar'
export { supportedLocales, defaultLocale, isSupportedLocale, type SupportedLocale } from './tags'
export { resolveLocale, resolveMessages, getDirection } from './resolve'
export { defineLocale } from './define-locale'
export { formatMessage } from './format'
export {
  DISCLOSURE_KEYS,
  disclosureVersion,
  englishDisclosureVersion,
  type DisclosureKey,
} from './disclosure-version'
