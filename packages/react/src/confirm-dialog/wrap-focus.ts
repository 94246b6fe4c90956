import type { KeyboardEvent } from 'react'

const FOCUSABLE =
  'a[href],area[href],button,input:not([type=hidden]),select,textarea,iframe,audio[controls],video[controls],[contenteditable]:not([contenteditable=false]),[tabindex]'

/** The elements in `container` that Tab can reach, in document order. */
export function getTabbables(container: ParentNode): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) =>
      element.tabIndex >= 0 &&
      !element.matches(':disabled') &&
      !element.closest('[hidden],[inert]') &&
      // jsdom has no layout (and no checkVisibility): everything counts as rendered there.
      element.checkVisibility?.({ visibilityProperty: true }) !== false,
  )
}

/**
 * Keeps Tab and Shift+Tab inside a modal dialog. A native modal `<dialog>` makes the page
 * inert but, in Chromium, still lets Tab leave the document for the browser's own UI;
 * the APG alert dialog pattern wants focus to wrap from the last element to the first.
 */
export function wrapFocus(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return
  const tabbables = getTabbables(event.currentTarget)
  const edges = [tabbables[0], tabbables[tabbables.length - 1]]
  // Tab leaves by the last element and comes round to the first; Shift+Tab the other way.
  const [leaving, next] = event.shiftKey ? edges : edges.reverse()
  const active = event.currentTarget.ownerDocument.activeElement
  // From that edge, or from anywhere outside the tabbables (or with none), focus goes round;
  // everywhere else the browser moves it as usual.
  if (active === leaving || !tabbables.includes(active as HTMLElement)) {
    event.preventDefault()
    next?.focus()
  }
}
