import type { ConsentDecision } from '@model-consent/core'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test'
import { storyLocale } from '../../../../.storybook/decorators'
import { ConsentExplainer } from './consent-explainer'

const decidedOn: ConsentDecision = {
  value: true,
  decidedAt: '2026-11-26T10:30:00.000Z',
  policyVersion: '2026-11',
  source: 'user',
}

/** The plain-language explanation: a summary that follows the state, and details on demand. */
const meta = {
  title: 'Components/ConsentExplainer',
  component: ConsentExplainer,
  tags: ['autodocs'],
  args: { checked: false, onOpenChange: fn(), onError: fn() },
  render: (args, { globals }) => <ConsentExplainer locale={storyLocale(globals)} {...args} />,
} satisfies Meta<typeof ConsentExplainer>

export default meta
type Story = StoryObj<typeof meta>

/** Collapsed: only the summary and the "What does this mean?" disclosure button. */
export const Collapsed: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const toggle = canvas.getByRole('button', { name: 'What does this mean?' })
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    const details = canvasElement.ownerDocument.getElementById(toggle.getAttribute('aria-controls') ?? '')
    await expect(details).not.toBeVisible()
    await userEvent.click(toggle)
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(true)
    await expect(details).toBeVisible()
    await expect(canvas.getByText(/they stay in your history/i)).toBeVisible()
  },
}

/** Expanded: what on and off mean, recordings, "from now on", "any time". */
export const Expanded: Story = {
  args: { defaultOpen: true },
}

/** While the setting is on: the summary and the highlighted detail follow the state. */
export const ExpandedWhileOn: Story = {
  args: { defaultOpen: true, checked: true },
}

/** With the decision record in words, formatted for the active locale ("On since 26 Nov 2026"). */
export const WithDecisionDate: Story = {
  args: { defaultOpen: true, checked: true, decision: decidedOn },
  play: async ({ canvasElement, globals }) => {
    if (globals.locale !== 'en') return
    await expect(within(canvasElement).getByText('On since 26 Nov 2026')).toBeVisible()
  },
}

/** With a "Learn more" link to the app's own page. */
export const WithLearnMoreLink: Story = {
  args: { defaultOpen: true, learnMoreHref: '/privacy/model-training' },
  play: async ({ canvasElement, globals }) => {
    if (globals.locale !== 'en') return
    const link = within(canvasElement).getByRole('link', { name: 'Learn more' })
    await expect(link).toHaveAttribute('href', '/privacy/model-training')
  },
}

/**
 * A `javascript:` URL is refused: no link is rendered, `onError` says why, and so does
 * `console.error` in development.
 */
export const RefusedLearnMoreLink: Story = {
  args: { defaultOpen: true, learnMoreHref: 'javascript:alert(1)' },
  beforeEach: () => {
    const consoleError = spyOn(console, 'error').mockImplementation(() => {})
    return () => consoleError.mockRestore()
  },
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.any(TypeError)))
    await expect(console.error).toHaveBeenCalledWith(expect.any(TypeError))
    await expect(within(canvasElement).queryByRole('link')).toBeNull()
  },
}

/** Long custom copy, as an app might write: it wraps and stays readable. */
export const LongCustomCopy: Story = {
  args: {
    defaultOpen: true,
    checked: true,
    decision: decidedOn,
    learnMoreHref: 'https://example.com/privacy/model-training',
    messages: {
      summaryOn:
        'We may use the conversations you have with the assistant, including the files you share in them, to train and improve the models that everyone uses.',
      detailsToggle: 'What happens to my conversations when this setting is on or off?',
      detailsOn:
        'When this is on, people on our research team and our automated systems may read your conversations to find mistakes and make the models better for everyone. We remove your name, email address and phone number first.',
      detailsOff:
        'When this is off, we do not use your conversations to train models. They stay in your history until you delete them, and we keep them only to run the service and keep it safe.',
      learnMore: 'Read the full explanation of how we train our models',
    },
  },
}
