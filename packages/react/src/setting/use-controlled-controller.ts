import { ConsentError, type ConsentChangeEvent } from '@model-consent/core'
import type { RefObject } from 'react'
import type { PartMessages } from '../messages/types'
import { useEffect, useRef, useState } from '../shared/react'
import type { ModelImprovementSettingProps } from './model-improvement-setting'
import { MAIN_SETTING, MEDIA_SETTINGS, OFF_VIEW, requirementOff, type SettingController, type SettingView } from './setting-view'
import { signature, timeLeft, useCommitEffect, warnNotShown, type Accepted, type ControlledValue } from './use-settled-value'

/** The parent's answer to a change: nothing, or a promise that settles when it is saved. */
export type ValueChangeHandler = (
  nextValue: Record<string, boolean>,
  event: ConsentChangeEvent,
) => void | Promise<unknown>

/** What the component keeps about one setting in controlled mode. */
interface Entry {
  /** Saves asked for and not settled yet. */
  readonly pending: number
  readonly error: Error | null
  /** The value the last save asked for: what "Try again" asks again. */
  readonly attempt: boolean
  /** A change the parent accepted, waiting for the screen to show it. */
  readonly accepted: Accepted | null
}

const IDLE: Entry = { pending: 0, error: null, attempt: false, accepted: null }

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null | undefined)?.then === 'function'

/**
 * Controlled mode: shows only what the parent passes in `value` (`null`: not known yet, shown
 * off and busy), asks the parent through `onValueChange`, and fires `onConsentChange` once the
 * parent has accepted the change and the screen shows it. A rejection keeps the old value and
 * shows the error.
 *
 * Accepted changes are held until the screen shows them. After a synchronous `onValueChange`, the
 * events fire right after the next commit (the parent's update, if any, is in it). After a
 * resolved promise, the setting stays pending until `value` shows the accepted value, firing the
 * events in that commit, before paint; a newer `value` that does not show it, or
 * `SETTLE_TIMEOUT_MS` without one, ends the wait without events (what `value` says is shown).
 */
export function useControlledController(
  value: ControlledValue,
  policyVersion: string,
  messages: PartMessages,
  latest: RefObject<ModelImprovementSettingProps>,
): Pick<SettingController, 'read' | 'change' | 'retry'> {
  const [entries, setEntries] = useState<Readonly<Record<string, Entry>>>({})
  const update = (id: string, patch: (old: Entry) => Partial<Entry>) =>
    setEntries((all) => {
      const old = all[id] ?? IDLE
      return { ...all, [id]: { ...old, ...patch(old) } }
    })
  /** Ends the wait of `accepted` unless a newer change took its place. */
  const release = (id: string, accepted: Accepted) => update(id, (old) => (old.accepted === accepted ? { accepted: null } : {}))

  const mainOn = value?.[MAIN_SETTING] === true
  const shown = (id: string) => value?.[id] === true && (id === MAIN_SETTING || mainOn)
  const current = signature(value)
  const committed = useRef(current)
  // What each setting was last reported as, kept while `value` still shows it: two changes that
  // turn the same setting off (audio, then the main setting with it) report it once, whichever
  // is shown first.
  const told = useRef<Record<string, boolean>>({})

  useCommitEffect(() => {
    committed.current = current
    const said = told.current
    for (const id in said) if ((value?.[id] === true) !== said[id]) delete said[id]
    for (const [id, { accepted }] of Object.entries(entries)) {
      if (!accepted) continue
      const fire = accepted.baseline === null || shown(id) === accepted.next
      if (fire)
        for (const event of accepted.events) {
          if (said[event.setting] === event.value) continue
          said[event.setting] = event.value
          latest.current.onConsentChange?.(event)
        }
      if (fire || current !== accepted.baseline) release(id, accepted)
    }
  })

  useEffect(() => {
    const timers = Object.entries(entries).map(
      ([id, { accepted }]) =>
        accepted?.baseline != null &&
        setTimeout(() => {
          warnNotShown(id, accepted)
          release(id, accepted)
        }, timeLeft(accepted)),
    )
    return () => timers.forEach((timer) => timer && clearTimeout(timer))
  }, [entries])

  const read = (id: string): SettingView => {
    const on = shown(id)
    const entry = entries[id]
    if (!on && !entry) return OFF_VIEW
    const pending = (entry?.pending ?? 0) > 0 || entry?.accepted?.baseline != null
    return { ...OFF_VIEW, value: on, effective: on, pending, error: entry?.error ?? null }
  }

  const change = (id: string, next: boolean) => {
    const previous = read(id).value
    if (next === previous) {
      // Already what was asked (the parent caught up): nothing to save, nothing left to retry.
      if (entries[id]?.error) update(id, () => ({ error: null }))
      return
    }
    // A recording needs the main setting on (a confirmation may have been open while it went off).
    if (next && id !== MAIN_SETTING && !mainOn) return void latest.current.onError?.(requirementOff(id))
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
    // Turning the main setting off turns the recordings off; turning it on never turns one on, so
    // a recording left on under an off main setting (which does not count) is asked off as well.
    if (id === MAIN_SETTING) {
      for (const media of Object.values(MEDIA_SETTINGS)) {
        const on = value?.[media] === true
        if (on && !next) events.push(event(media, 'cascade'))
        if (on || !next) nextValue[media] = false
      }
    }
    const accept = (baseline: string | null): Accepted => ({ next, events, baseline, since: Date.now() })
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
      const accepted = accept(null)
      update(id, () => ({ error: null, accepted }))
      return
    }
    update(id, (old) => ({ pending: old.pending + 1, error: null, attempt: next }))
    result.then(() => {
      // The `value` on screen when the save resolved: a newer one that does not show it ends the wait.
      const accepted = accept(committed.current)
      update(id, (old) => ({ pending: Math.max(0, old.pending - 1), accepted }))
    }, refused)
  }

  const retry = (id: string) => {
    const entry = entries[id]
    if (entry?.error) change(id, entry.attempt)
  }
  return { read, change, retry }
}
