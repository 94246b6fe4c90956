'use client'
import type { ConsentStore } from '@model-consent/core'
import { useMemo, type ReactNode } from 'react'
import { ConsentContext, useConsentContext } from './consent-context'
import type { ConsentMessages } from './messages'

/** Props of `ConsentProvider`. */
export interface ConsentProviderProps {
  /** The store every `useConsent` and `ModelImprovementSetting` below uses. Inherited from an outer provider if absent. */
  store?: ConsentStore | undefined
  /** Locale for the components below, such as `es` or `pt-BR`. Unknown locales fall back to English. */
  locale?: string | undefined
  /** String overrides, on top of the locale's messages. */
  messages?: Partial<ConsentMessages> | undefined
  children?: ReactNode | undefined
}

/**
 * Shares a consent store, a locale and message overrides with everything below it.
 * Nested providers inherit what they do not set.
 *
 * @example
 * <ConsentProvider store={store} locale="fr"><SettingsPage /></ConsentProvider>
 */
export function ConsentProvider({ store, locale, messages, children }: ConsentProviderProps) {
  const outer = useConsentContext()
  const resolvedStore = store ?? outer.store
  const resolvedLocale = locale ?? outer.locale
  const outerMessages = outer.messages
  const value = useMemo(
    () => ({
      store: resolvedStore,
      locale: resolvedLocale,
      messages: outerMessages && messages ? { ...outerMessages, ...messages } : (messages ?? outerMessages),
    }),
    [resolvedStore, resolvedLocale, outerMessages, messages],
  )
  return <ConsentContext.Provider value={value}>{children}</ConsentContext.Provider>
}
