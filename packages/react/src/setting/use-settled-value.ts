import type { ConsentChangeEvent } from '@model-consent/core'
import { useEffect, useLayoutEffect, useRef, useState } from '../shared/react'

/** How long a resolved save waits for the parent's `value` to show it. */
export const SETTLE_TIMEOUT_MS = 10_000

/** A change the parent accepted, waiting for `value` to show it before its events fire. */
interface Accepted {
  readonly next: boolean
  readonly events: readonly ConsentChangeEvent[]
  /** `value` when the save resolved (its signature), or `null` after a synchronous answer. */
  readonly baseline: string | null
  readonly since: number
}

/** Controlled `value`: a record, or `null` while not known yet. */
export type ControlledValue = Readonly<Record<string, boolean>> | null | undefined

/** A comparable form of `value`, so an inline object literal with the same content is not "newer". */
export function signature(value: ControlledValue): string {
  if (!value) return String(value)
  return Object.keys(value)
    .sort()
    .map((key) => `${key}=${value[key] === true}`)
    .join('&')
}

// useLayoutEffect does nothing on a server (and React 18 warns there): plain useEffect is enough.
const useCommitEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * Holds accepted changes until the screen shows them. After a synchronous `onValueChange`, the
 * events fire right after the next commit (the parent's update, if any, is in it). After a
 * resolved promise, the setting stays pending until `shown(id)` is the accepted value, firing the
 * events in that commit, before paint; a newer `value` that does not show it, or
 * {@link SETTLE_TIMEOUT_MS} without one, ends the wait without events (what `value` says is shown).
 */
export function useSettledValue(
  value: ControlledValue,
  shown: (id: string) => boolean,
  emit: (event: ConsentChangeEvent) => void,
) {
  const [waiting, setWaiting] = useState<Readonly<Record<string, Accepted>>>({})
  const current = signature(value)
  const committed = useRef(current)

  useCommitEffect(() => {
    committed.current = current
    const done: string[] = []
    for (const [id, accepted] of Object.entries(waiting)) {
      if (accepted.baseline === null || shown(id) === accepted.next) {
        done.push(id)
        for (const event of accepted.events) emit(event)
      } else if (current !== accepted.baseline) {
        done.push(id)
      }
    }
    if (done.length > 0) setWaiting((all) => without(all, done))
  })

  useEffect(() => {
    const timers = Object.entries(waiting)
      .filter(([, accepted]) => accepted.baseline !== null)
      .map(([id, accepted]) =>
        setTimeout(() => {
          if (process.env.NODE_ENV !== 'production') {
            console.warn(
              `ModelImprovementSetting: onValueChange resolved ${SETTLE_TIMEOUT_MS / 1000} s ago, but \`value\` still does not ` +
                `show "${id}" ${accepted.next ? 'on' : 'off'}; showing what \`value\` says. Pass the saved value in \`value\`.`,
            )
          }
          setWaiting((all) => (all[id] === accepted ? without(all, [id]) : all))
        }, Math.max(0, accepted.since + SETTLE_TIMEOUT_MS - Date.now())),
      )
    return () => timers.forEach(clearTimeout)
  }, [waiting])

  return {
    /** The accepted change of `id` is saved but not shown yet. */
    isWaiting: (id: string) => waiting[id]?.baseline != null,
    /** Records a change the parent accepted, synchronously or by resolving its promise. */
    accept: (id: string, next: boolean, events: readonly ConsentChangeEvent[], how: 'returned' | 'resolved') =>
      setWaiting((all) => ({
        ...all,
        [id]: { next, events, baseline: how === 'returned' ? null : committed.current, since: Date.now() },
      })),
  }
}

function without<T>(all: Readonly<Record<string, T>>, ids: readonly string[]): Readonly<Record<string, T>> {
  const rest = { ...all }
  for (const id of ids) delete rest[id]
  return rest
}
