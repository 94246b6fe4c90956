import type { ConsentStore } from '@model-consent/core'
import { createContext, useContext } from 'react'
import type { ConsentMessages } from './messages'

/** What a `ConsentProvider` shares with the hooks and components below it. */
export interface ConsentContextValue {
  readonly store?: ConsentStore | undefined
  readonly locale?: string | undefined
  readonly messages?: Partial<ConsentMessages> | undefined
}

/** @internal */
export const ConsentContext = createContext<ConsentContextValue>({})

/** The nearest provider's store, locale and messages (empty outside a provider). */
export const useConsentContext = (): ConsentContextValue => useContext(ConsentContext)
