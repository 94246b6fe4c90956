import { useMemo } from 'react'
import { useConsentContext } from '../consent-context'
import { resolveMessages, type ConsentMessages } from '../messages'
import { checkOverrides, checkText } from '../messages/check'
import { resolveLocale } from '../messages/locale'
import { stateTexts, type StateTexts } from '../messages/state-texts'

/**
 * The messages for `locale` (else the nearest `ConsentProvider`'s, else English) with the
 * provider's and then the component's `overrides` on top; stable while those are.
 */
export function useMessages(
  locale: string | undefined,
  overrides: Partial<ConsentMessages> | undefined,
): ConsentMessages {
  const context = useConsentContext()
  const active = locale ?? context.locale
  const inherited = context.messages
  return useMemo(
    () => resolveMessages(active, inherited && overrides ? { ...inherited, ...overrides } : (overrides ?? inherited)),
    [active, inherited, overrides],
  )
}

/** The locale a part renders in: its own `locale`, else the provider's, else `en`. */
export function useActiveLocale(locale: string | undefined): string {
  const context = useConsentContext()
  return locale ?? context.locale ?? 'en'
}

/**
 * `stateOn` and `stateOff` for `locale` (else the provider's), with the component's and then the
 * provider's overrides winning, as `useMessages` would give them, but without the full message
 * sets: `ConsentSwitch` on its own stays small. Computed only when `needed`.
 */
export function useStateTexts(
  needed: boolean,
  locale: string | undefined,
  overrides: Partial<ConsentMessages> | undefined,
): StateTexts | undefined {
  const context = useConsentContext()
  if (!needed) return undefined
  const base = stateTexts[resolveLocale(locale ?? context.locale)]
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
