import { ConsentError, type ConsentChangeEvent } from '@model-consent/core'
import { useState } from '../shared/react'
import type { RefObject } from 'react'
import type { ModelImprovementSettingProps } from './model-improvement-setting'
import type { PartMessages } from '../messages/types'
import { MAIN_SETTING, MEDIA_SETTINGS, OFF_VIEW, type SettingController, type SettingView } from './setting-view'
import { useSettledValue, type ControlledValue } from './use-settled-value'

/** The parent's answer to a change: nothing, or a promise that settles when it is saved. */
export type ValueChangeHandler = (
  nextValue: Record<string, boolean>,
  event: ConsentChangeEvent,
) => void | Promise<unknown>

interface LocalState {
  readonly pending: number
  readonly error: Error | null
  readonly attempt: boolean
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null | undefined)?.then === 'function'

/**
 * Controlled mode: shows only what the parent passes in `value` (`null`: not known yet, shown
 * off and busy), asks the parent through `onValueChange`, and fires `onConsentChange` once the
 * parent has accepted the change and the screen shows it (see `useSettledValue`). A rejection
 * keeps the old value and shows the error.
 */
export function useControlledController(
  value: ControlledValue,
  policyVersion: string,
  messages: PartMessages,
  latest: RefObject<ModelImprovementSettingProps>,
): Pick<SettingController, 'read' | 'change' | 'retry'> {
  const [local, setLocal] = useState<Readonly<Record<string, LocalState>>>({})
  const update = (id: string, patch: (old: LocalState) => LocalState) =>
    setLocal((all) => ({ ...all, [id]: patch(all[id] ?? { pending: 0, error: null, attempt: false }) }))

  const mainOn = value?.[MAIN_SETTING] === true
  const shown = (id: string) => value?.[id] === true && (id === MAIN_SETTING || mainOn)
  const settle = useSettledValue(value, shown, (event) => latest.current.onConsentChange?.(event))
  const read = (id: string): SettingView => {
    const on = shown(id)
    const state = local[id]
    const waiting = settle.isWaiting(id)
    if (!on && !state && !waiting) return OFF_VIEW
    const pending = (state?.pending ?? 0) > 0 || waiting
    return { ...OFF_VIEW, value: on, effective: on, pending, error: state?.error ?? null }
  }

  const change = (id: string, next: boolean) => {
    const previous = read(id).value
    if (next === previous) {
      // Already what was asked (the parent caught up): nothing to save, nothing left to retry.
      if (local[id]?.error) update(id, (old) => ({ ...old, error: null }))
      return
    }
    const timestamp = new Date().toISOString()
    const event = (setting: string, source: 'user' | 'cascade'): ConsentChangeEvent =>
      Object.freeze({
        type: 'consent-change',
        setting,
        value: next,
        previousValue: !next,
        effective: next && (setting === MAIN_SETTING || mainOn),
        source,
        policyVersion,
        timestamp,
      })
    const nextValue: Record<string, boolean> = { ...value, [id]: next }
    const events = [event(id, 'user')]
    if (id === MAIN_SETTING && !next) {
      for (const media of Object.values(MEDIA_SETTINGS)) {
        if (value?.[media] === true) events.push(event(media, 'cascade'))
        nextValue[media] = false
      }
    }
    const refused = (cause: unknown) => {
      const text = previous ? messages.errorStillOn : messages.errorStillOff
      const error = new ConsentError('save-failed', text, { setting: id, cause })
      update(id, (old) => ({ pending: Math.max(0, old.pending - 1), error, attempt: next }))
      latest.current.onError?.(error)
    }
    let result: unknown
    try {
      result = latest.current.onValueChange?.(nextValue, events[0]!)
    } catch (cause) {
      refused(cause)
      return
    }
    if (!isThenable(result)) {
      if (local[id]?.error) update(id, (old) => ({ ...old, error: null }))
      settle.accept(id, next, events, 'returned')
      return
    }
    update(id, (old) => ({ pending: old.pending + 1, error: null, attempt: next }))
    result.then(
      () => {
        update(id, (old) => ({ ...old, pending: Math.max(0, old.pending - 1) }))
        settle.accept(id, next, events, 'resolved')
      },
      refused,
    )
  }

  const retry = (id: string) => {
    const state = local[id]
    if (state?.error) change(id, state.attempt)
  }
  return { read, change, retry }
}
