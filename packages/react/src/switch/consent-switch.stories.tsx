import type { Meta, StoryObj } from '@storybook/react-vite'
import { useId, type ComponentProps, type FormEvent } from 'react'
import { expect, fn, userEvent, within } from 'storybook/test'
import { resolveMessages } from '../messages'
import { ConsentSwitch } from './consent-switch'

/**
 * The bare switch. It has no name of its own, so every story gives it a visible `<label>`,
 * as an app must.
 */
const meta = {
  title: 'Components/ConsentSwitch',
  component: ConsentSwitch,
  tags: ['autodocs'],
  args: { onCheckedChange: fn(), stateText: true },
  render: function LabelledSwitch(args, { globals }) {
    const id = useId()
    const locale = String(globals.locale ?? 'en')
    return (
      <div style={{ display: 'flex', alignItems: 'center', gap: '1rem', flexWrap: 'wrap' }}>
        <label htmlFor={id} style={{ fontWeight: 600 }}>
          {resolveMessages(locale).title}
        </label>
        <ConsentSwitch id={id} locale={locale} {...args} />
      </div>
    )
  },
} satisfies Meta<typeof ConsentSwitch>

export default meta
type Story = StoryObj<typeof meta>

/** Off: privacy by default. Space and Enter toggle it; the name stays the label in every state. */
export const Off: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const control = canvas.getByRole('switch', { name: 'Improve the model for everyone' })
    await expect(control).toHaveAttribute('aria-checked', 'false')
    await expect(control).toHaveAttribute('data-state', 'unchecked')
    await userEvent.tab()
    await expect(control).toHaveFocus()
    await userEvent.keyboard(' ')
    await expect(args.onCheckedChange).toHaveBeenLastCalledWith(true)
    await expect(control).toHaveAttribute('aria-checked', 'true')
    await userEvent.keyboard('{Enter}')
    await expect(args.onCheckedChange).toHaveBeenLastCalledWith(false)
    // The accessible name never changes with the state.
    await expect(control).toHaveAccessibleName('Improve the model for everyone')
  },
}

/** On. */
export const On: Story = {
  args: { defaultChecked: true },
  play: async ({ canvasElement }) => {
    const control = within(canvasElement).getByRole('switch')
    await expect(control).toBeChecked()
    await expect(control).toHaveAccessibleName('Improve the model for everyone')
  },
}

/** Disabled: not focusable, not toggleable. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement, args }) => {
    const control = within(canvasElement).getByRole('switch')
    await expect(control).toBeDisabled()
    await userEvent.click(control)
    await expect(args.onCheckedChange).not.toHaveBeenCalled()
  },
}

/** Disabled while on. */
export const DisabledOn: Story = {
  args: { disabled: true, defaultChecked: true },
}

/** Pending: a save is in flight. Focusable, `aria-busy`, ignores toggles; the thumb turns into a spinner. */
export const Pending: Story = {
  args: { pending: true, defaultChecked: true },
  play: async ({ canvasElement, args }) => {
    const control = within(canvasElement).getByRole('switch')
    await expect(control).toHaveAttribute('aria-busy', 'true')
    await expect(control).toHaveAttribute('data-pending')
    await userEvent.click(control)
    await expect(args.onCheckedChange).not.toHaveBeenCalled()
    await expect(control).toBeChecked()
  },
}

/**
 * Unavailable, with a reason: stays in the Tab order, `aria-disabled`, described by the reason it
 * shows, and ignores presses (for a setting that needs another one first, or is managed).
 */
export const Unavailable: Story = {
  args: { unavailableReason: 'Turn on Improve the model for everyone first.' },
  play: async ({ canvasElement, args }) => {
    const control = within(canvasElement).getByRole('switch')
    await expect(control).toHaveAttribute('aria-disabled', 'true')
    await expect(control).toHaveAccessibleDescription('Turn on Improve the model for everyone first.')
    await userEvent.tab()
    await expect(control).toHaveFocus()
    await userEvent.keyboard(' ')
    await userEvent.click(control)
    await expect(args.onCheckedChange).not.toHaveBeenCalled()
    await expect(control).not.toBeChecked()
  },
}

/** With the visible On/Off text, which is hidden from assistive technology (the role says it). */
export const WithStateText: Story = {
  args: { stateText: true },
  play: async ({ canvasElement }) => {
    const text = canvasElement.querySelector('[data-slot="switch-state"]')
    await expect(text).toHaveTextContent('Off')
    await expect(text).toHaveAttribute('aria-hidden', 'true')
  },
}

/** Without the state text: position and thumb size still show the state without colour. */
export const WithoutStateText: Story = {
  args: { stateText: false },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="switch-state"]')).toBeNull()
  },
}

type FormStoryArgs = ComponentProps<typeof ConsentSwitch> & {
  /** Called with the submitted form data. */
  onSubmit: (data: Record<string, FormDataEntryValue>) => void
}

/** In a form: the switch takes part in form submission under its `name`, like a checkbox. */
export const InAForm: StoryObj<FormStoryArgs> = {
  args: { name: 'improve-model', onSubmit: fn(), onCheckedChange: fn(), stateText: true },
  render: function SwitchInForm({ onSubmit, ...args }, { globals }) {
    const id = useId()
    const locale = String(globals.locale ?? 'en')
    const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault()
      onSubmit(Object.fromEntries(new FormData(event.currentTarget)))
    }
    return (
      <form onSubmit={handleSubmit} style={{ display: 'grid', gap: '1rem', justifyItems: 'start' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: '1rem' }}>
          <label htmlFor={id} style={{ fontWeight: 600 }}>
            {resolveMessages(locale).title}
          </label>
          <ConsentSwitch id={id} locale={locale} {...args} />
        </div>
        <button type="submit" className="story-button">
          Save settings
        </button>
      </form>
    )
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Save settings' }))
    await expect(args.onSubmit).toHaveBeenLastCalledWith({})
    await userEvent.click(canvas.getByRole('switch', { name: 'Improve the model for everyone' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Save settings' }))
    await expect(args.onSubmit).toHaveBeenLastCalledWith({ 'improve-model': 'on' })
  },
}
