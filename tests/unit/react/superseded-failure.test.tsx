/**
 * A recordings opt-in that failed to save, followed by turning the main setting off. The
 * withdrawal turns the recordings off too, so the failed opt-in has nothing left to try: its
 * alert must go, and nothing may ask for the recording to be on while the main setting is off
 * (such a record would turn the recording on by itself when the main setting comes back on).
 */
import { createConsentStore, type ConsentStorage } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => screen.getByRole('switch', { name: TITLE })
const audioSwitch = () => screen.getByRole('switch', { name: 'Include audio recordings' })
const settle = () => act(async () => {})

/**
 * Audio's opt-in fails (saves fail until `recover` is called); the main setting is then turned
 * off (saves work again): the failed opt-in's alert goes. Turning the main setting on again
 * brings back neither the recording nor the old alert.
 */
async function failThenWithdraw(recover: () => void) {
  const user = userEvent.setup()
  await user.click(audioSwitch())
  await settle()
  expect(screen.getByRole('alert')).toHaveTextContent("We couldn't save your choice. It is still off.")
  recover()
  await user.click(mainSwitch())
  await settle()
  expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  await user.click(mainSwitch())
  await settle()
  expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
  expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
}

describe('ModelImprovementSetting, a failed recordings opt-in, then the main setting turned off', () => {
  it('when controlled: the alert goes, and the parent is never asked for a recording without the main setting', async () => {
    const calls: Array<Record<string, boolean>> = []
    let failing = true
    function Parent() {
      const [value, setValue] = useState<Record<string, boolean>>({ 'improve-model': true })
      return (
        <ModelImprovementSetting
          value={value}
          confirm="never"
          onError={() => {}}
          onValueChange={async (next) => {
            calls.push(next)
            if (failing) throw new Error('offline')
            setValue(next)
          }}
        />
      )
    }
    render(<Parent />)
    await failThenWithdraw(() => (failing = false))
    expect(calls.filter((next) => next['include-audio'] === true && next['improve-model'] !== true)).toEqual([])
  })

  it('with a store: the alert goes instead of leaving a Try again that can never work', async () => {
    let failing = false
    const storage: ConsentStorage = {
      load: () => null,
      save: () => (failing ? Promise.reject(new Error('offline')) : Promise.resolve()),
    }
    const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
    await store.ready
    await store.set('improve-model', true)
    render(<ModelImprovementSetting store={store} confirm="never" onError={() => {}} />)
    failing = true
    await failThenWithdraw(() => (failing = false))
  })
})
