/**
 * A press on another switch of the setting while a change is still being saved. In controlled
 * mode the next value is built from `value`, which does not show the change in flight yet: a
 * second change made then would ask the parent to save the old state of the first one.
 */
import { createConsentStore } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { heldStorage } from '../../support/held-storage'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => screen.getByRole('switch', { name: TITLE })
const audioSwitch = () => screen.getByRole('switch', { name: 'Include audio recordings' })
const videoSwitch = () => screen.getByRole('switch', { name: 'Include video recordings' })

/** A parent that saves slowly: each save resolves when the test says so, then shows the value. */
function slowParent(initial: Record<string, boolean>) {
  const calls: Array<Record<string, boolean>> = []
  const settle: Array<() => void> = []
  function Parent() {
    const [value, setValue] = useState(initial)
    return (
      <ModelImprovementSetting
        value={value}
        confirm="never"
        onValueChange={(next) => {
          calls.push(next)
          return new Promise<void>((resolve) =>
            settle.push(() => {
              setValue(next)
              resolve()
            }),
          )
        }}
      />
    )
  }
  return { Parent, calls, settle }
}

describe('ModelImprovementSetting, a press on another switch while a change is saving', () => {
  describe('when controlled', () => {
    it('never asks the parent to turn the main setting back on while its withdrawal is saving', async () => {
      const user = userEvent.setup()
      const { Parent, calls, settle } = slowParent({ 'improve-model': true })
      render(<Parent />)
      await user.click(mainSwitch())
      expect(calls).toEqual([{ 'improve-model': false, 'include-audio': false, 'include-video': false }])
      await user.click(audioSwitch())
      // Whatever the setting does with the press, it must not carry the old "on" back to the parent.
      expect(calls.slice(1).filter((next) => next['improve-model'] === true)).toEqual([])
      expect(screen.getByRole('status')).toHaveTextContent('Please wait. We are still saving your last choice.')
      for (const done of settle) await act(async () => done())
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
    })

    it('does not drop a recordings opt-in that is still saving when the other one is pressed', async () => {
      const user = userEvent.setup()
      const { Parent, calls, settle } = slowParent({ 'improve-model': true })
      render(<Parent />)
      await user.click(audioSwitch())
      expect(calls).toEqual([{ 'improve-model': true, 'include-audio': true }])
      await user.click(videoSwitch())
      // A later save without include-audio would undo the audio opt-in the person just made.
      expect(calls.slice(1).filter((next) => next['include-audio'] !== true)).toEqual([])
      expect(screen.getByRole('status')).toHaveTextContent('Please wait. We are still saving your last choice.')
      for (const done of settle) await act(async () => done())
      expect(audioSwitch()).toHaveAttribute('aria-checked', 'true')
    })

    it('still takes a withdrawal of the main setting while a recordings opt-in is saving', async () => {
      const user = userEvent.setup()
      const { Parent, calls, settle } = slowParent({ 'improve-model': true })
      render(<Parent />)
      await user.click(audioSwitch())
      // Withdrawing is never harder than agreeing: no "please wait" for turning everything off.
      await user.click(mainSwitch())
      expect(calls).toEqual([
        { 'improve-model': true, 'include-audio': true },
        { 'improve-model': false, 'include-audio': false, 'include-video': false },
      ])
      expect(screen.getByRole('status')).not.toHaveTextContent('Please wait')
      for (const done of settle) await act(async () => done())
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
    })
  })

  describe('with a store', () => {
    it('still takes a withdrawal of the main setting while a recordings opt-in is saving', async () => {
      const user = userEvent.setup()
      const { storage, saves } = heldStorage()
      const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
      await store.ready
      const opted = store.set('improve-model', true)
      saves[0]!.resolve()
      await opted
      render(<ModelImprovementSetting store={store} confirm="never" />)
      await user.click(audioSwitch())
      await user.click(mainSwitch())
      expect(screen.getByRole('status')).not.toHaveTextContent('Please wait')
      for (let i = 1; i < 4 && saves[i]; i++) await act(async () => saves[i]!.resolve())
      expect(store.getSetting('improve-model').value).toBe(false)
      expect(store.getSetting('include-audio').value).toBe(false)
    })

    it('says to wait instead of offering a recordings opt-in that the withdrawal in flight will refuse', async () => {
      const user = userEvent.setup()
      const { storage, saves } = heldStorage()
      const onError = vi.fn()
      const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
      await store.ready
      const opted = store.set('improve-model', true)
      saves[0]!.resolve()
      await opted
      render(<ModelImprovementSetting store={store} confirm="never" onError={onError} />)
      await user.click(mainSwitch())
      await user.click(audioSwitch())
      expect(screen.getByRole('status')).toHaveTextContent('Please wait. We are still saving your last choice.')
      for (const save of saves.slice(1)) await act(async () => save.resolve())
      expect(onError).not.toHaveBeenCalled()
      expect(store.getSetting('improve-model').value).toBe(false)
      expect(store.getSetting('include-audio').value).toBe(false)
    })
  })
})
