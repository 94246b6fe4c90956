export { ConsentProvider } from './consent-provider'
export type { ConsentProviderProps } from './consent-provider'
export { useConsent } from './use-consent'
export type { UseConsentResult } from './use-consent'
export { formatMessage, resolveMessages } from './messages'
export type { ConsentMessages, MessageKey } from './messages'
export {
  ConsentError,
  createConsentStore,
  localStorageAdapter,
  memoryStorage,
  modelImprovementSettings,
} from '@model-consent/core'
export type {
  ChangeSource,
  ConsentChangeEvent,
  ConsentDecision,
  ConsentSnapshot,
  ConsentStorage,
  ConsentStore,
  ConsentStoreOptions,
  SettingDefinition,
  SettingId,
  SettingState,
  StoredConsent,
} from '@model-consent/core'
