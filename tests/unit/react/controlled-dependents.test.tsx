/**
 * Controlled mode, with a `value` that holds a recordings opt-in under a main setting that is off
 * (written by another client that does not cascade, an older record, form defaults). The setting
 * shows that recording off, as it does not count. Turning the main setting on must not turn it on
 * too: "turning one on never turns a dependent on", the store's rule; each recording needs its own
 * opt-in, with its own confirmation.
 */
import type { ConsentChangeEvent } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => screen.getByRole('switch', { name: TITLE })
const audioSwitch = () => screen.getByRole('switch', { name: 'Include audio recordings' })

describe('ModelImprovementSetting, controlled, a recording left on under a main setting that is off', () => {
  it('stays off when the person turns the main setting on', async () => {
    const user = userEvent.setup()
    const asked: Array<Record<string, boolean>> = []
    const events: ConsentChangeEvent[] = []
    function Parent() {
      const [value, setValue] = useState<Record<string, boolean>>({ 'improve-model': false, 'include-audio': true })
      return (
        <ModelImprovementSetting
          value={value}
          onValueChange={(next) => {
            asked.push(next)
            setValue(next)
          }}
          onConsentChange={(event) => events.push(event)}
        />
      )
    }
    render(<Parent />)
    expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
    await user.click(mainSwitch())
    await user.click(screen.getByRole('button', { name: 'Turn on' }))
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
    expect(asked.map((next) => next['include-audio'] === true)).toEqual([false])
    expect(events.map((event) => [event.setting, event.value])).toEqual([['improve-model', true]])
  })

  it('does not ask for a recording confirmed after the main setting went off meanwhile', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    const onError = vi.fn()
    const props = { onValueChange, onError }
    const { rerender } = render(<ModelImprovementSetting value={{ 'improve-model': true }} {...props} />)
    await user.click(audioSwitch())
    expect(screen.getByRole('alertdialog', { name: 'Include audio recordings?' })).toBeInTheDocument()
    // Another device turned the main setting off while the confirmation was open.
    rerender(<ModelImprovementSetting value={{ 'improve-model': false }} {...props} />)
    await user.click(screen.getByRole('button', { name: 'Turn on' }))
    expect(onValueChange).not.toHaveBeenCalled()
    // Refused as a store refuses it, and reported.
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'requirement-off', setting: 'include-audio' }))
    expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
  })
})
