import { ModelImprovementSetting } from '@model-consent/react'
import axe from 'axe-core'
import { describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../../packages/react/src/styles.css'

const TITLE = 'Improve the model for everyone'
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

async function violations(root: Element = document.body) {
  const results = await axe.run(root, {
    runOnly: { type: 'tag', values: TAGS },
    rules: { 'color-contrast-enhanced': { enabled: true } },
  })
  return results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

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
