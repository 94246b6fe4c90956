import type { ConsentMessages, PartMessages } from './types'

/**
 * The English words of the setting and its parts: every message but the prompt's, which a page
 * that shows only the setting does not carry. Plain language, measured in CI
 * (`tests/unit/readability.test.ts`): US grade 7 or below overall, 9 or below for each message
 * of five words or more, no sentence over 20 words and 15 on average.
 * The two choices get equal weight: no pressure, no guilt, buttons that say what they do.
 * @internal the built-in English of the parts; apps use `en`
 */
export const enParts: PartMessages = /* @__PURE__ */ Object.freeze({
  title: 'Improve the model for everyone',
  stateOn: 'On',
  stateOff: 'Off',
  summaryOn: 'We may use your conversations to train our models.',
  summaryOff: 'We do not use your conversations to train our models.',
  detailsToggle: 'What does this mean?',
  detailsOn: 'When this is on, we may use your conversations to train and improve models for everyone.',
  detailsOff: 'When this is off, we do not use your conversations for training. They stay in your history.',
  detailsMedia: 'Audio and video recordings have their own settings. We only use them if you turn those on too.',
  detailsFromNow: 'A change applies from now on.',
  detailsAnyTime: 'You can change this at any time.',
  learnMore: 'Learn more',
  decisionOn: 'On since {date}',
  decisionOff: 'Off since {date}',
  mediaGroupLabel: 'Recordings',
  audioLabel: 'Include audio recordings',
  videoLabel: 'Include video recordings',
  confirmEnableTitle: 'Turn on model training?',
  confirmEnableBody: 'We may use your conversations to train models for everyone. You can turn this off at any time.',
  confirmAudioEnableTitle: 'Include audio recordings?',
  confirmAudioEnableBody: 'We may use your audio recordings to train models. You can turn this off at any time.',
  confirmVideoEnableTitle: 'Include video recordings?',
  confirmVideoEnableBody: 'We may use your video recordings to train models. You can turn this off at any time.',
  confirmDisableTitle: 'Turn off model training?',
  confirmDisableBody: 'We will stop using your new conversations to train models. You can turn this on again at any time.',
  confirmAudioDisableTitle: 'Stop including audio recordings?',
  confirmAudioDisableBody: 'We will stop using your new audio recordings to train models.',
  confirmVideoDisableTitle: 'Stop including video recordings?',
  confirmVideoDisableBody: 'We will stop using your new video recordings to train models.',
  confirmEnableAction: 'Turn on',
  confirmDisableAction: 'Turn off',
  cancel: 'Cancel',
  pending: 'Saving your choice…',
  saved: 'Your choice is saved.',
  errorStillOn: "We couldn't save your choice. It is still on.",
  errorStillOff: "We couldn't save your choice. It is still off.",
  retry: 'Try again',
  reconsent: 'Our policy has changed, so we turned this off. Please read what it means and choose again.',
  mediaNeedsMain: 'Turn on {title} first.',
  stillSaving: 'Please wait. We are still saving your last choice.',
  loading: 'Loading your choice…',
  managedOrganization: 'Your organization has turned this off.',
  managedAge: 'This is turned off because of your age.',
  managedRegion: 'This is turned off where you live.',
  managedOther: 'This is turned off for your account.',
})

// `Object.assign` rather than a spread, so a bundler may drop it (with the prompt's words) when unused.
/** Default English copy: the words of the parts (see `enParts`) and of the prompt. */
export const en: ConsentMessages = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.assign({}, enParts, {
  promptTitle: 'Improve the model for everyone?',
  promptTurnOn: 'Turn on',
  promptKeepOff: 'Keep off',
  promptChosenOn: 'You turned this on.',
  promptChosenOff: 'You kept this off.',
  promptNext: 'You can change this in Settings.',
  promptClose: 'Close',
  promptError: "We couldn't save your choice. Please try again.",
}))
