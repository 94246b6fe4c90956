import { useEffect, useRef, useState } from '../shared/react'

/** How long "Your choice is saved." stays in the status region before it is cleared. */
export const SAVED_NOTICE_MS = 5000

/**
 * True for {@link SAVED_NOTICE_MS} after a save that showed "Saving your choice…" settled without
 * an error, so the polite status region closes the loop it opened. A save that commits at once
 * shows no "saving" and gets no "saved" either: the switch's own state change is the answer there,
 * and a second announcement for every press would be chatter.
 */
export function useSavedNotice(pending: boolean, failed: boolean): boolean {
  const [saved, setSaved] = useState(false)
  const wasPending = useRef(pending)
  useEffect(() => {
    const before = wasPending.current
    wasPending.current = pending
    if (pending || failed || !before) {
      if (pending || failed) setSaved(false)
      return
    }
    setSaved(true)
    const timer = setTimeout(() => setSaved(false), SAVED_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [pending, failed])
  return saved
}
