import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { storyDirection } from '../../../../.storybook/decorators'
import { openDialog, overflowing, pressEscape } from '../../../../.storybook/interactions'
import {
  ControlledSetting,
  ReconsentSetting,
  StoreBackedSetting,
  type ServerArgs,
} from '../../../../.storybook/setting-harnesses'
import { locales } from '../locales'
import { de } from '../locales/de'
import { ModelImprovementSetting, type ModelImprovementSettingProps } from './model-improvement-setting'

const TITLE = 'Improve the model for everyone'

/** The `dir` to pass when the toolbar forces a direction (the setting otherwise follows its locale). */
const forcedDir = (globals: Record<string, unknown>) =>
  globals.dir === 'ltr' || globals.dir === 'rtl' ? { dir: storyDirection(globals) } : {}

/**
 * The composed setting apps embed. Every callback is an action: open the Actions panel to see
 * each `consent-change` payload, `onValueChange` request and reported error.
 */
const meta = {
  title: 'Components/ModelImprovementSetting',
  component: ModelImprovementSetting,
  tags: ['autodocs'],
  args: { onConsentChange: fn(), onError: fn(), learnMoreHref: '/privacy/model-training' },
  argTypes: {
    confirm: { control: 'inline-radio', options: ['enable', 'both', 'never'] },
    media: { control: 'check', options: ['audio', 'video'] },
  },
  render: (args, { globals }) => <ModelImprovementSetting {...args} {...forcedDir(globals)} />,
} satisfies Meta<typeof ModelImprovementSetting>

export default meta
type Story = StoryObj<typeof meta>
type ServerStory = StoryObj<ModelImprovementSettingProps & ServerArgs>

const serverArgTypes = {
  serverLatency: { control: { type: 'range', min: 0, max: 5000, step: 100 } },
  serverFailure: { control: 'inline-radio', options: ['never', 'always', 'first-save'] },
} as const

const mainSwitch = (canvasElement: HTMLElement) => within(canvasElement).getByRole('switch', { name: TITLE })
const userChanges = (mock: unknown) =>
  (mock as { mock: { calls: [{ source: string }][] } }).mock.calls.filter(([event]) => event.source === 'user')

// ---------- The three modes ----------

/** Uncontrolled: the decisions kept in memory by the component, everything off until the person turns it on. */
export const Default: Story = {}

/** Uncontrolled, starting on (`defaultValue`, recorded as an `api` decision). */
export const StartsOn: Story = {
  args: { defaultValue: { 'improve-model': true } },
}

/**
 * Store-backed, through a `ConsentProvider`. The store saves to a simulated server: raise the
 * latency to see the loading and saving states, or make saves fail to see the rollback.
 */
export const StoreBacked: ServerStory = {
  args: { serverLatency: 800, serverFailure: 'never' },
  argTypes: serverArgTypes,
  render: (args, { globals }) => <StoreBackedSetting {...args} {...forcedDir(globals)} />,
}

/**
 * Controlled: the app owns `value`; `onValueChange` returns the simulated server's promise.
 * The switch is busy until it settles; a failure keeps the old value and shows the alert.
 */
export const Controlled: ServerStory = {
  args: { serverLatency: 800, serverFailure: 'never', onValueChange: fn() },
  argTypes: serverArgTypes,
  render: (args, { globals }) => <ControlledSetting {...args} {...forcedDir(globals)} />,
}

// ---------- States ----------

/** Saving: the server has not answered yet. The switch is busy and a polite status says so. */
export const Saving: ServerStory = {
  ...Controlled,
  args: { serverLatency: 600_000, serverFailure: 'never', onValueChange: fn() },
  play: async ({ canvasElement }) => {
    await userEvent.click(mainSwitch(canvasElement))
    const dialog = await within(canvasElement).findByRole('alertdialog')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Turn on' }))
    await waitFor(() => expect(mainSwitch(canvasElement)).toHaveAttribute('aria-busy', 'true'))
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Saving your choice…')
    await expect(mainSwitch(canvasElement)).not.toBeChecked()
  },
}

/** A failed save: the switch shows what is saved, and an alert says so in plain words. */
export const SaveFailure: ServerStory = {
  ...Controlled,
  args: { serverLatency: 300, serverFailure: 'always', onValueChange: fn() },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(mainSwitch(canvasElement))
    const dialog = await within(canvasElement).findByRole('alertdialog')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Turn on' }))
    const alert = await within(canvasElement).findByRole('alert')
    await expect(alert).toHaveTextContent("We couldn't save your choice. It is still off.")
    await expect(mainSwitch(canvasElement)).not.toBeChecked()
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'save-failed' }))
    await expect(args.onConsentChange).not.toHaveBeenCalled()
  },
}

/** Re-consent: an opt-in made under an older policy lapsed; the notice asks the person to choose again. */
export const ReconsentNeeded: Story = {
  render: (args, { globals }) => <ReconsentSetting {...args} {...forcedDir(globals)} />,
  play: async ({ canvasElement, globals }) => {
    const notice = await waitFor(() => {
      const found = canvasElement.querySelector('[data-slot="reconsent-notice"]')
      expect(found).not.toBeNull()
      return found as HTMLElement
    })
    const control = mainSwitch(canvasElement)
    await expect(control).not.toBeChecked()
    await expect(control.getAttribute('aria-describedby')).toContain(notice.id)
    if (globals.locale === 'en') await expect(notice).toHaveTextContent('Our policy has changed')
  },
}

/** Without the audio and video opt-ins (`media={[]}`). */
export const MediaOptInsHidden: Story = {
  args: { media: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('group')).toBeNull()
    await expect(within(canvasElement).getAllByRole('switch')).toHaveLength(1)
  },
}

/** Every switch disabled (for example while the account is locked). */
export const Disabled: Story = {
  args: { disabled: true, defaultValue: { 'improve-model': true } },
}

// ---------- Confirmation policies ----------

/** `confirm: 'enable'` (default): asks before anything turns on; turning off is immediate. */
export const ConfirmEnable: Story = {
  args: { confirm: 'enable' },
}

/** `confirm: 'both'`: asks before turning on and before turning off, with equal weight. */
export const ConfirmBoth: Story = {
  args: { confirm: 'both', defaultValue: { 'improve-model': true } },
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(mainSwitch(canvasElement)).toBeChecked())
    await userEvent.click(mainSwitch(canvasElement))
    const dialog = await within(canvasElement).findByRole('alertdialog', { name: 'Turn off model training?' })
    await expect(mainSwitch(canvasElement)).toBeChecked()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Turn off' }))
    await waitFor(() => expect(mainSwitch(canvasElement)).not.toBeChecked())
    await expect(userChanges(args.onConsentChange)).toHaveLength(1)
  },
}

/** `confirm: 'never'`: changes apply at once, in both directions. */
export const ConfirmNever: Story = {
  args: { confirm: 'never' },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(mainSwitch(canvasElement))
    await expect(openDialog(canvasElement)).toBeNull()
    await waitFor(() => expect(mainSwitch(canvasElement)).toBeChecked())
    await expect(args.onConsentChange).toHaveBeenCalledWith(
      expect.objectContaining({ setting: 'improve-model', value: true, source: 'user' }),
    )
  },
}

// ---------- Flows (interaction tests) ----------

/** Turning on asks first; nothing changes and no event fires until the person confirms. */
export const EnableWithConfirmation: Story = {
  play: async ({ canvasElement, args, step }) => {
    const control = mainSwitch(canvasElement)
    await step('ask before turning on', async () => {
      await userEvent.click(control)
      const dialog = await within(canvasElement).findByRole('alertdialog', { name: 'Turn on model training?' })
      await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
      await expect(control).not.toBeChecked()
      await expect(args.onConsentChange).not.toHaveBeenCalled()
    })
    await step('confirm', async () => {
      const dialog = within(canvasElement).getByRole('alertdialog')
      await userEvent.click(within(dialog).getByRole('button', { name: 'Turn on' }))
      await waitFor(() => expect(control).toBeChecked())
      await expect(openDialog(canvasElement)).toBeNull()
      await expect(args.onConsentChange).toHaveBeenCalledTimes(1)
      await expect(args.onConsentChange).toHaveBeenCalledWith(
        expect.objectContaining({
          type: 'consent-change',
          setting: 'improve-model',
          value: true,
          previousValue: false,
          source: 'user',
        }),
      )
      await waitFor(() => expect(control).toHaveFocus())
    })
  },
}

/** Escape cancels: the setting stays off, no event fires, focus goes back to the switch. */
export const CancelWithEscape: Story = {
  play: async ({ canvasElement, args }) => {
    const control = mainSwitch(canvasElement)
    await userEvent.click(control)
    const dialog = (await within(canvasElement).findByRole('alertdialog')) as HTMLDialogElement
    await pressEscape(dialog)
    await waitFor(() => expect(openDialog(canvasElement)).toBeNull())
    await expect(control).not.toBeChecked()
    await expect(args.onConsentChange).not.toHaveBeenCalled()
    await waitFor(() => expect(control).toHaveFocus())
  },
}

/** Turning off is immediate with the default policy: withdrawing is never harder than agreeing. */
export const DisableImmediately: Story = {
  args: { defaultValue: { 'improve-model': true } },
  play: async ({ canvasElement, args }) => {
    const control = mainSwitch(canvasElement)
    await waitFor(() => expect(control).toBeChecked())
    await userEvent.click(control)
    await expect(openDialog(canvasElement)).toBeNull()
    await waitFor(() => expect(control).not.toBeChecked())
    await expect(args.onConsentChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ setting: 'improve-model', value: false, previousValue: true, source: 'user' }),
    )
  },
}

/**
 * The recordings opt-ins are off and unavailable until the main setting is on: still reachable by
 * Tab, `aria-disabled`, and described by "Turn on … first". Each asks on its own.
 */
export const NestedMediaEnabling: Story = {
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement)
    const audio = canvas.getByRole('switch', { name: 'Include audio recordings' })
    const video = canvas.getByRole('switch', { name: 'Include video recordings' })
    await expect(canvas.getByRole('group', { name: 'Recordings' })).toBeVisible()
    for (const media of [audio, video]) {
      await expect(media).toHaveAttribute('aria-disabled', 'true')
      await expect(media).toHaveAccessibleDescription('Turn on Improve the model for everyone first.')
    }
    await userEvent.click(audio)
    await expect(audio).not.toBeChecked()
    await expect(canvas.queryByRole('alertdialog')).toBeNull()

    await step('turn the main setting on', async () => {
      await userEvent.click(mainSwitch(canvasElement))
      const dialog = await canvas.findByRole('alertdialog', { name: 'Turn on model training?' })
      await userEvent.click(within(dialog).getByRole('button', { name: 'Turn on' }))
      await waitFor(() => expect(audio).not.toHaveAttribute('aria-disabled'))
      await expect(audio).not.toBeChecked()
    })
    await step('include audio, after its own confirmation', async () => {
      await userEvent.click(audio)
      const dialog = await canvas.findByRole('alertdialog', { name: 'Include audio recordings?' })
      await userEvent.click(within(dialog).getByRole('button', { name: 'Turn on' }))
      await waitFor(() => expect(audio).toBeChecked())
      await expect(video).not.toBeChecked()
      await expect(args.onConsentChange).toHaveBeenLastCalledWith(
        expect.objectContaining({ setting: 'include-audio', value: true, source: 'user' }),
      )
    })
    await step('turning the main setting off turns the recordings off too', async () => {
      await userEvent.click(mainSwitch(canvasElement))
      await waitFor(() => expect(mainSwitch(canvasElement)).not.toBeChecked())
      await expect(audio).not.toBeChecked()
      await expect(audio).toHaveAttribute('aria-disabled', 'true')
      await expect(args.onConsentChange).toHaveBeenCalledWith(
        expect.objectContaining({ setting: 'include-audio', value: false, source: 'cascade' }),
      )
    })
  },
}

/** The first save fails: the alert offers "Try again", which saves without asking twice. */
export const FailedSaveAndRetry: ServerStory = {
  ...Controlled,
  args: { serverLatency: 300, serverFailure: 'first-save', onValueChange: fn() },
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement)
    const control = mainSwitch(canvasElement)
    await step('the save fails', async () => {
      await userEvent.click(control)
      const dialog = await canvas.findByRole('alertdialog')
      await userEvent.click(within(dialog).getByRole('button', { name: 'Turn on' }))
      await waitFor(() => expect(control).toHaveAttribute('aria-busy', 'true'))
      const alert = await canvas.findByRole('alert')
      await expect(alert).toHaveTextContent("We couldn't save your choice. It is still off.")
      await expect(control).not.toBeChecked()
      await expect(args.onConsentChange).not.toHaveBeenCalled()
      await expect(args.onError).toHaveBeenCalledTimes(1)
    })
    await step('try again: the button keeps focus while it saves, then focus goes to the switch', async () => {
      const retry = canvas.getByRole('button', { name: 'Try again' })
      await userEvent.click(retry)
      await waitFor(() => expect(retry).toHaveAttribute('aria-disabled', 'true'))
      await expect(retry).toHaveFocus()
      await waitFor(() => expect(control).toBeChecked())
      await waitFor(() => expect(control).toHaveFocus())
      await expect(canvas.queryByRole('alert')).toBeNull()
      await expect(canvas.getByRole('status')).toHaveTextContent('Your choice is saved.')
      await expect(args.onValueChange).toHaveBeenCalledTimes(2)
      await expect(args.onConsentChange).toHaveBeenCalledTimes(1)
      await expect(args.onConsentChange).toHaveBeenCalledWith(
        expect.objectContaining({ setting: 'improve-model', value: true, source: 'user' }),
      )
    })
  },
}

// ---------- Themes, direction, languages ----------

/** Dark theme (also reachable from the toolbar), checked by axe with 7:1 text contrast. */
export const DarkTheme: Story = {
  args: { defaultValue: { 'improve-model': true, 'include-audio': true } },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    // The page behind is dark too, so axe measures contrast against the real background.
    const root = canvasElement.querySelector('[data-slot="setting"]') as HTMLElement
    await expect(getComputedStyle(root).backgroundColor).toBe('rgb(20, 22, 27)')
    await expect(getComputedStyle(root.closest('.mc-story-root') as HTMLElement).backgroundColor).toBe('rgb(20, 22, 27)')
  },
}

/** Arabic, right to left: mirrored layout, thumb at the inline end when on. */
export const RightToLeftArabic: Story = {
  args: { defaultValue: { 'improve-model': true } },
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('[data-slot="setting"]')
    await expect(root).toHaveAttribute('dir', 'rtl')
    await expect(root).toHaveAttribute('lang', 'ar')
  },
}

/** Every shipped locale side by side, each with its own `lang` and direction. */
export const EveryLocale: Story = {
  render: (args) => (
    <div className="story-grid">
      {Object.values(locales).map((locale) => (
        <ModelImprovementSetting key={locale.locale} {...args} locale={locale} />
      ))}
    </div>
  ),
}

/** Long translated strings in a narrow column: labels, summary and buttons wrap without clipping. */
export const LongTranslatedStrings: Story = {
  args: {
    locale: de,
    defaultValue: { 'improve-model': true },
    messages: {
      title: 'Das Sprachmodell mit meinen Unterhaltungen für alle Nutzerinnen und Nutzer verbessern',
      summaryOn:
        'Wir dürfen deine Unterhaltungen verwenden, um unsere Modelle zu trainieren und für alle Nutzerinnen und Nutzer zu verbessern.',
      detailsToggle: 'Was bedeutet diese Einstellung für meine Unterhaltungen?',
      mediaGroupLabel: 'Sprachaufnahmen und Videoaufzeichnungen',
      audioLabel: 'Sprachaufnahmen aus Sprachunterhaltungen einbeziehen',
      videoLabel: 'Videoaufzeichnungen aus Videounterhaltungen einbeziehen',
      stateOn: 'Eingeschaltet',
      stateOff: 'Ausgeschaltet',
    },
  },
  decorators: [
    (Story) => (
      <div style={{ maxInlineSize: '20rem' }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('[data-slot="setting"]')
    await expect(root).not.toBeNull()
    await expect(overflowing(root as HTMLElement)).toEqual([])
  },
}
