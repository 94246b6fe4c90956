import { warnOnce } from './dev-warning'
import { defaultLocale, supportedLocales, type SupportedLocale } from './tags'

/** Languages written right to left (ISO 639 codes, including the old `iw` for Hebrew). */
const rtlLanguages = /* @__PURE__ */ new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'ckb', 'dv', 'ug'])
/** Right-to-left scripts (ISO 15924), for tags such as `az-Arab`. */
const rtlScripts = /* @__PURE__ */ new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg'])

function subtags(locale: string): string[] {
  return locale.trim().replace(/_/g, '-').toLowerCase().split('-')
}

/**
 * The shipped locale for a BCP 47 tag: an exact match (ignoring case and `_` vs `-`), else the
 * shipped locale with the same language (`pt-PT` → `pt-BR`, `es-MX` → `es`), else `undefined`.
 * @internal
 */
export function matchLocale(locale: string): SupportedLocale | undefined {
  const wanted = subtags(locale)
  const tag = wanted.join('-')
  return (
    supportedLocales.find((supported) => supported.toLowerCase() === tag) ??
    supportedLocales.find((supported) => subtags(supported)[0] === wanted[0])
  )
}

/**
 * The best shipped locale tag for a BCP 47 tag: an exact match (ignoring case and `_` vs `-`),
 * else the shipped locale with the same language (`pt-PT` → `pt-BR`, `es-MX` → `es`), else
 * English, with a development warning once per unknown tag. It names a tag only: the messages
 * of a locale other than English come from its own entry (`@model-consent/react/locales/es`).
 * @example resolveLocale('es-MX') // 'es'
 */
export function resolveLocale(locale?: string): SupportedLocale {
  if (locale === undefined || locale.trim() === '') return defaultLocale
  const match = matchLocale(locale)
  if (match) return match
  if (process.env.NODE_ENV !== 'production') {
    warnOnce(
      `locale:${locale}`,
      `No messages for locale "${locale}"; showing English. ` +
        `Shipped locales: ${supportedLocales.join(', ')}. Pass \`messages\` to translate the rest.`,
    )
  }
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
