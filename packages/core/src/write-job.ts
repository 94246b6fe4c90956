// The parts of one write (its plan, its job, what counts as a conflict), shared by the writer.
import type { ConsentError } from './errors'
import { sameDecision } from './merge'
import type { StorageRead } from './store-load'
import type { Change } from './store-state'
import type { ChangeSource, ConsentErrorLike, SettingId, StoredConsent } from './types'

export const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null | undefined)?.then === 'function'

/** The documented conflict shape: storage changed since it was read (`code: 'conflict'` or `conflict: true`). */
export const isConflict = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && ((error as { code?: unknown }).code === 'conflict' || (error as { conflict?: unknown }).conflict === true)

/** What one write does, decided against what the store shows once storage has been re-read. */
export interface Plan {
  readonly changes: readonly Change[]
  readonly sourceOf: (change: Change) => ChangeSource
}

/** One write: its plan, the settings it marks pending, and how its failure reads. */
export interface WriteJob {
  /** Decides the write against what the store shows now; called once (a retry reuses it). */
  plan(): Plan | ConsentErrorLike | null
  planned?: Plan | ConsentErrorLike | null
  readonly marked: Set<SettingId>
  failure(cause: unknown): ConsentError
  /** The settings shown pending while the write waits. */
  readonly marks: () => readonly SettingId[]
}

/** Sources for what a write commits: its own decisions by their own source, anything else came from storage. */
export function sourcesOf(changes: readonly Change[], own: (change: Change) => ChangeSource): (change: Change) => ChangeSource {
  return (change) => {
    const mine = changes.find((c) => c.id === change.id)
    return mine && mine.decision === change.decision ? own(mine) : 'sync'
  }
}

/** How the store reads storage before each save, and tells the reader a save landed. */
export interface WriteIo {
  read(): StorageRead | Promise<StorageRead>
  committed(): void
  /** How many change notifications have arrived so far. */
  hints(): number
  /** Reads storage again, merging it in and repairing what it lacks. */
  reread(): void
}

/** Whether writing `data` would change what storage holds. */
export function differs(data: StoredConsent, read: StorageRead): boolean {
  const ids = Object.keys(data.decisions)
  if (ids.length !== read.decisions.size) return true
  return ids.some((id) => !sameDecision(data.decisions[id], read.decisions.get(id)))
}
