import type { ConsentStorage } from '@model-consent/core'

/** Storage whose saves wait until a test settles them, in order, through `saves`. */
export function heldStorage() {
  const saves: Array<{ resolve: () => void; reject: (error: Error) => void }> = []
  const storage: ConsentStorage = {
    load: () => null,
    save: () => new Promise<void>((resolve, reject) => void saves.push({ resolve, reject })),
  }
  return { storage, saves }
}
