export { ConsentProvider } from './consent-provider'
export type { ConsentProviderProps } from './consent-provider'
export { useConsent } from './use-consent'
export type { UseConsentResult } from './use-consent'
export { ConsentSwitch } from './switch/consent-switch'
export type { ConsentSwitchProps } from './switch/consent-switch'
export { ConsentExplainer } from './explainer/consent-explainer'
export type { ConsentExplainerProps } from './explainer/consent-explainer'
export { ConsentConfirmDialog } from './confirm-dialog/consent-confirm-dialog'
export type { ConsentConfirmDialogProps } from './confirm-dialog/consent-confirm-dialog'
export { ModelImprovementSetting } from './setting/model-improvement-setting'
export type { ModelImprovementSettingProps } from './setting/model-improvement-setting'
export { ModelImprovementPrompt } from './prompt/model-improvement-prompt'
export type { ModelImprovementPromptProps } from './prompt/model-improvement-prompt'
export type { PromptChoice, PromptChoiceHandler } from './prompt/prompt-choice'
export type { ConfirmPolicy } from './setting/confirm-policy'
export type { MediaKind } from './setting/setting-view'
export type { ValueChangeHandler } from './setting/use-controlled-controller'
export {
  DISCLOSURE_KEYS,
  defineLocale,
  disclosureVersion,
  englishDisclosureVersion,
  formatMessage,
  getDirection,
  resolveLocale,
  resolveMessages,
  supportedLocales,
} from './messages'
export type {
  ConsentLocale,
  ConsentMessages,
  DisclosureKey,
  LocaleInput,
  MessageKey,
  SupportedLocale,
  TextDirection,
} from './messages'
export {
  ConsentError,
  createConsentReceipt,
  createConsentStore,
  localStorageAdapter,
  memoryStorage,
  modelImprovementSettings,
} from '@model-consent/core'
export type {
  ChangeSource,
  ConsentChangeEvent,
  ConsentDecision,
  ConsentReceipt,
  ConsentReceiptOptions,
  ConsentSnapshot,
  ConsentStorage,
  ConsentStore,
  ConsentStoreOptions,
  LocalStorageAdapterOptions,
  SetOptions,
  SettingDefinition,
  SettingId,
  SettingState,
  StoredConsent,
} from '@model-consent/core'
