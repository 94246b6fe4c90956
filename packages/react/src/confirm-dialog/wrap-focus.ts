import type { KeyboardEvent } from 'react'

const FOCUSABLE = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'iframe',
  'audio[controls]',
  'video[controls]',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]',
].join(',')

/** The elements in `container` that Tab can reach, in document order. */
export function getTabbables(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) => element.tabIndex >= 0 && !element.closest('[hidden], [inert]') && isRendered(element),
  )
}

function isRendered(element: HTMLElement): boolean {
  // jsdom has no layout; treat everything as rendered there.
  if (typeof element.checkVisibility !== 'function') return true
  return element.checkVisibility({ visibilityProperty: true })
}

/**
 * Keeps Tab and Shift+Tab inside a modal dialog. A native modal `<dialog>` makes the page
 * inert but, in Chromium, still lets Tab leave the document for the browser's own UI;
 * the APG alert dialog pattern wants focus to wrap from the last element to the first.
 */
export function wrapFocus(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return
  const tabbables = getTabbables(event.currentTarget)
  const first = tabbables[0]
  const last = tabbables[tabbables.length - 1]
  if (!first || !last) {
    event.preventDefault()
    return
  }
  const active = event.currentTarget.ownerDocument.activeElement
  const outside = !(active instanceof HTMLElement) || !tabbables.includes(active)
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault()
    first.focus()
  }
}
