import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ConsentConfirmDialog } from '../../../packages/react/src/confirm-dialog/consent-confirm-dialog'
import { en } from '../../../packages/react/src/messages'

// jsdom has no showModal(): the dialog falls back to the `open` attribute, which is
// enough for roles, names and clicks. Focus, Escape and inertness are tested in Chromium.
const getDialog = () => screen.getByRole('alertdialog', { name: en.confirmEnableTitle })

describe('ConsentConfirmDialog', () => {
  it('renders nothing visible while closed', () => {
    render(<ConsentConfirmDialog />)
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })

  it('is a modal alert dialog named by its title and described by its body', () => {
    render(<ConsentConfirmDialog defaultOpen />)
    const dialog = getDialog()
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveAccessibleDescription(en.confirmEnableBody)
    expect(dialog).toHaveAttribute('data-slot', 'confirm-dialog')
    expect(dialog).toHaveAttribute('data-state', 'open')
    expect(screen.getByRole('heading', { name: en.confirmEnableTitle })).toBeInTheDocument()
  })

  it('has buttons that say what they do, Cancel first', () => {
    render(<ConsentConfirmDialog defaultOpen />)
    const buttons = screen.getAllByRole('button')
    expect(buttons.map((button) => button.textContent)).toEqual([en.cancel, en.confirmEnableAction])
    expect(buttons[0]).toHaveFocus()
  })

  it('uses the texts it is given', () => {
    render(
      <ConsentConfirmDialog
        defaultOpen
        title="Include audio recordings?"
        description="We may use your audio recordings."
        confirmLabel="Include audio"
        cancelLabel="Not now"
      />,
    )
    const dialog = screen.getByRole('alertdialog', { name: 'Include audio recordings?' })
    expect(dialog).toHaveAccessibleDescription('We may use your audio recordings.')
    expect(screen.getByRole('button', { name: 'Include audio' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Not now' })).toBeInTheDocument()
  })

  it('confirms: onConfirm, then closes, with no onCancel', async () => {
    const user = userEvent.setup()
    const order: string[] = []
    const onCancel = vi.fn()
    render(
      <ConsentConfirmDialog
        defaultOpen
        onConfirm={() => order.push('confirm')}
        onOpenChange={(open) => order.push(`open:${open}`)}
        onCancel={onCancel}
      />,
    )
    await user.click(screen.getByRole('button', { name: en.confirmEnableAction }))
    expect(order).toEqual(['confirm', 'open:false'])
    expect(onCancel).not.toHaveBeenCalled()
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })

  it('cancels: onCancel, then closes, with no onConfirm', async () => {
    const user = userEvent.setup()
    const order: string[] = []
    const onConfirm = vi.fn()
    render(
      <ConsentConfirmDialog
        defaultOpen
        onCancel={() => order.push('cancel')}
        onOpenChange={(open) => order.push(`open:${open}`)}
        onConfirm={onConfirm}
      />,
    )
    await user.click(screen.getByRole('button', { name: en.cancel }))
    expect(order).toEqual(['cancel', 'open:false'])
    expect(onConfirm).not.toHaveBeenCalled()
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })

  it('treats the cancel event (Escape) as Cancel', () => {
    const onCancel = vi.fn()
    const onConfirm = vi.fn()
    render(<ConsentConfirmDialog defaultOpen onCancel={onCancel} onConfirm={onConfirm} />)
    const cancelEvent = new Event('cancel', { cancelable: true })
    fireEvent(getDialog(), cancelEvent)
    expect(cancelEvent.defaultPrevented).toBe(true)
    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(onConfirm).not.toHaveBeenCalled()
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })

  describe('when controlled', () => {
    it('stays open until the parent closes it', async () => {
      const user = userEvent.setup()
      const onOpenChange = vi.fn()
      const { rerender } = render(<ConsentConfirmDialog open onOpenChange={onOpenChange} />)
      await user.click(screen.getByRole('button', { name: en.cancel }))
      expect(onOpenChange).toHaveBeenCalledWith(false)
      expect(getDialog()).toBeInTheDocument()
      rerender(<ConsentConfirmDialog open={false} onOpenChange={onOpenChange} />)
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    })

    it('opens when the parent opens it', () => {
      const { rerender } = render(<ConsentConfirmDialog open={false} />)
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
      rerender(<ConsentConfirmDialog open />)
      expect(getDialog()).toBeInTheDocument()
    })
  })

  it('forwards its ref to the dialog element and passes props on', () => {
    const ref = createRef<HTMLDialogElement>()
    render(<ConsentConfirmDialog ref={ref} defaultOpen className="mine" />)
    expect(ref.current).toBe(getDialog())
    expect(getDialog()).toHaveClass('mine')
  })

  it('restores the page scroll when it closes', async () => {
    const user = userEvent.setup()
    document.documentElement.style.overflow = 'clip'
    render(<ConsentConfirmDialog defaultOpen />)
    expect(document.documentElement.style.overflow).toBe('hidden')
    await user.click(screen.getByRole('button', { name: en.cancel }))
    expect(document.documentElement.style.overflow).toBe('clip')
    document.documentElement.style.overflow = ''
  })
})
