import type { ConsentStorage, StoredConsent } from '../types'

/**
 * Keeps decisions in memory (the default). It stores a JSON copy, as a real store would,
 * so a caller can never change what was saved by mutating an object.
 * @param initial stored data to start from (an object or its JSON text), for tests and demos
 */
export function memoryStorage(initial?: StoredConsent | string | null): ConsentStorage {
  let text: string | null =
    initial === undefined || initial === null ? null : typeof initial === 'string' ? initial : JSON.stringify(initial)
  return {
    load: () => text,
    save: (data) => {
      text = JSON.stringify(data)
    },
  }
}
