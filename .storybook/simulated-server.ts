import type { ConsentStorage, StoredConsent } from '@model-consent/core'

/** How the simulated server answers saves. */
export type ServerFailure = 'never' | 'always' | 'first-save'

/** Options of the simulated server: how long it takes and whether saves fail. */
export interface SimulatedServerOptions {
  /** Milliseconds before each answer. */
  latency: number
  /** `never`: every save works; `always`: every save fails; `first-save`: only the first fails. */
  failure: ServerFailure
  /** What the server has stored at first. */
  initial?: StoredConsent | null
}

/** The error a failed save rejects with, like an HTTP 503 from a real endpoint. */
export class SimulatedServerError extends Error {
  override name = 'SimulatedServerError'
  constructor() {
    super('503 Service Unavailable (simulated server)')
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * A stand-in for a consent API with latency and failures, for reviewing pending and rollback.
 * `storage` is a `ConsentStorage` (async `load` and `save`) for `createConsentStore`;
 * `save(anything)` is the same endpoint for a controlled component's `onValueChange`.
 */
export function createSimulatedServer({ latency, failure, initial = null }: SimulatedServerOptions) {
  let stored: string | null = initial ? JSON.stringify(initial) : null
  let saves = 0
  async function save<T>(data: T): Promise<void> {
    saves += 1
    const fails = failure === 'always' || (failure === 'first-save' && saves === 1)
    await wait(latency)
    if (fails) throw new SimulatedServerError()
    stored = JSON.stringify(data)
  }
  const storage: ConsentStorage = {
    load: async () => {
      await wait(Math.min(latency, 300))
      return stored
    },
    save: (data: StoredConsent) => save(data),
  }
  return { storage, save, get saved(): unknown { return stored === null ? null : JSON.parse(stored) } }
}
