import { ModelImprovementSetting } from '@model-consent/react'
import axe from 'axe-core'
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { Controller, useForm } from 'react-hook-form'
import '../../packages/react/src/styles.css'

const TITLE = 'Improve the model for everyone'
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const mainSwitch = () => page.getByRole('switch', { name: TITLE })

describe('server-backed ModelImprovementSetting in Chromium', () => {
  it('while loading: no axe violations, switches out of the tab order, the status said politely', async () => {
    await render(
      <>
        <button type="button">Before</button>
        <ModelImprovementSetting value={null} onValueChange={() => {}} />
      </>,
    )
    const results = await axe.run(document.body, { runOnly: { type: 'tag', values: TAGS } })
    expect(results.violations.map((v) => v.id)).toEqual([])
    await expect.element(page.getByRole('status')).toHaveTextContent('Loading your choice…')
    await page.getByRole('button', { name: 'Before' }).click()
    await userEvent.tab()
    // The busy switches cannot be reached; the next stop is the explainer's disclosure button.
    await expect.element(page.getByRole('button', { name: 'What does this mean?' })).toHaveFocus()
  })

  it('submits the whole choice in a real form post, off included', async () => {
    let sent: string[] = []
    await render(
      <form
        onSubmit={(event) => {
          event.preventDefault()
          sent = [...new FormData(event.currentTarget).entries()].map(([k, v]) => `${k}=${String(v)}`)
        }}
      >
        <ModelImprovementSetting name="consent" confirm="never" />
        <button type="submit">Save</button>
      </form>,
    )
    await mainSwitch().click()
    await expect.element(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    await page.getByRole('button', { name: 'Save' }).click()
    expect(sent).toEqual(['consent[improve-model]=true', 'consent[include-audio]=false', 'consent[include-video]=false'])
  })

  it('takes focus from react-hook-form on a validation error, through its ref', async () => {
    function SettingsForm() {
      const { control, handleSubmit } = useForm({ defaultValues: { consent: {} as Record<string, boolean> } })
      return (
        <form onSubmit={handleSubmit(() => {})}>
          <Controller
            name="consent"
            control={control}
            rules={{ validate: (value) => value['improve-model'] !== undefined }}
            render={({ field }) => (
              <ModelImprovementSetting ref={field.ref} name={field.name} value={field.value} onValueChange={field.onChange} onBlur={field.onBlur} />
            )}
          />
          <button type="submit">Save</button>
        </form>
      )
    }
    await render(<SettingsForm />)
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.element(mainSwitch()).toHaveFocus()
  })
})
