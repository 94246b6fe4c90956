import { ConsentError, type ConsentDecision } from '@model-consent/core'

/** What the composed setting shows for one setting id, whatever drives it. */
export interface SettingView {
  readonly value: boolean
  readonly effective: boolean
  readonly pending: boolean
  readonly error: Error | null
  readonly decision: ConsentDecision | null
  readonly needsReconsent: boolean
}

/** How the composed setting reads and changes its settings in each of its three modes. */
export interface SettingController {
  readonly mode: 'uncontrolled' | 'store' | 'controlled'
  readonly read: (id: string) => SettingView
  /** Applies a change the person asked for (after any confirmation). Failures show in `read(id).error`. */
  readonly change: (id: string, value: boolean) => void
  /** Tries the failed change of `id` again. */
  readonly retry: (id: string) => void
}

/** Everything off, nothing decided. */
export const OFF_VIEW: SettingView = Object.freeze({
  value: false,
  effective: false,
  pending: false,
  error: null,
  decision: null,
  needsReconsent: false,
})

/** The main setting and its media opt-ins, by id. */
export const MAIN_SETTING = 'improve-model'
export const MEDIA_SETTINGS = { audio: 'include-audio', video: 'include-video' } as const
/** Which recordings opt-ins to show. */
export type MediaKind = keyof typeof MEDIA_SETTINGS
/** The recordings opt-ins, in order: they count only while the main setting is on. */
export const MEDIA_IDS: readonly string[] = [MEDIA_SETTINGS.audio, MEDIA_SETTINGS.video]

/** Refuses a recording turned on while the main setting is off, as a consent store does. */
export const requirementOff = (id: string): ConsentError =>
  new ConsentError('requirement-off', `Cannot turn on "${id}" while "${MAIN_SETTING}" is off.`, { setting: id })
