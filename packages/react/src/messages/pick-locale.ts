import { describe } from './check'
import type { ConsentLocale, LocaleInput } from './locale-set'
import { warnMissingLocale } from './locale-warning'

/** Which words to show: a loaded locale set, or the built-in English (`set` undefined) under `tag`. */
export interface PickedLocale {
  readonly set: ConsentLocale | undefined
  /** BCP 47 tag for `lang` and dates. */
  readonly tag: string
}

const ENGLISH: PickedLocale = Object.freeze({ set: undefined, tag: 'en' })

/** The language subtag, lower case: `pt-BR` → `pt`. */
export const languageOf = (tag: string): string => tag.trim().replace(/_/g, '-').toLowerCase().split('-')[0] ?? ''

function isLocaleSet(value: unknown): value is ConsentLocale {
  return typeof value === 'object' && value !== null && typeof (value as { locale?: unknown }).locale === 'string'
}

/**
 * Resolves a part's `locale` (else the inherited provider's): a set is used as it is; a tag of
 * the inherited set's language uses that set; an English tag (`en`, `en-US`) uses the built-in
 * English with that tag, so dates follow it; any other tag falls back to English with a
 * development warning naming the import to add.
 * @throws {TypeError} when `wanted` is neither a tag nor a locale set.
 */
export function pickLocale(wanted: unknown, inherited?: LocaleInput): PickedLocale {
  const value = wanted ?? inherited
  if (value === undefined || value === null) return ENGLISH
  if (isLocaleSet(value)) return { set: value, tag: value.locale }
  if (typeof value !== 'string') {
    throw new TypeError(
      process.env.NODE_ENV !== 'production' ? `[model-consent] \`locale\` must be a locale set or a BCP 47 tag, but got ${describe(value)}.` : '`locale`',
    )
  }
  const language = languageOf(value)
  if (isLocaleSet(inherited) && languageOf(inherited.locale) === language) return { set: inherited, tag: inherited.locale }
  if (language === 'en') return { set: undefined, tag: value.trim() }
  if (language === '') return ENGLISH
  if (process.env.NODE_ENV !== 'production') warnMissingLocale(value)
  return ENGLISH
}
