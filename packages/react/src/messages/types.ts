/**
 * Every string the components show. Values may hold placeholders in braces, such as `{date}`.
 * Apps override any of them through the `messages` prop, on top of a locale.
 */
export interface ConsentMessages {
  /** Label of the main switch and heading of the setting. */
  title: string
  /** Visible state text next to a switch (hidden from assistive technology). */
  stateOn: string
  stateOff: string
  /** Short summary, always visible, linked to the switch with `aria-describedby`. */
  summaryOn: string
  summaryOff: string
  /** The disclosure button. */
  detailsToggle: string
  /** Details: what on means. */
  detailsOn: string
  /** Details: what off means. */
  detailsOff: string
  /** Details: audio and video are separate opt-ins. */
  detailsMedia: string
  /** Details: a change applies from now on. */
  detailsFromNow: string
  /** Details: it can be changed any time. */
  detailsAnyTime: string
  /** Text of the optional "Learn more" link. */
  learnMore: string
  /** Decision record in words. `{date}` is the formatted date. */
  decisionOn: string
  decisionOff: string
  /** Label of the group that holds the audio and video switches. */
  mediaGroupLabel: string
  audioLabel: string
  videoLabel: string
  /** Confirmation before turning the main setting on. */
  confirmEnableTitle: string
  confirmEnableBody: string
  /** Confirmation before including audio recordings. */
  confirmAudioEnableTitle: string
  confirmAudioEnableBody: string
  /** Confirmation before including video recordings. */
  confirmVideoEnableTitle: string
  confirmVideoEnableBody: string
  /** Confirmation before turning the main setting off (only with `confirm: 'both'`). */
  confirmDisableTitle: string
  confirmDisableBody: string
  confirmAudioDisableTitle: string
  confirmAudioDisableBody: string
  confirmVideoDisableTitle: string
  confirmVideoDisableBody: string
  /** Button that turns a setting on. */
  confirmEnableAction: string
  /** Button that turns a setting off. */
  confirmDisableAction: string
  /** Button that leaves everything as it was. */
  cancel: string
  /** Polite status while a save is in flight. */
  pending: string
  /** Polite status after a save. */
  saved: string
  /** Alert after a failed save, by the value that is still saved. */
  errorStillOn: string
  errorStillOff: string
  /** Retry button in the alert. */
  retry: string
  /** Notice after an opt-in lapsed under a new policy version. */
  reconsent: string
  /**
   * Why the recordings switches cannot be used while the main setting is off; they stay
   * focusable and are described by it. `{title}` is the main setting's `title`.
   */
  mediaNeedsMain: string
  /** Polite status when a switch is pressed while its last change is still being saved. */
  stillSaving: string
  /** Polite status while the saved choice is not known yet (a controlled `value` of `null`). */
  loading: string
  /** Heading of `ModelImprovementPrompt`: the question. */
  promptTitle: string
  /** The prompt's answer that turns the setting on. Same size and style as `promptKeepOff`. */
  promptTurnOn: string
  /** The prompt's answer that keeps the setting off. */
  promptKeepOff: string
  /** Shown after the person answered "Turn on". */
  promptChosenOn: string
  /** Shown after the person answered "Keep off". */
  promptChosenOff: string
  /** What happens next, shown after either answer. */
  promptNext: string
  /** The prompt's close button; closing records nothing. */
  promptClose: string
  /** Alert when the prompt's answer could not be saved; the answers stay. */
  promptError: string
  /** Why a managed setting is off: `reason: 'organization'`. */
  managedOrganization: string
  /** Why a managed setting is off: `reason: 'age'`. */
  managedAge: string
  /** Why a managed setting is off: `reason: 'region'`. */
  managedRegion: string
  /** Why a managed setting is off, for any other (custom) reason: override it to explain yours. */
  managedOther: string
}

/** Keys of `ConsentMessages`. */
export type MessageKey = keyof ConsentMessages

/** The prompt's messages: only `ModelImprovementPrompt` shows them. @internal */
export type PromptMessageKey = Extract<MessageKey, `prompt${string}`>

/** Every message but the prompt's: what the setting and its parts show. @internal */
export type PartMessages = Omit<ConsentMessages, PromptMessageKey>
