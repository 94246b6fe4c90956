import { createConsentStore, memoryStorage } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { ar } from '@model-consent/react/locales/ar'
import { afterEach, describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../../packages/react/src/styles.css'
import { heldStorage } from '../support/held-storage'
import { emulate, violations } from '../support/browser-a11y'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => page.getByRole('switch', { name: TITLE })

afterEach(async () => {
  await emulate([])
})

describe('ModelImprovementSetting in Chromium', () => {
  it('has no axe violations off, on, and with the details open', async () => {
    const screen = await render(<ModelImprovementSetting confirm="never" />)
    expect(await violations()).toEqual([])
    await mainSwitch().click()
    await expect.element(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    await screen.getByRole('button', { name: 'What does this mean?' }).click()
    expect(await violations()).toEqual([])
  })

  it('confirms with a real modal dialog: focus on Cancel, Escape cancels, focus returns to the switch', async () => {
    await render(<ModelImprovementSetting />)
    await mainSwitch().click()
    const dialog = page.getByRole('alertdialog', { name: 'Turn on model training?' })
    await expect.element(dialog).toBeVisible()
    expect((dialog.element() as HTMLDialogElement).matches(':modal')).toBe(true)
    expect(document.activeElement).toHaveAccessibleName('Cancel')
    expect(await violations()).toEqual([])
    await userEvent.keyboard('{Escape}')
    await expect.element(dialog).not.toBeInTheDocument()
    expect(document.activeElement).toBe(mainSwitch().element())
    await expect.element(mainSwitch()).toHaveAttribute('aria-checked', 'false')
  })

  it('turns on from the keyboard alone, through the dialog', async () => {
    await render(<ModelImprovementSetting />)
    ;(mainSwitch().element() as HTMLElement).focus()
    await userEvent.keyboard(' ')
    await expect.element(page.getByRole('alertdialog')).toBeVisible()
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement).toHaveAccessibleName('Turn on')
    await userEvent.keyboard('{Enter}')
    await expect.element(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    expect(document.activeElement).toBe(mainSwitch().element())
  })

  it('has no axe violations while pending and after a failed save', async () => {
    const { storage, saves } = heldStorage()
    const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
    await store.ready
    await render(<ModelImprovementSetting store={store} confirm="never" />)
    await mainSwitch().click()
    await expect.element(mainSwitch()).toHaveAttribute('aria-busy', 'true')
    await expect.element(page.getByRole('status')).toHaveTextContent('Saving your choice…')
    expect(await violations()).toEqual([])
    saves[0]!.reject(new Error('offline'))
    await expect.element(page.getByRole('alert')).toHaveTextContent("We couldn't save your choice. It is still off.")
    expect(await violations()).toEqual([])
  })

  it('has no axe violations with the re-consent notice', async () => {
    const storage = memoryStorage({
      formatVersion: 1,
      decisions: { 'improve-model': { value: true, decidedAt: '2026-01-05T09:00:00.000Z', policyVersion: 'v1', source: 'user' } },
    })
    const store = createConsentStore({ policyVersion: 'v2', storage })
    await store.ready
    await render(<ModelImprovementSetting store={store} />)
    await expect.element(page.getByText(/policy has changed/)).toBeVisible()
    expect(await violations()).toEqual([])
  })

  it('has no axe violations in the dark theme, by data-theme and by media query', async () => {
    await render(<ModelImprovementSetting data-theme="dark" defaultValue={{ 'improve-model': true }} />)
    await expect.element(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    expect(await violations()).toEqual([])
    await emulate([{ name: 'prefers-color-scheme', value: 'dark' }])
    expect(await violations()).toEqual([])
  })

  it('mirrors in Arabic (rtl): thumb at the inline end when on, axe clean', async () => {
    await render(<ModelImprovementSetting locale={ar} confirm="never" />)
    const main = page.getByRole('switch').first()
    const root = document.querySelector('[data-slot="setting"]') as HTMLElement
    expect(getComputedStyle(root).direction).toBe('rtl')
    const track = () => main.element().querySelector('[data-slot="switch-track"]')!.getBoundingClientRect()
    const thumb = () => main.element().querySelector('[data-slot="switch-thumb"]')!.getBoundingClientRect()
    const offThumb = thumb()
    expect(offThumb.right).toBeGreaterThan(track().left + track().width / 2) // starts on the right in RTL
    await main.click()
    await expect.element(main).toHaveAttribute('aria-checked', 'true')
    await new Promise((r) => setTimeout(r, 400))
    expect(thumb().left).toBeLessThan(track().left + track().width / 2) // moves left when on
    expect(await violations()).toEqual([])
  })

  it('gives every switch a pointer target of at least 44×44 CSS px', async () => {
    await render(<ModelImprovementSetting defaultValue={{ 'improve-model': true }} />)
    await expect.element(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    for (const element of document.querySelectorAll('[role="switch"]')) {
      const box = element.getBoundingClientRect()
      expect(box.width).toBeGreaterThanOrEqual(44)
      expect(box.height).toBeGreaterThanOrEqual(44)
    }
  })

  it('keeps the switch state visible in forced-colours mode', async () => {
    await emulate([{ name: 'forced-colors', value: 'active' }])
    await render(<ModelImprovementSetting defaultValue={{ 'improve-model': true }} />)
    await expect.element(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    const track = mainSwitch().element().querySelector('[data-slot="switch-track"]') as HTMLElement
    const style = getComputedStyle(track)
    expect(style.borderStyle).not.toBe('none')
    expect(style.borderTopWidth).not.toBe('0px')
  })

  it('works at 400 % zoom (320 CSS px wide) without horizontal scrolling', async () => {
    await page.viewport(320, 640)
    await render(<ModelImprovementSetting defaultValue={{ 'improve-model': true }} learnMoreHref="/privacy" />)
    await expect.element(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    const root = document.querySelector('[data-slot="setting"]') as HTMLElement
    expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth + 1)
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320)
  })
})
