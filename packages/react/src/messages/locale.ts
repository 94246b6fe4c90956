import { warnOnce } from './dev-warning'
import { defaultLocale, supportedLocales, type SupportedLocale } from './tags'

/** Languages written right to left (ISO 639 codes, including the old `iw` for Hebrew). */
const rtlLanguages = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'ckb', 'dv', 'ug'])
/** Right-to-left scripts (ISO 15924), for tags such as `az-Arab`. */
const rtlScripts = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg'])

function subtags(locale: string): string[] {
  return locale.trim().replace(/_/g, '-').toLowerCase().split('-')
}

/**
 * The best shipped locale for a BCP 47 tag: an exact match (ignoring case and `_` vs `-`),
 * else the shipped locale with the same language (`pt-PT` → `pt-BR`, `es-MX` → `es`),
 * else English. An unknown locale logs a development warning, once per tag.
 * @example resolveLocale('es-MX') // 'es'
 */
export function resolveLocale(locale?: string): SupportedLocale {
  if (locale === undefined || locale.trim() === '') return defaultLocale
  const wanted = subtags(locale)
  const tag = wanted.join('-')
  const exact = supportedLocales.find((supported) => supported.toLowerCase() === tag)
  if (exact) return exact
  const sameLanguage = supportedLocales.find((supported) => subtags(supported)[0] === wanted[0])
  if (sameLanguage) return sameLanguage
  warnOnce(
    `locale:${locale}`,
    `No messages for locale "${locale}"; showing English. ` +
      `Shipped locales: ${supportedLocales.join(', ')}. Pass \`messages\` to translate the rest.`,
  )
  return defaultLocale
}

/**
 * Text direction of a locale: `'rtl'` for right-to-left languages (Arabic, Hebrew, Persian,
 * Urdu and others) and scripts, else `'ltr'`. It describes the locale asked for, even when its
 * messages fall back to English.
 * @example getDirection('ar-EG') // 'rtl'
 */
export function getDirection(locale?: string): 'ltr' | 'rtl' {
  if (locale === undefined) return 'ltr'
  const [language = '', ...rest] = subtags(locale)
  const rtl = rtlLanguages.has(language) || rest.some((subtag) => rtlScripts.has(subtag))
  return rtl ? 'rtl' : 'ltr'
}
