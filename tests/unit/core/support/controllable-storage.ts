import type { ConsentStorage, StoredConsent } from '@model-consent/core'

/** A save the test has not decided yet: release it (storage accepts the data) or fail it. */
export interface HeldSave {
  readonly data: StoredConsent
  readonly text: string
  release(): void
  fail(error?: unknown): void
}

/** What the next saves do: `pass` accepts at once, `hold` waits for the test, `fail` rejects. */
export type SaveMode = 'pass' | 'hold' | 'fail'

/**
 * An async storage the test drives: saves can be accepted, held (and released or failed later,
 * in any order) or failed; another writer can change the stored text and notify subscribers,
 * as another tab would. Data counts as stored only once a save is accepted.
 */
export interface ControllableStorage extends ConsentStorage {
  /** The stored JSON text, or `null`. */
  text: string | null
  mode: SaveMode
  /** Saves waiting for `release` or `fail`, oldest first. */
  readonly held: HeldSave[]
  /** Every save attempt, in call order. */
  readonly attempts: string[]
  /** How many saves storage has accepted. */
  readonly commits: number
  /** How many `subscribe` listeners are attached. */
  readonly listenerCount: number
  /** Another writer stores `text` and notifies every subscriber, as another tab would. */
  writeExternally(text: string | null): void
  /** Makes `load` throw (as blocked storage does) until set back to `false`. */
  loadThrows: boolean
}

export function controllableStorage(initial: string | null = null): ControllableStorage {
  const listeners = new Set<(data: unknown) => void>()
  const held: HeldSave[] = []
  const attempts: string[] = []
  let commits = 0
  const storage: ControllableStorage = {
    text: initial,
    mode: 'pass',
    held,
    attempts,
    loadThrows: false,
    get commits() {
      return commits
    },
    get listenerCount() {
      return listeners.size
    },
    load() {
      if (storage.loadThrows) throw new Error('SecurityError: storage is blocked')
      return Promise.resolve(storage.text)
    },
    save(data) {
      const text = JSON.stringify(data)
      attempts.push(text)
      if (storage.mode === 'fail') return Promise.reject(new Error('QuotaExceededError: storage is full'))
      if (storage.mode === 'pass') {
        storage.text = text
        commits++
        return Promise.resolve()
      }
      return new Promise<void>((resolve, reject) => {
        const save: HeldSave = {
          data,
          text,
          release() {
            held.splice(held.indexOf(save), 1)
            storage.text = text
            commits++
            resolve()
          },
          fail(error = new Error('QuotaExceededError: storage is full')) {
            held.splice(held.indexOf(save), 1)
            reject(error)
          },
        }
        held.push(save)
      })
    },
    subscribe(onExternalChange) {
      const listener = (data: unknown) => onExternalChange(data)
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    writeExternally(text) {
      storage.text = text
      for (const listener of [...listeners]) listener(text)
    },
  }
  return storage
}

/** Lets every queued promise callback run (several rounds, since the store chains a few). */
export async function flush(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve()
}

/** Releases held saves, and any saves they lead to, until none is left. */
export async function releaseAll(storage: ControllableStorage): Promise<void> {
  await flush()
  while (storage.held.length > 0) {
    storage.held[0]!.release()
    await flush()
  }
}
