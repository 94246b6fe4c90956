/**
 * The failed-save alert can go away without a press on Try again: the choice arrived from another
 * tab or device. When focus was on Try again, it must not fall to <body> (WCAG 2.4.3): it goes to
 * the main switch.
 */
import { createConsentStore, type ConsentStorage, type StoredConsent } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../../packages/react/src/styles.css'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => page.getByRole('switch', { name: TITLE })
const decision = (value: boolean, decidedAt: string) => ({ value, decidedAt, policyVersion: 'v1', source: 'user' }) as const

describe('the failed-save alert going away by itself', () => {
  it('hands focus from Try again to the switch when the choice arrives from another tab', async () => {
    let data: StoredConsent = { formatVersion: 1, decisions: { 'improve-model': decision(true, '2026-11-26T10:00:00.000Z') } }
    let failing = false
    let notify: (data: unknown) => void = () => {}
    const storage: ConsentStorage = {
      load: () => data,
      save: (next) => (failing ? Promise.reject(new Error('offline')) : Promise.resolve(void (data = next))),
      subscribe: (onExternalChange) => {
        notify = onExternalChange
        return () => {}
      },
    }
    const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
    await store.ready
    await render(<ModelImprovementSetting store={store} onError={() => {}} />)
    failing = true
    await mainSwitch().click()
    const retry = page.getByRole('button', { name: 'Try again' })
    await expect.element(retry).toBeVisible()
    ;(retry.element() as HTMLElement).focus()
    failing = false
    // Another tab saves the same withdrawal.
    data = { formatVersion: 1, decisions: { 'improve-model': decision(false, new Date(Date.now() + 1000).toISOString()) } }
    notify(data)
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument()
    await expect.element(mainSwitch()).toHaveAttribute('aria-checked', 'false')
    expect(document.activeElement).toBe(mainSwitch().element())
    // And the keyboard goes on from there.
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement).toHaveAccessibleName('What does this mean?')
  })
})
