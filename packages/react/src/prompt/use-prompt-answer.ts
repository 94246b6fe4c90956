import type { ConsentStore, SettingState } from '@model-consent/core'
import { useCallback, useRef, useState, useSyncExternalStore } from '../shared/react'
import type { RefObject } from 'react'
import type { PromptChoice, PromptChoiceHandler } from './prompt-choice'

const MAIN = 'improve-model'
const noStore = () => () => {}
const nothing = () => null

/** The prompt's setting in a store, or `null` without one (or before hydration). */
export function usePromptSetting(store: ConsentStore | null): { state: SettingState | null; status: 'loading' | 'ready'; policyVersion: string | null } {
  const subscribe = useCallback((onChange: () => void) => (store ? store.subscribe(onChange, MAIN) : () => {}), [store])
  const state = useSyncExternalStore(store ? subscribe : noStore, store ? () => store.getSetting(MAIN) : nothing, nothing)
  // The status follows the whole snapshot; a setting's state alone does not say "loaded".
  const status = useSyncExternalStore(
    store ? store.subscribe : noStore,
    () => store?.getSnapshot().status ?? 'loading',
    () => 'loading' as const,
  )
  return { state, status, policyVersion: store?.getSnapshot().policyVersion ?? null }
}

/** The answer given in this prompt and the save around it. */
export interface PromptAnswer {
  /** The answer once saved (`null` before). */
  readonly answered: boolean | null
  readonly pending: boolean
  readonly error: Error | null
  /** Saves an answer. Ignored while one is being saved or after one was saved. */
  readonly answer: (value: boolean) => void
}

/**
 * Saves an answer: with a store, as a `user` decision under the store's policy version, then
 * tells `onChoice`; without one, hands it to `onChoice` (controlled) and waits for its promise.
 */
export function usePromptAnswer(
  store: ConsentStore | null,
  policyVersion: string,
  onChoiceRef: RefObject<PromptChoiceHandler | undefined>,
  onErrorRef: RefObject<((error: Error) => void) | undefined>,
): PromptAnswer {
  const [answered, setAnswered] = useState<boolean | null>(null)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<Error | null>(null)
  const busy = useRef(false)

  const answer = (value: boolean) => {
    if (busy.current || answered !== null) return
    busy.current = true
    setPending(true)
    setError(null)
    const save = async () => {
      if (store) {
        // `record`: "Keep off" is the person's decision even though the setting was already off.
        await store.set(MAIN, value, { source: 'user', record: true })
        const decision = store.getSetting(MAIN).decision
        const choice = choiceOf(value, decision?.policyVersion ?? policyVersion, decision?.decidedAt)
        // The decision is saved: a failing onChoice must not make the person answer again.
        try {
          await onChoiceRef.current?.(choice)
        } catch (failure) {
          onErrorRef.current?.(failure instanceof Error ? failure : new Error(String(failure)))
        }
        return
      }
      await onChoiceRef.current?.(choiceOf(value, policyVersion))
    }
    save().then(
      () => {
        busy.current = false
        setPending(false)
        setAnswered(value)
      },
      (failure: unknown) => {
        busy.current = false
        const reported = failure instanceof Error ? failure : new Error(String(failure))
        setPending(false)
        setError(reported)
        onErrorRef.current?.(reported)
      },
    )
  }
  return { answered, pending, error, answer }
}

function choiceOf(value: boolean, policyVersion: string, decidedAt = new Date().toISOString()): PromptChoice {
  return Object.freeze({ setting: MAIN, value, source: 'user', policyVersion, decidedAt })
}
