import { warnOnce } from './dev-warning'
import { defaultLocale, locales, supportedLocales, type SupportedLocale } from './locales'
import type { ConsentMessages, MessageKey } from './types'

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

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'function') return 'a function'
  if (value === null || typeof value !== 'object') return String(value)
  try {
    return JSON.stringify(value) ?? Object.prototype.toString.call(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

/**
 * The messages for a locale with the app's overrides on top. Unknown locales fall back to
 * English (see `resolveLocale`). Overrides set to `undefined` are ignored; unknown keys are
 * ignored with a development warning.
 * @throws {TypeError} when an override for a known key is not a string, naming the key and value.
 * @example resolveMessages('de', { learnMore: 'Datenschutzerklärung' })
 */
export function resolveMessages(
  locale?: string,
  overrides?: Partial<ConsentMessages>,
): ConsentMessages {
  const base = locales[resolveLocale(locale)]
  if (overrides === undefined || overrides === null) return base
  if (typeof overrides !== 'object') {
    throw new TypeError(`[model-consent] \`messages\` must be an object, but got ${describe(overrides)}.`)
  }
  const result: ConsentMessages = { ...base }
  let changed = false
  for (const [key, value] of Object.entries(overrides) as [string, unknown][]) {
    if (!Object.prototype.hasOwnProperty.call(base, key)) {
      warnOnce(`override:${key}`, `Unknown message key "${key}" in \`messages\`; it is ignored.`)
      continue
    }
    if (value === undefined) continue
    if (typeof value !== 'string') {
      throw new TypeError(
        `[model-consent] Message "${key}" must be a string, but got ${describe(value)}.`,
      )
    }
    result[key as MessageKey] = value
    changed = true
  }
  return changed ? result : base
}
