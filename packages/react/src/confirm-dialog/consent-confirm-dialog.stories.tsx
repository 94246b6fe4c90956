import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { openDialog, pressEscape } from '../../../../.storybook/interactions'
import { storyLocale } from '../../../../.storybook/decorators'
import { en } from '../locales/en'
import { ConsentConfirmDialog } from './consent-confirm-dialog'

/**
 * The confirmation before a change, on the native `<dialog>` (`showModal()`). Each story has a
 * button that opens it again. On a docs page the dialogs start closed, so the page stays usable.
 */
const meta = {
  title: 'Components/ConsentConfirmDialog',
  component: ConsentConfirmDialog,
  tags: ['autodocs'],
  args: { defaultOpen: true, onOpenChange: fn(), onConfirm: fn(), onCancel: fn() },
  render: function DialogWithOpener({ defaultOpen, onOpenChange, ...args }, { globals, viewMode }) {
    const [open, setOpen] = useState(Boolean(defaultOpen) && viewMode !== 'docs')
    const locale = storyLocale(globals)
    return (
      <>
        <button type="button" className="story-button" onClick={() => setOpen(true)}>
          Open the confirmation
        </button>
        <ConsentConfirmDialog
          locale={locale}
          {...args}
          open={open}
          onOpenChange={(next) => {
            onOpenChange?.(next)
            setOpen(next)
          }}
        />
      </>
    )
  },
} satisfies Meta<typeof ConsentConfirmDialog>

export default meta
type Story = StoryObj<typeof meta>


/** Before turning the setting on (every confirm policy except `never`). Focus starts on Cancel. */
export const OpenEnable: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = await within(canvasElement).findByRole('alertdialog', { name: en.confirmEnableTitle })
    await expect(dialog).toHaveAttribute('aria-modal', 'true')
    await expect(dialog).toHaveAccessibleDescription(en.confirmEnableBody)
    const body = within(dialog)
    await expect(body.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    // Tab and Shift+Tab wrap inside the dialog.
    await userEvent.tab()
    await expect(body.getByRole('button', { name: 'Turn on' })).toHaveFocus()
    await userEvent.tab()
    await expect(body.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await userEvent.tab({ shift: true })
    await expect(body.getByRole('button', { name: 'Turn on' })).toHaveFocus()
    await userEvent.click(body.getByRole('button', { name: 'Turn on' }))
    await expect(args.onConfirm).toHaveBeenCalledTimes(1)
    await expect(args.onCancel).not.toHaveBeenCalled()
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(false)
    await expect(openDialog(canvasElement)).toBeNull()
  },
}

/** Before turning the setting off, with `confirm: 'both'` only: the same weight as turning on. */
export const OpenDisable: Story = {
  args: {
    title: en.confirmDisableTitle,
    description: en.confirmDisableBody,
    confirmLabel: en.confirmDisableAction,
  },
  render: function DisableDialog(args, context) {
    const messages = storyLocale(context.globals)
    // Follow the locale toolbar unless the args were changed to custom text.
    const localised = {
      title: args.title === en.confirmDisableTitle ? messages.confirmDisableTitle : args.title,
      description: args.description === en.confirmDisableBody ? messages.confirmDisableBody : args.description,
      confirmLabel: args.confirmLabel === en.confirmDisableAction ? messages.confirmDisableAction : args.confirmLabel,
    }
    return meta.render({ ...args, ...localised }, context)
  },
  play: async ({ canvasElement, args }) => {
    const dialog = await within(canvasElement).findByRole('alertdialog', { name: en.confirmDisableTitle })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Turn off' }))
    await expect(args.onConfirm).toHaveBeenCalledTimes(1)
  },
}

/** Custom copy from the app. The buttons still say what they do. */
export const CustomCopy: Story = {
  args: {
    title: 'Share your conversations to help improve the assistant?',
    description:
      'If you turn this on, we may use your future conversations to train the assistant for everyone. Conversations you had before today are not included. You can turn this off in Settings at any time.',
    confirmLabel: 'Turn on sharing',
    cancelLabel: 'Not now',
  },
}

/** Cancel and Escape leave everything as it was, and focus goes back to the opener. */
export const CancelWithEscape: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const dialog = (await canvas.findByRole('alertdialog')) as HTMLDialogElement
    await pressEscape(dialog)
    await waitFor(() => expect(openDialog(canvasElement)).toBeNull())
    await expect(args.onCancel).toHaveBeenCalledTimes(1)
    await expect(args.onConfirm).not.toHaveBeenCalled()

    const opener = canvas.getByRole('button', { name: 'Open the confirmation' })
    await userEvent.click(opener)
    const again = await canvas.findByRole('alertdialog')
    await userEvent.click(within(again).getByRole('button', { name: 'Cancel' }))
    await expect(args.onCancel).toHaveBeenCalledTimes(2)
    await expect(args.onConfirm).not.toHaveBeenCalled()
    await waitFor(() => expect(opener).toHaveFocus())
  },
}
