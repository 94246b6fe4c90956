import { createConsentStore, memoryStorage, type StoredConsent } from '@model-consent/core'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { useMemo } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { storyDirection } from '../../../../.storybook/decorators'
import { locales } from '../locales'
import { ModelImprovementPrompt, type ModelImprovementPromptProps } from './model-improvement-prompt'

const QUESTION = 'Improve the model for everyone?'

/** An opt-in saved under last year's policy: under '2026-11' it lapses and the prompt asks again. */
const savedUnderOldPolicy: StoredConsent = {
  formatVersion: 1,
  decisions: {
    'improve-model': { value: true, decidedAt: '2025-06-01T09:00:00.000Z', policyVersion: '2025-06', source: 'user' },
  },
}

/** A prompt over its own in-memory store; `saved` is what the store finds when it loads. */
function PromptWithStore({ saved, ...props }: ModelImprovementPromptProps & { saved?: StoredConsent }) {
  const store = useMemo(() => createConsentStore({ policyVersion: '2026-11', storage: memoryStorage(saved) }), [saved])
  return <ModelImprovementPrompt store={store} {...props} />
}

const forcedDir = (globals: Record<string, unknown>) =>
  globals.dir === 'ltr' || globals.dir === 'rtl' ? { dir: storyDirection(globals) } : {}

/**
 * The honest choice prompt for first use and re-consent. It appears by itself when the store's
 * setting has no decision under the current policy; open the Actions panel to see each answer.
 */
const meta = {
  title: 'Components/ModelImprovementPrompt',
  component: ModelImprovementPrompt,
  tags: ['autodocs'],
  args: { onChoice: fn(), onOpenChange: fn(), onError: fn(), learnMoreHref: '/privacy/model-training' },
  render: (args, { globals }) => <PromptWithStore {...args} {...forcedDir(globals)} />,
} satisfies Meta<typeof ModelImprovementPrompt>

export default meta
type Story = StoryObj<typeof meta>

const region = (canvasElement: HTMLElement, name = QUESTION) => within(canvasElement).findByRole('region', { name })

/** First use: nothing decided yet. Two answers of the same size and style; neither is preselected or focused. */
export const FirstUse: Story = {
  play: async ({ canvasElement, globals }) => {
    if (globals.locale !== 'en') return
    const prompt = await region(canvasElement)
    const answers = within(prompt).getAllByRole('button', { name: /^(Turn on|Keep off)$/ })
    await expect(answers).toHaveLength(2)
    await expect(prompt.contains(document.activeElement)).toBe(false)
    for (const answer of answers) await expect(answer).not.toHaveAttribute('aria-pressed')
  },
}

/** Re-consent: an opt-in lapsed under a new policy, so the prompt says why it asks again. */
export const Reconsent: Story = {
  render: (args, { globals }) => <PromptWithStore {...args} saved={savedUnderOldPolicy} {...forcedDir(globals)} />,
  play: async ({ canvasElement, globals }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="prompt-reconsent"]')).not.toBeNull())
    if (globals.locale === 'en') await expect(await region(canvasElement)).toHaveTextContent('Our policy has changed')
  },
}

/** After "Turn on": the decision is saved and the prompt says what happens next. */
export const AfterAChoice: Story = {
  play: async ({ canvasElement, args }) => {
    const prompt = await region(canvasElement)
    await userEvent.click(within(prompt).getByRole('button', { name: 'Turn on' }))
    await waitFor(() => expect(prompt).toHaveTextContent('You can change this in Settings.'))
    await expect(args.onChoice).toHaveBeenCalledWith(expect.objectContaining({ value: true, source: 'user', policyVersion: '2026-11' }))
  },
  globals: { locale: 'en' },
}

/** Controlled (`onChoice`, no store): the app saves the answer; here "Keep off" is chosen. */
export const Controlled: Story = {
  render: (args, { globals }) => <ModelImprovementPrompt {...args} {...forcedDir(globals)} />,
  globals: { locale: 'en' },
  play: async ({ canvasElement, args }) => {
    const prompt = await region(canvasElement)
    await userEvent.click(within(prompt).getByRole('button', { name: 'Keep off' }))
    await waitFor(() => expect(prompt).toHaveTextContent('You kept this off.'))
    await expect(args.onChoice).toHaveBeenCalledWith(expect.objectContaining({ value: false, source: 'user' }))
  },
}

/**
 * On a page: when the prompt goes away with focus inside (Close, or an answer given in another
 * tab), focus moves to what follows it (else to what comes before it), never to the page.
 */
export const ClosedOnAPage: Story = {
  render: (args, { globals }) => (
    <div>
      <PromptWithStore {...args} {...forcedDir(globals)} />
      <button type="button" className="story-button">
        Start a chat
      </button>
    </div>
  ),
  globals: { locale: 'en' },
  play: async ({ canvasElement, args }) => {
    const prompt = await region(canvasElement)
    within(prompt).getByRole('button', { name: 'Close' }).focus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(canvasElement.ownerDocument.activeElement).toHaveAccessibleName('Start a chat'))
    await expect(args.onChoice).not.toHaveBeenCalled()
  },
}

/** Dark theme, checked by axe with 7:1 text contrast. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="prompt"]')).not.toBeNull())
    const root = canvasElement.querySelector('[data-slot="prompt"]') as HTMLElement
    await expect(getComputedStyle(root).backgroundColor).toBe('rgb(20, 22, 27)')
  },
}

/** Arabic, right to left. */
export const RightToLeftArabic: Story = {
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="prompt"]')).not.toBeNull())
    const root = canvasElement.querySelector('[data-slot="prompt"]')
    await expect(root).toHaveAttribute('dir', 'rtl')
    await expect(root).toHaveAttribute('lang', 'ar')
  },
}

/** Every shipped locale side by side (controlled, so each shows at once). */
export const EveryLocale: Story = {
  render: (args) => (
    <div className="story-grid">
      {Object.values(locales).map((locale) => (
        <ModelImprovementPrompt key={locale.locale} {...args} locale={locale} />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('[data-slot="prompt"]')).toHaveLength(Object.keys(locales).length)
  },
}
