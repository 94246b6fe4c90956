import { useLayoutEffect, type ComponentType } from 'react'

/** Hooks the bench pages use to watch rows: a render counter and a commit timestamp. */
export interface RowProbe {
  /** Called in the row's render body: counts renders. */
  rendered(id: string): void
  /** Called from the row's layout effect: the row's update is in the DOM. */
  committed(id: string): void
  /** Runs the row's store write (the switch's change handler) and times it. */
  write(change: () => void): void
}

/** A list of N setting rows (label + switch), built one way or another, and what it reads from. */
export interface BenchList {
  readonly List: ComponentType<{ probe?: RowProbe | undefined }>
  /** Settles when the list's store can take a change without queueing. */
  readonly ready: Promise<void>
  /** The stored value of a setting, to check that a click landed. */
  read(id: string): boolean
}

export type CreateList = (ids: readonly string[]) => BenchList

/** `s0` … `s{n-1}`: the setting ids of an N-row page. */
export const settingIds = (n: number): string[] => Array.from({ length: n }, (_, i) => `s${i}`)

/** The id of a row's switch, which its label points at. */
export const switchId = (id: string): string => `switch-${id}`

/** Runs `change` directly when there is no probe (server rendering, hydration, unit of work outside the bench). */
export const write = (probe: RowProbe | undefined, change: () => void): void => (probe ? probe.write(change) : change())

/** The same instrumentation in every row of every implementation, so it cancels out of the ratio. */
export function useRowProbe(probe: RowProbe | undefined, id: string): void {
  probe?.rendered(id)
  useLayoutEffect(() => {
    probe?.committed(id)
  })
}
