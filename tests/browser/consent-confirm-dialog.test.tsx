import axe from 'axe-core'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { ConsentConfirmDialog } from '../../packages/react/src/confirm-dialog/consent-confirm-dialog'
import { en } from '../../packages/react/src/messages'
import '../../packages/react/src/styles.css'

interface HarnessProps {
  onConfirm?: () => void
  onCancel?: () => void
}

function Harness({ onConfirm, onCancel }: HarnessProps) {
  const [open, setOpen] = useState(false)
  return (
    <main style={{ blockSize: '300vh' }}>
      <button type="button" onClick={() => setOpen(true)}>
        Change model training
      </button>
      <button type="button">Somewhere else</button>
      <ConsentConfirmDialog open={open} onOpenChange={setOpen} onConfirm={onConfirm} onCancel={onCancel} />
    </main>
  )
}

const byText = (text: string) =>
  Array.from(document.querySelectorAll('button')).find((button) => button.textContent === text) as HTMLButtonElement

async function openDialog(props: HarnessProps = {}) {
  const screen = await render(<Harness {...props} />)
  await userEvent.click(screen.getByRole('button', { name: 'Change model training' }))
  const dialog = screen.getByRole('alertdialog', { name: en.confirmEnableTitle })
  await expect.element(dialog).toBeVisible()
  return { screen, dialog: dialog.element() as HTMLDialogElement }
}

afterEach(() => {
  document.documentElement.style.overflow = ''
})

describe('ConsentConfirmDialog in Chromium', () => {
  it('opens as a modal in the top layer with focus on Cancel', async () => {
    const { dialog } = await openDialog()
    expect(dialog.matches(':modal')).toBe(true)
    expect(dialog.open).toBe(true)
    expect(document.activeElement).toBe(byText(en.cancel))
  })

  it('wraps Tab and Shift+Tab inside the dialog', async () => {
    await openDialog()
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement).toBe(byText(en.confirmEnableAction))
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement).toBe(byText(en.cancel))
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
    expect(document.activeElement).toBe(byText(en.confirmEnableAction))
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
    expect(document.activeElement).toBe(byText(en.cancel))
  })

  it('brings Tab and Shift+Tab back to the buttons when focus is on the dialog itself', async () => {
    const { dialog } = await openDialog()
    dialog.tabIndex = -1
    dialog.focus()
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement).toBe(byText(en.cancel))
    dialog.focus()
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
    expect(document.activeElement).toBe(byText(en.confirmEnableAction))
  })

  it('cancels on Escape: onCancel, no onConfirm, focus back on the opener', async () => {
    const onCancel = vi.fn()
    const onConfirm = vi.fn()
    const { screen, dialog } = await openDialog({ onCancel, onConfirm })
    await userEvent.keyboard('{Escape}')
    await expect.poll(() => dialog.open).toBe(false)
    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(onConfirm).not.toHaveBeenCalled()
    await expect.element(screen.getByRole('button', { name: 'Change model training' })).toHaveFocus()
  })

  it('treats a close it did not ask for as Cancel, and stays closed when the parent agrees', async () => {
    const onCancel = vi.fn()
    const { screen, dialog } = await openDialog({ onCancel })
    dialog.close() // as Chromium does on Escape without user activation, or a script
    await expect.poll(() => onCancel.mock.calls.length).toBe(1)
    expect(dialog.open).toBe(false)
    await expect.element(screen.getByRole('button', { name: 'Change model training' })).toHaveFocus()
    expect(document.documentElement.style.overflow).toBe('')
  })

  it('shows itself again after a close it did not ask for while a controlled parent keeps it open', async () => {
    const onOpenChange = vi.fn()
    const onCancel = vi.fn()
    const screen = await render(
      <main>
        <ConsentConfirmDialog open onOpenChange={onOpenChange} onCancel={onCancel} />
      </main>,
    )
    const dialog = screen.getByRole('alertdialog', { name: en.confirmEnableTitle }).element() as HTMLDialogElement
    await expect.poll(() => dialog.open).toBe(true)
    dialog.close()
    await expect.poll(() => onOpenChange.mock.calls).toEqual([[false]])
    expect(onCancel).toHaveBeenCalledTimes(1)
    await expect.poll(() => dialog.open).toBe(true)
    expect(dialog.matches(':modal')).toBe(true)
    expect(document.activeElement).toBe(byText(en.cancel))
  })

  it('confirms with the confirm button and returns focus to the opener', async () => {
    const onCancel = vi.fn()
    const onConfirm = vi.fn()
    const { screen, dialog } = await openDialog({ onCancel, onConfirm })
    await userEvent.click(screen.getByRole('button', { name: en.confirmEnableAction }))
    expect(dialog.open).toBe(false)
    expect(onConfirm).toHaveBeenCalledTimes(1)
    expect(onCancel).not.toHaveBeenCalled()
    await expect.element(screen.getByRole('button', { name: 'Change model training' })).toHaveFocus()
  })

  it('makes the page behind inert: it cannot be focused or hit', async () => {
    await openDialog()
    const outside = byText('Somewhere else')
    outside.focus()
    expect(document.activeElement).not.toBe(outside)
    const box = outside.getBoundingClientRect()
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    expect(outside.contains(hit)).toBe(false)
  })

  it('stops the page from scrolling while open, and restores the previous value', async () => {
    document.documentElement.style.overflow = 'auto'
    const { screen } = await openDialog()
    expect(getComputedStyle(document.documentElement).overflow).toBe('hidden')
    await userEvent.click(screen.getByRole('button', { name: en.cancel }))
    expect(document.documentElement.style.overflow).toBe('auto')
  })

  it('has no axe violations while open, in light and dark', async () => {
    const { dialog } = await openDialog()
    for (const theme of ['light', 'dark']) {
      document.documentElement.dataset.theme = theme
      const results = await axe.run(dialog, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa'] },
      })
      expect(results.violations.map(({ id, nodes }) => `${theme}: ${id} ${nodes.length}`)).toEqual([])
    }
    delete document.documentElement.dataset.theme
  })
})
