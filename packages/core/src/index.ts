export { createConsentStore } from './consent-store'
export { ConsentError } from './errors'
export { modelImprovementSettings } from './settings'
export { FORMAT_VERSION, parseStoredConsent } from './records'
export type { ParseStoredConsentOptions } from './records'
export { createConsentReceipt, type ConsentReceipt, type ConsentReceiptCollectionMethod, type ConsentReceiptController, type ConsentReceiptEntry, type ConsentReceiptNotice, type ConsentReceiptOptions, type ConsentReceiptState } from './receipt'
export { readManaged, type ManagedReason, type ManagedSetting, type ManagedSettings } from './managed'
export { memoryStorage } from './storage/memory-storage'
export { localStorageAdapter } from './storage/local-storage'
export type { LocalStorageAdapterOptions } from './storage/local-storage'
export { httpStorage } from './storage/http-storage'
export type { HttpStorage, HttpStorageError, HttpStorageOptions } from './storage/http-storage'
export type {
  ChangeSource,
  ConsentChangeEvent,
  ConsentDecision,
  ConsentErrorCode,
  ConsentErrorLike,
  ConsentSnapshot,
  ConsentStorage,
  ConsentStore,
  ConsentStoreOptions,
  NormalizedSettingDefinition,
  SetOptions,
  SetSource,
  SettingDefinition,
  SettingId,
  SettingState,
  StoredConsent,
} from './types'
