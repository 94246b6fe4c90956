'use client'
/** @jsxImportSource ./shared/jsx */
import type { ConsentStore } from '@model-consent/core'
import { useMemo } from './shared/react'
import type { ReactNode } from 'react'
import { ConsentContext, useConsentContext } from './consent-context'
import type { LocaleInput } from './messages/locale-set'
import { pickLocale } from './messages/pick-locale'
import type { ConsentMessages } from './messages/types'

/** Props of `ConsentProvider`. */
export interface ConsentProviderProps {
  /** The store every `useConsent` and `ModelImprovementSetting` below uses. Inherited from an outer provider if absent. */
  store?: ConsentStore | undefined
  /**
   * Locale for the components below: a set imported from its entry, such as `fr` from
   * `@model-consent/react/locales/fr`. English is built in; an English tag such as `en-US` sets
   * the date format. A tag of another language whose set is not passed shows English, with a
   * development warning naming the import to add.
   */
  locale?: LocaleInput | undefined
  /** String overrides, on top of the locale's messages. */
  messages?: Partial<ConsentMessages> | undefined
  children?: ReactNode | undefined
}

/**
 * Shares a consent store, a locale and message overrides with everything below it.
 * Nested providers inherit what they do not set.
 *
 * @example
 * import { fr } from '@model-consent/react/locales/fr'
 * <ConsentProvider store={store} locale={fr}><SettingsPage /></ConsentProvider>
 */
export function ConsentProvider({ store, locale, messages, children }: ConsentProviderProps) {
  const outer = useConsentContext()
  const resolvedStore = store ?? outer.store
  // A tag of the outer provider's language keeps the outer set; any other tag is resolved once here.
  const picked = locale === undefined ? undefined : pickLocale(locale, outer.locale)
  const resolvedLocale = picked ? (picked.set ?? picked.tag) : outer.locale
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
