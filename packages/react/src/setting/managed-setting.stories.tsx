import { createConsentStore, memoryStorage } from '@model-consent/core'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { useMemo } from 'react'
import { expect, fn, userEvent, within } from 'storybook/test'
import { storyDirection } from '../../../../.storybook/decorators'
import { locales } from '../locales'
import { ModelImprovementSetting } from './model-improvement-setting'

const TITLE = 'Improve the model for everyone'
const forcedDir = (globals: Record<string, unknown>) =>
  globals.dir === 'ltr' || globals.dir === 'rtl' ? { dir: storyDirection(globals) } : {}

/**
 * Managed settings: held off by an organization, an age or a region rule. The switch reads off,
 * stays focusable with `aria-disabled="true"`, says why in plain words, and presses change nothing.
 * The person's own choice underneath (here, on) applies again when the lock is lifted.
 */
const meta = {
  title: 'Components/ModelImprovementSetting/Managed',
  component: ModelImprovementSetting,
  args: {
    onConsentChange: fn(),
    onError: fn(),
    defaultValue: { 'improve-model': true, 'include-audio': true },
    managed: { 'improve-model': { value: false, reason: 'organization' } },
  },
  render: (args, { globals }) => <ModelImprovementSetting {...args} {...forcedDir(globals)} />,
} satisfies Meta<typeof ModelImprovementSetting>

export default meta
type Story = StoryObj<typeof meta>

/** Turned off by the person's organization; pressing the switch opens nothing and changes nothing. */
export const ByOrganization: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const control = within(canvasElement).getAllByRole('switch')[0] as HTMLElement
    await expect(control).toHaveAttribute('aria-disabled', 'true')
    await expect(control).not.toBeDisabled()
    await userEvent.click(control)
    await expect(within(canvasElement).queryByRole('alertdialog')).toBeNull()
    await expect(control).toHaveAttribute('aria-checked', 'false')
    await expect(args.onConsentChange).not.toHaveBeenCalledWith(expect.objectContaining({ source: 'user' }))
    if (globals.locale === 'en') {
      await expect(within(canvasElement).getByRole('switch', { name: TITLE })).toHaveAccessibleDescription(
        expect.stringContaining('Your organization has turned this off.'),
      )
    }
  },
}

/** Held off because of the person's age: the recordings are held off with it. */
export const ByAge: Story = {
  args: { managed: { 'improve-model': { value: false, reason: 'age' } } },
}

/** Only video recordings are held off in this region; the rest is the person's to choose. */
export const VideoByRegion: Story = {
  args: { managed: { 'include-video': { value: false, reason: 'region' } } },
}

/** A reason of the app's own, worded through the `managedOther` message. */
export const CustomReason: Story = {
  args: {
    locale: 'en',
    managed: { 'improve-model': { value: false, reason: 'school-account' } },
    messages: { managedOther: 'Your school has turned this off.' },
  },
}

/** Managed by the store's own `managed` option (the person had opted in; their choice is kept for when the lock lifts). */
export const FromTheStore: Story = {
  args: { managed: undefined, defaultValue: undefined },
  render: function Render(args, { globals }) {
    const store = useMemo(
      () =>
        createConsentStore({
          policyVersion: '2026-11',
          storage: memoryStorage({
            formatVersion: 1,
            decisions: { 'improve-model': { value: true, decidedAt: '2026-11-02T09:00:00.000Z', policyVersion: '2026-11', source: 'user' } },
          }),
          managed: { 'improve-model': { value: false, reason: 'organization' } },
        }),
      [],
    )
    return <ModelImprovementSetting {...args} store={store} {...forcedDir(globals)} />
  },
  play: async ({ canvasElement }) => {
    const control = within(canvasElement).getAllByRole('switch')[0] as HTMLElement
    await expect(control).toHaveAttribute('aria-disabled', 'true')
    await expect(control).toHaveAttribute('aria-checked', 'false')
  },
}

/** Dark theme, checked by axe with 7:1 text contrast. */
export const DarkTheme: Story = { globals: { theme: 'dark' } }

/** Arabic, right to left. */
export const RightToLeftArabic: Story = { globals: { locale: 'ar' } }

/** The reason in every shipped locale. */
export const EveryLocale: Story = {
  render: (args) => (
    <div className="story-grid">
      {Object.values(locales).map((locale) => (
        <ModelImprovementSetting key={locale.locale} {...args} locale={locale} />
      ))}
    </div>
  ),
}
