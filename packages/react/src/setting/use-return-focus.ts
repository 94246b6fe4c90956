import { useEffect, useRef } from 'react'

/**
 * Sends focus back to the switch that asked for the confirmation once the dialog closes, whatever
 * opened it. The dialog itself returns focus to the element that had it when it opened; that is
 * `<body>` when the switch was activated without being focused (a programmatic `click()`, or an
 * assistive technology's default action), which would drop a keyboard or screen-reader user at
 * the top of the page (WCAG 2.4.3). Runs after the dialog's own clean-up, so this one wins.
 */
export function useReturnFocus(asking: string | null, focus: (setting: string) => void): void {
  const last = useRef<string | null>(null)
  const focusRef = useRef(focus)
  useEffect(() => {
    focusRef.current = focus
  })
  useEffect(() => {
    if (asking !== null) {
      last.current = asking
      return
    }
    const setting = last.current
    last.current = null
    if (setting !== null) focusRef.current(setting)
  }, [asking])
}
