/**
 * Controlled mode, two withdrawals saving at once: the audio opt-in turned off with a slow save,
 * then the main setting turned off (which turns audio off too). Audio goes off once, so it is
 * reported once, whichever save ends first, whether both end in one commit, and whichever fails.
 */
import type { ConsentChangeEvent } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => screen.getByRole('switch', { name: TITLE })
const audioSwitch = () => screen.getByRole('switch', { name: 'Include audio recordings' })

interface Save {
  readonly setting: string
  resolve(): void
  reject(): void
}

/**
 * A parent whose saves wait to be settled by the test, then show what each save changed (with
 * `omitOff`, a setting that is off is left out of `value`, as some servers send it).
 */
function setup(omitOff = false) {
  const saves: Save[] = []
  const events: string[] = []
  function Parent() {
    const [value, setValue] = useState<Record<string, boolean>>({ 'improve-model': true, 'include-audio': true })
    return (
      <ModelImprovementSetting
        value={value}
        confirm="never"
        onValueChange={(next, event) =>
          new Promise<void>((resolve, reject) => {
            saves.push({ setting: event.setting, resolve, reject: () => reject(new Error('offline')) })
          }).then(() =>
            // The server applies the change asked for: a main setting turned off turns everything off.
            setValue((old) => {
              const saved = event.setting === 'improve-model' ? next : { ...old, [event.setting]: event.value }
              return omitOff ? Object.fromEntries(Object.entries(saved).filter(([, on]) => on)) : saved
            }),
          )
        }
        onConsentChange={(event: ConsentChangeEvent) => events.push(`${event.setting}:${event.value}:${event.source}`)}
      />
    )
  }
  return { saves, events, Parent }
}

const settle = (step: () => void) => act(async () => step())

async function bothWithdrawals(omitOff = false) {
  const user = userEvent.setup()
  const world = setup(omitOff)
  render(<world.Parent />)
  await user.click(audioSwitch())
  await user.click(mainSwitch())
  expect(world.saves.map((save) => save.setting)).toEqual(['include-audio', 'improve-model'])
  const [audio, main] = world.saves as [Save, Save]
  return { ...world, audio, main }
}

const audioOff = (events: string[]) => events.filter((event) => event.startsWith('include-audio:false'))

describe('ModelImprovementSetting, controlled, audio and the main setting turned off while both save', () => {
  it('reports audio off once when the audio save ends first', async () => {
    const { audio, main, events } = await bothWithdrawals()
    await settle(audio.resolve)
    await settle(main.resolve)
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
    expect(audioOff(events)).toEqual(['include-audio:false:user'])
    expect(events).toEqual(['include-audio:false:user', 'improve-model:false:user'])
  })

  it.each([
    ['shows off settings as false', false],
    ['leaves off settings out', true],
  ])('reports audio off once when the main save ends first (a parent that %s)', async (_shape, omitOff) => {
    const { audio, main, events } = await bothWithdrawals(omitOff)
    await settle(main.resolve)
    await settle(audio.resolve)
    expect(audioOff(events)).toHaveLength(1)
    expect(events.filter((event) => event.startsWith('improve-model'))).toEqual(['improve-model:false:user'])
  })

  it('reports audio off once when both saves end in one commit', async () => {
    const { audio, main, events } = await bothWithdrawals()
    await settle(() => {
      main.resolve()
      audio.resolve()
    })
    expect(audioOff(events)).toHaveLength(1)
    expect(events.filter((event) => event.startsWith('improve-model'))).toEqual(['improve-model:false:user'])
  })

  it.each([
    ['before', false],
    ['after', true],
  ])('reports audio off once, by the cascade, when the audio save fails %s the main save ends', async (_when, mainFirst) => {
    const { audio, main, events } = await bothWithdrawals()
    if (mainFirst) await settle(main.resolve)
    await settle(audio.reject)
    if (!mainFirst) await settle(main.resolve)
    expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
    expect(events).toEqual(['improve-model:false:user', 'include-audio:false:cascade'])
    // Audio is off: nothing is left to try again.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('reports audio off once, by its own press, when the main save fails', async () => {
    const { audio, main, events } = await bothWithdrawals()
    await settle(main.reject)
    await settle(audio.resolve)
    expect(events).toEqual(['include-audio:false:user'])
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
  })

  it('reports audio off again after the parent turned it back on', async () => {
    const user = userEvent.setup()
    const events: string[] = []
    const props = { onValueChange: () => undefined, onConsentChange: (event: ConsentChangeEvent) => events.push(`${event.setting}:${event.value}`), confirm: 'never' } as const
    const { rerender } = render(<ModelImprovementSetting value={{ 'improve-model': true, 'include-audio': true }} {...props} />)
    await user.click(audioSwitch())
    rerender(<ModelImprovementSetting value={{ 'improve-model': true, 'include-audio': false }} {...props} />)
    // Another device turned audio on again; the person turns it off again.
    rerender(<ModelImprovementSetting value={{ 'improve-model': true, 'include-audio': true }} {...props} />)
    await user.click(audioSwitch())
    rerender(<ModelImprovementSetting value={{ 'improve-model': true, 'include-audio': false }} {...props} />)
    expect(events).toEqual(['include-audio:false', 'include-audio:false'])
  })
})
