import type { ConsentStorage, StoredConsent } from '../types'

/**
 * Keeps decisions in memory (the default). The store hands it frozen data, so what was saved
 * cannot be changed by mutating an object afterwards.
 * @param initial stored data to start from (an object or its JSON text), for tests and demos
 */
export function memoryStorage(initial?: StoredConsent | string | null): ConsentStorage {
  let saved: StoredConsent | string | null = initial ?? null
  return {
    load: () => saved,
    save: (data) => {
      saved = data
    },
  }
}
