/**
 * A double click (or double tap) on a switch whose confirmation opens right under the pointer:
 * the first click opens the dialog, the second lands on its confirm button. The person never saw
 * the question, so that second click is not a decision: the dialog stays open and nothing changes.
 */
import { ModelImprovementSetting } from '@model-consent/react'
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../../packages/react/src/styles.css'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => page.getByRole('switch', { name: TITLE })
const center = (element: Element) => {
  const box = element.getBoundingClientRect()
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
}

/** Moves the setting so that its main switch sits exactly where the confirm button will appear. */
async function switchUnderTheConfirmButton() {
  await mainSwitch().click()
  const confirm = center(page.getByRole('button', { name: 'Turn on' }).element())
  await userEvent.keyboard('{Escape}')
  await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument()
  const from = center(mainSwitch().element())
  const root = document.querySelector<HTMLElement>('[data-slot="setting"]')!
  root.style.left = `${confirm.x - from.x}px`
  root.style.top = `${confirm.y - from.y}px`
  expect(center(mainSwitch().element())).toEqual(confirm)
}

describe('a double click that opens the confirmation', () => {
  it('does not confirm with its second click', async () => {
    await page.viewport(390, 844)
    const events: unknown[] = []
    await render(<ModelImprovementSetting onConsentChange={(event) => events.push(event)} style={{ position: 'relative' }} />)
    await switchUnderTheConfirmButton()
    await userEvent.dblClick(mainSwitch())
    const dialog = page.getByRole('alertdialog', { name: 'Turn on model training?' })
    await expect.element(dialog).toBeVisible()
    expect(mainSwitch().element()).toHaveAttribute('aria-checked', 'false')
    expect(events).toEqual([])
    // A click of its own on the button is a decision.
    await page.getByRole('button', { name: 'Turn on' }).click()
    await expect.element(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    expect(events).toHaveLength(1)
  })
})
