import { useMemo } from 'react'
import { useConsentContext } from '../consent-context'
import { resolveMessages, type ConsentMessages } from '../messages'

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
