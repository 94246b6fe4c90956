import { createConsentStore, memoryStorage, type ConsentChangeEvent } from '@model-consent/core'
import { ConsentProvider, ModelImprovementSetting } from '@model-consent/react'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { locales } from '../../../packages/react/src/locales'
import { formatMessage, supportedLocales } from '../../../packages/react/src/messages'
import { SAVED_NOTICE_MS } from '../../../packages/react/src/setting/use-saved-notice'
import { heldStorage } from '../../support/held-storage'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => screen.getByRole('switch', { name: TITLE })
const audioSwitch = () => screen.getByRole('switch', { name: 'Include audio recordings' })
const videoSwitch = () => screen.getByRole('switch', { name: 'Include video recordings' })

describe('ModelImprovementSetting', () => {
  describe('by default (uncontrolled)', () => {
    it('renders the labelled switch off, the summary, and unavailable media switches in a group', () => {
      render(<ModelImprovementSetting />)
      expect(screen.getByRole('heading', { name: TITLE })).toBeInTheDocument()
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(mainSwitch()).toHaveAccessibleDescription(/not use your conversations|not used/i)
      const group = screen.getByRole('group', { name: 'Recordings' })
      expect(within(group).getAllByRole('switch')).toHaveLength(2)
      for (const media of [audioSwitch(), videoSwitch()]) {
        expect(media).toHaveAttribute('aria-disabled', 'true')
        expect(media).toHaveAccessibleDescription('Turn on Improve the model for everyone first.')
      }
      expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
    })

    it('asks before turning on; Turn on applies it and fires one user event', async () => {
      const user = userEvent.setup()
      const onConsentChange = vi.fn()
      render(<ModelImprovementSetting policyVersion="2026-11" onConsentChange={onConsentChange} />)
      await user.click(mainSwitch())
      const dialog = screen.getByRole('alertdialog', { name: 'Turn on model training?' })
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      await user.click(within(dialog).getByRole('button', { name: 'Turn on' }))
      await waitFor(() => expect(mainSwitch()).toHaveAttribute('aria-checked', 'true'))
      expect(onConsentChange).toHaveBeenCalledTimes(1)
      expect(onConsentChange).toHaveBeenCalledWith(
        expect.objectContaining({
          type: 'consent-change',
          setting: 'improve-model',
          value: true,
          previousValue: false,
          effective: true,
          source: 'user',
          policyVersion: '2026-11',
        }),
      )
      expect(audioSwitch()).toBeEnabled()
      expect(screen.getByText(/On since/)).toBeInTheDocument()
    })

    it('Cancel leaves everything as it was and fires no event', async () => {
      const user = userEvent.setup()
      const onConsentChange = vi.fn()
      render(<ModelImprovementSetting onConsentChange={onConsentChange} />)
      await user.click(mainSwitch())
      await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }))
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
      expect(onConsentChange).not.toHaveBeenCalled()
    })

    it('turns off at once, without a confirmation, and cascades to the media opt-ins', async () => {
      const user = userEvent.setup()
      const events: ConsentChangeEvent[] = []
      render(
        <ModelImprovementSetting
          defaultValue={{ 'improve-model': true, 'include-audio': true }}
          onConsentChange={(event) => events.push(event)}
        />,
      )
      await waitFor(() => expect(audioSwitch()).toHaveAttribute('aria-checked', 'true'))
      expect(events.map((e) => [e.setting, e.value, e.source])).toEqual([
        ['improve-model', true, 'api'],
        ['include-audio', true, 'api'],
      ])
      await user.click(mainSwitch())
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(audioSwitch()).toHaveAttribute('aria-disabled', 'true')
      expect(events.slice(2).map((e) => [e.setting, e.value, e.source])).toEqual([
        ['improve-model', false, 'user'],
        ['include-audio', false, 'cascade'],
      ])
    })

    it('confirms the audio opt-in with its own text', async () => {
      const user = userEvent.setup()
      render(<ModelImprovementSetting defaultValue={{ 'improve-model': true }} />)
      await waitFor(() => expect(audioSwitch()).toBeEnabled())
      await user.click(audioSwitch())
      const dialog = screen.getByRole('alertdialog', { name: 'Include audio recordings?' })
      expect(dialog).toHaveAccessibleDescription(/audio recordings/)
      await user.click(within(dialog).getByRole('button', { name: 'Turn on' }))
      expect(audioSwitch()).toHaveAttribute('aria-checked', 'true')
      expect(videoSwitch()).toHaveAttribute('aria-checked', 'false')
    })

    it('hides the media opt-ins with media={[]}', () => {
      render(<ModelImprovementSetting media={[]} />)
      expect(screen.queryByRole('group', { name: 'Recordings' })).not.toBeInTheDocument()
      expect(screen.getAllByRole('switch')).toHaveLength(1)
    })
  })

  describe('confirm policy', () => {
    it("'never' turns on at once", async () => {
      const user = userEvent.setup()
      render(<ModelImprovementSetting confirm="never" />)
      await user.click(mainSwitch())
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    })

    it("'both' also asks before turning off, with a Turn off button", async () => {
      const user = userEvent.setup()
      render(<ModelImprovementSetting confirm="both" defaultValue={{ 'improve-model': true }} />)
      await waitFor(() => expect(mainSwitch()).toHaveAttribute('aria-checked', 'true'))
      await user.click(mainSwitch())
      const dialog = screen.getByRole('alertdialog', { name: 'Turn off model training?' })
      await user.click(within(dialog).getByRole('button', { name: 'Turn off' }))
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
    })

    it.each(['disable', 'always', '', 'ENABLE'])('refuses %j with an error naming the confirm option', (confirm) => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      // @ts-expect-error: a policy that is not allowed
      expect(() => render(<ModelImprovementSetting confirm={confirm} />)).toThrow(/`confirm`/)
    })

    it('refuses an unknown policy in production too, naming the option', () => {
      vi.stubEnv('NODE_ENV', 'production')
      onTestFinished(() => void vi.unstubAllEnvs())
      vi.spyOn(console, 'error').mockImplementation(() => {})
      // @ts-expect-error: a policy that is not allowed
      expect(() => render(<ModelImprovementSetting confirm="disable" />)).toThrow(/`confirm`/)
    })

    it("explains that confirming only when disabling would make withdrawing harder", () => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      // @ts-expect-error: a policy that is not allowed
      expect(() => render(<ModelImprovementSetting confirm="disable" />)).toThrow(/withdrawing consent harder/)
    })
  })

  describe('store-backed', () => {
    it('reads and saves through the store given as a prop', async () => {
      const user = userEvent.setup()
      const store = createConsentStore({ policyVersion: 'v1', storage: memoryStorage() })
      await store.set('improve-model', true, { source: 'api' })
      render(<ModelImprovementSetting store={store} confirm="never" />)
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
      await user.click(audioSwitch())
      expect(store.getSnapshot().settings['include-audio']).toMatchObject({ value: true, effective: true })
    })

    it('uses the store of a ConsentProvider and follows changes made elsewhere', async () => {
      const store = createConsentStore({ policyVersion: 'v1' })
      render(
        <ConsentProvider store={store}>
          <ModelImprovementSetting />
        </ConsentProvider>,
      )
      await store.set('improve-model', true, { source: 'api' })
      await waitFor(() => expect(mainSwitch()).toHaveAttribute('aria-checked', 'true'))
    })

    it('is busy and says so while saving, then says it is saved and clears that after a while', async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true })
      onTestFinished(() => void vi.useRealTimers())
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
      const { storage, saves } = heldStorage()
      const store = createConsentStore({ policyVersion: 'v1', storage })
      await store.ready
      render(<ModelImprovementSetting store={store} confirm="never" />)
      await user.click(mainSwitch())
      await waitFor(() => expect(mainSwitch()).toHaveAttribute('aria-busy', 'true'))
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(screen.getByRole('status')).toHaveTextContent('Saving your choice…')
      saves[0]!.resolve()
      await waitFor(() => expect(mainSwitch()).toHaveAttribute('aria-checked', 'true'))
      expect(mainSwitch()).not.toHaveAttribute('aria-busy', 'true')
      expect(screen.getByRole('status')).toHaveTextContent('Your choice is saved.')
      act(() => void vi.advanceTimersByTime(SAVED_NOTICE_MS - 100))
      expect(screen.getByRole('status')).toHaveTextContent('Your choice is saved.')
      act(() => void vi.advanceTimersByTime(200))
      expect(screen.getByRole('status')).toHaveTextContent(/^$/)
    })

    it('rolls back a failed save, says so in an alert, and retries', async () => {
      const user = userEvent.setup()
      const { storage, saves } = heldStorage()
      const onError = vi.fn()
      const onConsentChange = vi.fn()
      const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
      await store.ready
      render(<ModelImprovementSetting store={store} confirm="never" onError={onError} onConsentChange={onConsentChange} />)
      await user.click(mainSwitch())
      saves[0]!.reject(new Error('500'))
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent("We couldn't save your choice. It is still off.")
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(onConsentChange).not.toHaveBeenCalled()
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'save-failed' }))
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      await waitFor(() => expect(saves).toHaveLength(2))
      saves[1]!.resolve()
      await waitFor(() => expect(mainSwitch()).toHaveAttribute('aria-checked', 'true'))
      expect(screen.queryByRole('alert')).not.toBeInTheDocument()
      expect(onConsentChange).toHaveBeenCalledTimes(1)
    })

    it('shows a re-consent notice after an opt-in lapsed under a new policy version', async () => {
      const storage = memoryStorage({
        formatVersion: 1,
        decisions: { 'improve-model': { value: true, decidedAt: '2026-01-01T00:00:00.000Z', policyVersion: 'v1', source: 'user' } },
      })
      const store = createConsentStore({ policyVersion: 'v2', storage })
      await store.ready
      render(<ModelImprovementSetting store={store} />)
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(mainSwitch()).toHaveAccessibleDescription(/policy has changed/)
    })
  })

  describe('when controlled', () => {
    it('does not change until the parent passes a new value, then fires the event', async () => {
      const user = userEvent.setup()
      const onValueChange = vi.fn()
      const onConsentChange = vi.fn()
      const { rerender } = render(
        <ModelImprovementSetting value={{}} onValueChange={onValueChange} onConsentChange={onConsentChange} confirm="never" policyVersion="p1" />,
      )
      await user.click(mainSwitch())
      expect(onValueChange).toHaveBeenCalledWith(
        { 'improve-model': true },
        expect.objectContaining({ setting: 'improve-model', value: true, source: 'user', policyVersion: 'p1' }),
      )
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(onConsentChange).toHaveBeenCalledTimes(1)
      rerender(<ModelImprovementSetting value={{ 'improve-model': true }} onValueChange={onValueChange} onConsentChange={onConsentChange} confirm="never" policyVersion="p1" />)
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    })

    it('is pending while the promise runs; a rejection shows the error and fires no event', async () => {
      const user = userEvent.setup()
      let reject!: (error: Error) => void
      const onValueChange = vi.fn(() => new Promise<void>((_, r) => (reject = r)))
      const onConsentChange = vi.fn()
      const { rerender } = render(
        <ModelImprovementSetting value={{}} onValueChange={onValueChange} onConsentChange={onConsentChange} confirm="never" />,
      )
      await user.click(mainSwitch())
      expect(mainSwitch()).toHaveAttribute('aria-busy', 'true')
      reject(new Error('server said no'))
      expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't save your choice. It is still off.")
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(onConsentChange).not.toHaveBeenCalled()
      onValueChange.mockImplementation(() => Promise.resolve())
      await user.click(screen.getByRole('button', { name: 'Try again' }))
      // Resolved, but the parent's value does not show it yet: still saving (the alert waits with
      // its button aria-disabled), no event.
      expect(mainSwitch()).toHaveAttribute('aria-busy', 'true')
      expect(screen.getByRole('button', { name: 'Try again' })).toHaveAttribute('aria-disabled', 'true')
      expect(onConsentChange).not.toHaveBeenCalled()
      rerender(<ModelImprovementSetting value={{ 'improve-model': true }} onValueChange={onValueChange} onConsentChange={onConsentChange} confirm="never" />)
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
      expect(mainSwitch()).not.toHaveAttribute('aria-busy')
      expect(screen.queryByRole('alert')).not.toBeInTheDocument()
      expect(onConsentChange).toHaveBeenCalledTimes(1)
    })

    it('asks the parent to turn the media opt-ins off with the main setting', async () => {
      const user = userEvent.setup()
      const onValueChange = vi.fn()
      const onConsentChange = vi.fn()
      render(
        <ModelImprovementSetting
          value={{ 'improve-model': true, 'include-video': true }}
          onValueChange={onValueChange}
          onConsentChange={onConsentChange}
        />,
      )
      await user.click(mainSwitch())
      expect(onValueChange).toHaveBeenCalledWith(
        { 'improve-model': false, 'include-audio': false, 'include-video': false },
        expect.objectContaining({ setting: 'improve-model', value: false }),
      )
      expect(onConsentChange.mock.calls.map(([e]) => [e.setting, e.source])).toEqual([
        ['improve-model', 'user'],
        ['include-video', 'cascade'],
      ])
    })

    it('warns in development when switching between controlled and uncontrolled', () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      const { rerender } = render(<ModelImprovementSetting value={{}} />)
      rerender(<ModelImprovementSetting />)
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/controlled/))
    })
  })

  describe('texts and links', () => {
    it('takes partial message overrides', () => {
      render(<ModelImprovementSetting messages={{ title: 'Help improve our models' }} />)
      expect(screen.getByRole('switch', { name: 'Help improve our models' })).toBeInTheDocument()
    })

    it('takes the provider’s prompt words without a warning, and still warns about an unknown key', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      warn.mockClear() // an earlier test may have spied on console.warn already
      onTestFinished(() => void warn.mockRestore())
      const user = userEvent.setup()
      render(
        <ConsentProvider messages={{ promptTitle: 'Help us?', cancel: 'Back' }}>
          <ModelImprovementSetting />
        </ConsentProvider>,
      )
      await user.click(mainSwitch())
      expect(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Back' })).toBeInTheDocument()
      expect(warn).not.toHaveBeenCalled()
      render(<ModelImprovementSetting messages={{ titel: 'Typo' } as never} />)
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('Unknown message key "titel"'))
    })

    it('renders a locale set and sets lang and dir', async () => {
      const { ar } = await import('@model-consent/react/locales/ar')
      const { container } = render(<ModelImprovementSetting locale={ar} />)
      const root = container.querySelector('[data-slot="setting"]')
      expect(root).toHaveAttribute('lang', 'ar')
      expect(root).toHaveAttribute('dir', 'rtl')
    })

    it('refuses a javascript: learn-more link and reports it through onError', () => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      const onError = vi.fn()
      render(<ModelImprovementSetting learnMoreHref="javascript:alert(1)" onError={onError} />)
      expect(screen.queryByRole('link')).not.toBeInTheDocument()
      expect(onError).toHaveBeenCalledWith(expect.any(TypeError))
    })
  })
})

describe('the parts inside a ConsentProvider', () => {
  it('follow the provider locale and messages', async () => {
    const { ConsentExplainer, ConsentConfirmDialog, ConsentSwitch } = await import('@model-consent/react')
    const { es } = await import('@model-consent/react/locales/es')
    render(
      <ConsentProvider locale={es} messages={{ cancel: 'Volver' }}>
        <label htmlFor="s">x</label>
        <ConsentSwitch id="s" stateText />
        <ConsentExplainer checked={false} />
        <ConsentConfirmDialog defaultOpen />
      </ConsentProvider>,
    )
    expect(screen.getByText(es.summaryOff)).toBeInTheDocument()
    expect(screen.getByText(es.stateOff)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Volver' })).toBeInTheDocument()
  })
})

describe('ModelImprovementSetting, controlled, after a failure the parent resolved itself', () => {
  it('Try again clears the alert instead of doing nothing', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn(() => Promise.reject(new Error('offline')))
    const { rerender } = render(<ModelImprovementSetting value={{}} onValueChange={onValueChange} confirm="never" />)
    await user.click(mainSwitch())
    await screen.findByRole('alert')
    rerender(<ModelImprovementSetting value={{ 'improve-model': true }} onValueChange={onValueChange} confirm="never" />)
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(onValueChange).toHaveBeenCalledTimes(1)
  })
})

describe('ModelImprovementSetting, the recordings while the main setting is off, in every locale', () => {
  it.each(supportedLocales)('%s: they are described by a reason that names the main setting', (locale) => {
    const messages = locales[locale]
    render(<ModelImprovementSetting locale={messages} />)
    const reason = formatMessage(messages.mediaNeedsMain, { title: messages.title })
    expect(reason).toContain(messages.title)
    expect(reason).not.toMatch(/[{}]/)
    for (const name of [messages.audioLabel, messages.videoLabel]) {
      const media = screen.getByRole('switch', { name })
      expect(media).toHaveAttribute('aria-disabled', 'true')
      expect(media).toHaveAccessibleDescription(reason)
    }
    expect(screen.getByText(reason)).toBeVisible()
  })
})
