import { useMemo } from './react'
import { useConsentContext } from '../consent-context'
import { checkOverrides, checkText } from '../messages/check'
import type { LocaleInput, TextDirection } from '../messages/locale-set'
import { pickLocale } from '../messages/pick-locale'
import { enParts } from '../messages/en'
import { resolveWith } from '../messages/resolve'
import { englishStateTexts, type StateTexts } from '../messages/state-texts'
import type { ConsentMessages, PartMessages } from '../messages/types'

/** The locale a part renders in, and its words (by default every message but the prompt's). */
export interface ActiveLocale<M = PartMessages> {
  /** BCP 47 tag for `lang` and dates. */
  readonly tag: string
  readonly dir: TextDirection
  /** The locale's messages with the provider's and then the part's overrides on top. */
  readonly messages: M
  /** What to pass on as `locale` to a part inside this one: the set, or the English tag. */
  readonly locale: LocaleInput
}

/**
 * The active locale of a part: its own `locale`, else the nearest `ConsentProvider`'s, else the
 * built-in English (see `pickLocale`), with the provider's and then the part's `overrides` on top;
 * stable while those are. Its English is every message but the prompt's (see `useLocaleWith`).
 */
export function useLocale(locale: LocaleInput | undefined, overrides: Partial<ConsentMessages> | undefined): ActiveLocale {
  return useLocaleWith(enParts, locale, overrides)
}

/** `useLocale` over a given built-in English: the prompt passes the whole English set. */
export function useLocaleWith<M extends object>(
  english: M,
  locale: LocaleInput | undefined,
  overrides: Partial<ConsentMessages> | undefined,
): ActiveLocale<M> {
  const context = useConsentContext()
  const inherited = context.messages
  const contextLocale = context.locale
  return useMemo(() => {
    const picked = pickLocale(locale, contextLocale)
    const merged = inherited && overrides ? { ...inherited, ...overrides } : (overrides ?? inherited)
    return {
      tag: picked.tag,
      dir: picked.set?.dir ?? 'ltr',
      messages: resolveWith(english, picked.set, merged),
      locale: picked.set ?? picked.tag,
    }
  }, [english, locale, contextLocale, inherited, overrides])
}

/** The messages of a part's active locale with the overrides on top (see `useLocale`). */
export function useMessages(locale: LocaleInput | undefined, overrides: Partial<ConsentMessages> | undefined): PartMessages {
  return useLocale(locale, overrides).messages
}

/** The BCP 47 tag a part renders in (for `lang` and dates): see `useLocale`. */
export function useActiveLocale(locale: LocaleInput | undefined): string {
  const context = useConsentContext()
  return pickLocale(locale, context.locale).tag
}

/**
 * `stateOn` and `stateOff` of the active locale, with the component's and then the provider's
 * overrides winning, as `useMessages` would give them, but without the full English set:
 * `ConsentSwitch` on its own stays small. Computed only when `needed`.
 */
export function useStateTexts(
  needed: boolean,
  locale: LocaleInput | undefined,
  overrides: Partial<ConsentMessages> | undefined,
): StateTexts | undefined {
  const context = useConsentContext()
  if (!needed) return undefined
  const base: StateTexts = pickLocale(locale, context.locale).set ?? englishStateTexts
  const pick = (key: keyof StateTexts): string => {
    for (const source of [overrides, context.messages]) {
      checkOverrides(source)
      const value: unknown = source?.[key]
      checkText(key, value)
      if (value !== undefined) return value
    }
    return base[key]
  }
  return { stateOn: pick('stateOn'), stateOff: pick('stateOff') }
}
