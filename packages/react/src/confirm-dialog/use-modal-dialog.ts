import { useEffect } from '../shared/react'
import type { RefObject } from 'react'

/** Shows `dialog` as a modal unless it is already open. @internal */
export function showDialog(dialog: HTMLDialogElement): void {
  if (dialog.open) return
  // jsdom has HTMLDialogElement without showModal(): fall back to the attribute so
  // roles, names and clicks can still be tested there.
  if (typeof dialog.showModal === 'function') dialog.showModal()
  else dialog.setAttribute('open', '')
}

function hideDialog(dialog: HTMLDialogElement): void {
  if (typeof dialog.close === 'function') dialog.close()
  else dialog.removeAttribute('open')
}

/**
 * Shows `dialogRef` as a modal while `open` is true: top layer and inert page from
 * `showModal()`, no page scroll behind it, focus on `initialFocusRef`; when it closes
 * (or unmounts), the page scrolls again and focus goes back where it was.
 */
export function useModalDialog(
  dialogRef: RefObject<HTMLDialogElement | null>,
  initialFocusRef: RefObject<HTMLElement | null>,
  open: boolean,
): void {
  useEffect(() => {
    const dialog = dialogRef.current
    if (!open || !dialog) return
    const doc = dialog.ownerDocument
    const opener = doc.activeElement instanceof HTMLElement ? doc.activeElement : null
    const root = doc.documentElement
    const previousOverflow = root.style.overflow
    root.style.overflow = 'hidden'
    showDialog(dialog)
    initialFocusRef.current?.focus()

    return () => {
      hideDialog(dialog)
      root.style.overflow = previousOverflow
      if (opener?.isConnected && opener !== doc.body) {
        opener.focus()
        // Chromium gives focus back without scrolling, and the page behind may have changed while
        // the dialog was open (another tab's choice): bring the element into view (jsdom has none).
        opener.scrollIntoView?.({ block: 'nearest' })
      }
    }
  }, [dialogRef, initialFocusRef, open])
}
