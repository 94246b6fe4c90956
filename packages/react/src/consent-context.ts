import type { ConsentStore } from '@model-consent/core'
import { createContext, useContext } from 'react'
import type { LocaleInput } from './messages/locale-set'
import type { ConsentMessages } from './messages/types'

/** What a `ConsentProvider` shares with the hooks and components below it. */
export interface ConsentContextValue {
  readonly store?: ConsentStore | undefined
  readonly locale?: LocaleInput | undefined
  readonly messages?: Partial<ConsentMessages> | undefined
}

/** @internal */
export const ConsentContext = createContext<ConsentContextValue>({})

/** The nearest provider's store, locale and messages (empty outside a provider). */
export const useConsentContext = (): ConsentContextValue => useContext(ConsentContext)
