import { userEvent } from 'storybook/test'

declare global {
  /** Real key presses, installed by .storybook/vitest.setup.ts when stories run under Vitest. */
  var __storybookRealKeyboard: ((keys: string) => Promise<void>) | undefined
}

/**
 * Presses Escape in an open modal <dialog>, as a person would.
 *
 * Under Vitest the key press is real (Playwright). In the Storybook UI, `userEvent` can only
 * dispatch an untrusted keydown, which Chromium ignores for dialogs; so we then do what the browser
 * does for a real Escape: fire a cancelable `cancel` event at the dialog and close it unless a
 * handler prevented that.
 */
export async function pressEscape(dialog: HTMLDialogElement): Promise<void> {
  if (globalThis.__storybookRealKeyboard) {
    await globalThis.__storybookRealKeyboard('{Escape}')
    return
  }
  await userEvent.keyboard('{Escape}')
  if (!dialog.open) return
  const cancel = new Event('cancel', { cancelable: true })
  if (dialog.dispatchEvent(cancel)) dialog.close()
}

/** The open modal dialog of a story: it is in the top layer but still inside the story's DOM. */
export function openDialog(root: HTMLElement): HTMLDialogElement | null {
  return root.ownerDocument.querySelector<HTMLDialogElement>('dialog[open]')
}

/**
 * Elements whose box sticks out of `root` sideways (clipped or causing a horizontal scrollbar),
 * described for a readable failure. Descendants of `scrollers` (containers meant to scroll) are skipped.
 */
export function overflowing(root: HTMLElement, scrollers?: string): string[] {
  const bounds = root.getBoundingClientRect()
  return Array.from(root.querySelectorAll<HTMLElement>('*'))
    .filter((element) => !(scrollers && element.parentElement?.closest(scrollers)))
    .filter((element) => {
      const box = element.getBoundingClientRect()
      return box.width > 0 && (box.right > bounds.right + 1 || box.left < bounds.left - 1)
    })
    .map((element) => {
      const slot = element.getAttribute('data-slot')
      const className = typeof element.className === 'string' ? element.className.split(' ')[0] : ''
      const name = slot ? `[data-slot="${slot}"]` : className ? `.${className}` : ''
      return `${element.tagName.toLowerCase()}${name} (${Math.round(element.getBoundingClientRect().width)} px)`
    })
}
