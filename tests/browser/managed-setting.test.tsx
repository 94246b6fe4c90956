import { ModelImprovementSetting } from '@model-consent/react'
import { describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../../packages/react/src/styles.css'
import { violations } from '../support/browser-a11y'

const TITLE = 'Improve the model for everyone'

describe('A managed ModelImprovementSetting in Chromium', () => {
  it('is reached with Tab, says why it is off, and Space, Enter and clicks change nothing', async () => {
    const onConsentChange = vi.fn()
    await render(
      <>
        <button type="button">Before</button>
        <ModelImprovementSetting managed={{ 'improve-model': { value: false, reason: 'organization' } }} onConsentChange={onConsentChange} />
      </>,
    )
    const control = page.getByRole('switch', { name: TITLE })
    page.getByRole('button', { name: 'Before' }).element().focus()
    await userEvent.tab()
    await expect.element(control).toHaveFocus()
    await expect.element(control).toHaveAttribute('aria-disabled', 'true')
    await expect.element(control).not.toHaveAttribute('disabled')
    await expect.element(control).toHaveAccessibleDescription(expect.stringContaining('Your organization has turned this off.'))
    await userEvent.keyboard(' ')
    await userEvent.keyboard('{Enter}')
    await control.click({ force: true })
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument()
    await expect.element(control).toHaveAttribute('aria-checked', 'false')
    expect(onConsentChange).not.toHaveBeenCalled()
    // The recordings switches stay in the Tab order too, held off for the same reason.
    await userEvent.tab()
    await userEvent.tab()
    await expect.element(page.getByRole('switch', { name: 'Include audio recordings' })).toHaveFocus()
    expect(await violations()).toEqual([])
  })
})
