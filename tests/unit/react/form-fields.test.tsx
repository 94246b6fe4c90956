import { ConsentSwitch, ModelImprovementSetting } from '@model-consent/react'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef } from 'react'
import { Controller, useForm } from 'react-hook-form'
import '../../support/resize-observer'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => screen.getByRole('switch', { name: TITLE })
const entries = (form: HTMLElement) => [...new FormData(form as HTMLFormElement).entries()]

describe('ModelImprovementSetting as a form field', () => {
  it('submits every shown setting as name[setting-id] = "true" | "false", off included', () => {
    render(
      <form aria-label="settings">
        <ModelImprovementSetting name="consent" value={{ 'improve-model': true, 'include-video': true }} onValueChange={() => {}} />
      </form>,
    )
    expect(entries(screen.getByRole('form', { name: 'settings' }))).toEqual([
      ['consent[improve-model]', 'true'],
      ['consent[include-audio]', 'false'],
      ['consent[include-video]', 'true'],
    ])
  })

  it('follows the person’s changes in a native form submit (uncontrolled)', async () => {
    const user = userEvent.setup()
    let submitted: [string, FormDataEntryValue][] = []
    render(
      <form
        aria-label="settings"
        onSubmit={(event) => {
          event.preventDefault()
          submitted = [...new FormData(event.currentTarget).entries()]
        }}
      >
        <ModelImprovementSetting name="consent" media={['audio']} confirm="never" />
        <button type="submit">Save</button>
      </form>,
    )
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(submitted).toEqual([
      ['consent[improve-model]', 'false'],
      ['consent[include-audio]', 'false'],
    ])
    await user.click(mainSwitch())
    await waitFor(() => expect(mainSwitch()).toHaveAttribute('aria-checked', 'true'))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(submitted).toEqual([
      ['consent[improve-model]', 'true'],
      ['consent[include-audio]', 'false'],
    ])
  })

  it('submits a recordings opt-in as off while the main setting is off, and nothing while loading', () => {
    const { rerender } = render(
      <form aria-label="settings">
        <ModelImprovementSetting name="c" media={['video']} value={{ 'include-video': true }} onValueChange={() => {}} />
      </form>,
    )
    const form = screen.getByRole('form', { name: 'settings' })
    expect(entries(form)).toEqual([
      ['c[improve-model]', 'false'],
      ['c[include-video]', 'false'],
    ])
    rerender(
      <form aria-label="settings">
        <ModelImprovementSetting name="c" media={['video']} value={null} onValueChange={() => {}} />
      </form>,
    )
    expect(entries(form)).toEqual([])
  })

  it('submits nothing without a name', () => {
    render(
      <form aria-label="settings">
        <ModelImprovementSetting value={{ 'improve-model': true }} onValueChange={() => {}} />
      </form>,
    )
    expect(entries(screen.getByRole('form', { name: 'settings' }))).toEqual([])
  })

  it('forwards ref to its root, whose focus() focuses the main switch', () => {
    const ref = createRef<HTMLDivElement>()
    render(<ModelImprovementSetting ref={ref} />)
    expect(ref.current).toBeInstanceOf(HTMLDivElement)
    expect(ref.current).toHaveAttribute('data-slot', 'setting')
    ref.current!.focus()
    expect(mainSwitch()).toHaveFocus()
  })
})

describe('ModelImprovementSetting in a react-hook-form Controller', () => {
  type Values = { consent: Record<string, boolean> }

  function SettingsForm({ onValid }: { onValid: (values: Values) => void }) {
    const { control, handleSubmit, setFocus, formState } = useForm<Values>({ defaultValues: { consent: {} } })
    return (
      <form onSubmit={handleSubmit(onValid)}>
        <Controller
          name="consent"
          control={control}
          rules={{ validate: (value) => value['improve-model'] !== undefined || 'Choose on or off' }}
          render={({ field }) => (
            <ModelImprovementSetting
              ref={field.ref}
              name={field.name}
              value={field.value}
              onValueChange={field.onChange}
              onBlur={field.onBlur}
              confirm="never"
            />
          )}
        />
        {formState.errors.consent ? <p role="alert">{String(formState.errors.consent.message)}</p> : null}
        <button type="submit">Save</button>
        <button type="button" onClick={() => setFocus('consent')}>
          Go to the setting
        </button>
      </form>
    )
  }

  it('keeps the form value, submits it, and is focused by setFocus and on a validation error', async () => {
    const user = userEvent.setup()
    const onValid = vi.fn()
    render(<SettingsForm onValid={onValid} />)
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose on or off')
    expect(mainSwitch()).toHaveFocus()
    expect(onValid).not.toHaveBeenCalled()

    await user.click(screen.getByRole('button', { name: 'Go to the setting' }))
    expect(mainSwitch()).toHaveFocus()
    await user.keyboard(' ')
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(onValid).toHaveBeenCalledTimes(1))
    expect(onValid.mock.calls[0]![0]).toEqual({ consent: { 'improve-model': true } })
  })
})

describe('ConsentSwitch in a form', () => {
  it('keeps Radix name, value and required', async () => {
    const user = userEvent.setup()
    render(
      <form aria-label="f">
        <label htmlFor="s">Share</label>
        <ConsentSwitch id="s" name="share" value="yes" required />
      </form>,
    )
    const form = screen.getByRole('form', { name: 'f' }) as HTMLFormElement
    await waitFor(() => expect(form.querySelector('input[name="share"]')).not.toBeNull())
    expect(entries(form)).toEqual([])
    expect(form.checkValidity()).toBe(false)
    await user.click(screen.getByRole('switch', { name: 'Share' }))
    expect(entries(form)).toEqual([['share', 'yes']])
    expect(form.checkValidity()).toBe(true)
  })
})
