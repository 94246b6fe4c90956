import type { SettingState } from '@model-consent/core'

/** What the person answered in `ModelImprovementPrompt`. Frozen; may gain fields. */
export interface PromptChoice {
  /** The setting the prompt asks about: always `improve-model`. */
  readonly setting: 'improve-model'
  /** `true` for "Turn on", `false` for "Keep off". */
  readonly value: boolean
  /** Always `user`: the person answered. */
  readonly source: 'user'
  /** The policy version the answer was given under (the store's, or the prompt's `policyVersion`). */
  readonly policyVersion: string
  /** ISO 8601 time of the answer (the saved decision's `decidedAt` with a store). */
  readonly decidedAt: string
}

/** Called with the person's answer. Return a promise to show "saving" until it settles; a rejection shows the error and keeps the answers. */
export type PromptChoiceHandler = (choice: PromptChoice) => void | Promise<void>

/**
 * Whether a store-backed prompt asks on its own: the store has loaded and the setting has no
 * decision under the store's current policy version, or an opt-in lapsed (`needsReconsent`).
 * Decisions the app made (`api`) or a reset under the current policy count as decisions.
 */
export function needsAnswer(state: SettingState | null, status: 'loading' | 'ready', policyVersion: string): boolean {
  if (state === null || status !== 'ready') return false
  if (state.managed) return false
  return state.needsReconsent || state.decision === null || state.decision.policyVersion !== policyVersion
}
