import type { ConsentChangeEvent } from '@model-consent/core'
import { useEffect, useLayoutEffect } from '../shared/react'

/** How long a resolved save waits for the parent's `value` to show it. */
export const SETTLE_TIMEOUT_MS = 10_000

/** A change the parent accepted, waiting for `value` to show it before its events fire. */
export interface Accepted {
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

/**
 * Runs after each commit, before paint in a browser: where accepted changes are settled.
 * useLayoutEffect does nothing on a server (and React 18 warns there): plain useEffect is enough.
 */
export const useCommitEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/** Milliseconds left before a resolved save stops waiting for `value` (`SETTLE_TIMEOUT_MS`). */
export const timeLeft = (accepted: Accepted): number => Math.max(0, accepted.since + SETTLE_TIMEOUT_MS - Date.now())

/** Warns (development builds only) when a resolved save was never shown by `value`. */
export function warnNotShown(id: string, accepted: Accepted): void {
  if (process.env.NODE_ENV === 'production') return
  console.warn(
    `ModelImprovementSetting: onValueChange resolved ${SETTLE_TIMEOUT_MS / 1000} s ago, but \`value\` still does not ` +
      `show "${id}" ${accepted.next ? 'on' : 'off'}; showing what \`value\` says. Pass the saved value in \`value\`.`,
  )
}
