/** @jsxImportSource ../shared/jsx */
import { forwardRef, useEffect, useId, useRef, useState } from '../shared/react'
import type { ComponentPropsWithoutRef, MouseEvent, ReactNode, SyntheticEvent } from 'react'
import type { LocaleInput } from '../messages/locale-set'
import type { ConsentMessages } from '../messages/types'
import { composeEventHandlers } from '../shared/compose-event-handlers'
import { useComposedRefs } from '../shared/compose-refs'
import { useControllableState } from '../shared/use-controllable-state'
import { useLocale } from '../shared/use-messages'
import { showDialog, useModalDialog } from './use-modal-dialog'
import { wrapFocus } from './wrap-focus'

type NativeDialogProps = Omit<
  ComponentPropsWithoutRef<'dialog'>,
  'open' | 'title' | 'children' | 'role' | 'onCancel' | 'onClose'
>

/** Props of {@link ConsentConfirmDialog}. Other `<dialog>` props go on the dialog. */
export interface ConsentConfirmDialogProps extends NativeDialogProps {
  /** Whether the dialog is shown (controlled). */
  open?: boolean | undefined
  /** Whether the dialog starts shown when uncontrolled. Default `false`. */
  defaultOpen?: boolean | undefined
  /** Called with `false` when Confirm, Cancel or Escape closes the dialog. */
  onOpenChange?: ((open: boolean) => void) | undefined
  /** The person chose the confirm action. Called before the dialog closes. */
  onConfirm?: (() => void) | undefined
  /** The person chose Cancel or pressed Escape. Called before the dialog closes. */
  onCancel?: (() => void) | undefined
  /** The dialog's title (its accessible name). Default `messages.confirmEnableTitle`. */
  title?: ReactNode | undefined
  /** What confirming means (its accessible description). Default `messages.confirmEnableBody`. */
  description?: ReactNode | undefined
  /** Text of the confirm button; say what it does. Default `messages.confirmEnableAction`. */
  confirmLabel?: ReactNode | undefined
  /** Text of the cancel button. Default `messages.cancel`. */
  cancelLabel?: ReactNode | undefined
  /** Locale of the default texts: a set such as `fr` from `@model-consent/react/locales/fr`, or an English tag. Default: the provider's, else English. */
  locale?: LocaleInput | undefined
  /** Overrides for the default texts. */
  messages?: Partial<ConsentMessages> | undefined
}

/**
 * An APG alert dialog on the native `<dialog>` (`showModal()`): asks before a consent
 * setting changes. Focus starts on Cancel, Tab wraps inside, Escape cancels, the page
 * behind is inert and does not scroll, and focus returns to the opener on close.
 * Confirm calls `onConfirm`; Cancel and Escape call `onCancel`; nothing else closes it.
 *
 * @selector [data-slot="confirm-dialog"] - the dialog; `[data-state="open" | "closed"]`.
 * @selector [data-slot="confirm-dialog-title"] - the title.
 * @selector [data-slot="confirm-dialog-description"] - the description.
 * @selector [data-slot="confirm-dialog-actions"] - the row of buttons.
 * @selector [data-slot="confirm-dialog-cancel"] - the Cancel button.
 * @selector [data-slot="confirm-dialog-confirm"] - the confirm button.
 */
export const ConsentConfirmDialog = forwardRef<HTMLDialogElement, ConsentConfirmDialogProps>(
  function ConsentConfirmDialog(
    {
      open: openProp,
      defaultOpen = false,
      onOpenChange,
      onConfirm,
      onCancel,
      title,
      description,
      confirmLabel,
      cancelLabel,
      locale,
      messages: overrides,
      ...dialogProps
    },
    forwardedRef,
  ) {
    const { tag, dir, messages } = useLocale(locale, overrides)
    const [open, setOpen] = useControllableState({
      prop: openProp,
      defaultProp: defaultOpen,
      onChange: onOpenChange,
      caller: 'ConsentConfirmDialog',
      propName: 'open',
    })
    const dialogRef = useRef<HTMLDialogElement>(null)
    const cancelRef = useRef<HTMLButtonElement>(null)
    const ref = useComposedRefs(forwardedRef, dialogRef)
    const id = useId()
    useModalDialog(dialogRef, cancelRef, open)

    const cancel = () => {
      onCancel?.()
      setOpen(false)
    }
    const confirm = (event: MouseEvent) => {
      // The second click of a double click (or tap) that opened the dialog can land here when the
      // button opens under the pointer: the person has not seen the question, so it decides nothing.
      // Keys and scripts click with `detail` 0, a single click with 1.
      if (event.detail > 1) return
      onConfirm?.()
      setOpen(false)
    }
    // Escape fires `cancel`: close through our state so a controlled parent decides.
    // When Chromium makes it uncancelable (no user activation since the last one, per
    // close watcher rules), the dialog closes anyway and `close` reports the Cancel.
    const handleCancelEvent = (event: SyntheticEvent<HTMLDialogElement>) => {
      if (!event.cancelable) return
      event.preventDefault()
      if (open) cancel()
    }
    // A close we did not ask for (see above, or a script calling `close()`) is still a Cancel.
    // If the parent keeps `open`, the dialog is shown again: what it says is what is shown.
    const [unaskedCloses, setUnaskedCloses] = useState(0)
    const handleCloseEvent = () => {
      if (!open || dialogRef.current?.open !== false) return
      cancel()
      setUnaskedCloses((count) => count + 1)
    }
    useEffect(() => {
      const dialog = dialogRef.current
      if (unaskedCloses === 0 || !open || !dialog || dialog.open) return
      showDialog(dialog)
      cancelRef.current?.focus()
      // Runs only after a close we did not ask for; `useModalDialog` follows `open` itself.
    }, [unaskedCloses])

    return (
      <dialog
        data-slot="confirm-dialog"
        lang={tag}
        dir={dir}
        {...dialogProps}
        ref={ref}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        data-state={open ? 'open' : 'closed'}
        onKeyDown={composeEventHandlers(dialogProps.onKeyDown, wrapFocus)}
        onCancel={handleCancelEvent}
        onClose={handleCloseEvent}
      >
        <h2 data-slot="confirm-dialog-title" id={`${id}-title`}>
          {title ?? messages.confirmEnableTitle}
        </h2>
        <p data-slot="confirm-dialog-description" id={`${id}-description`}>
          {description ?? messages.confirmEnableBody}
        </p>
        <div data-slot="confirm-dialog-actions">
          <button type="button" data-slot="confirm-dialog-cancel" ref={cancelRef} onClick={cancel}>
            {cancelLabel ?? messages.cancel}
          </button>
          <button type="button" data-slot="confirm-dialog-confirm" onClick={confirm}>
            {confirmLabel ?? messages.confirmEnableAction}
          </button>
        </div>
      </dialog>
    )
  },
)
