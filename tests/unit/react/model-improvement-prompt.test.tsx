import { createConsentStore, memoryStorage, type ConsentStore } from '@model-consent/core'
import { ConsentProvider, disclosureVersion, ModelImprovementPrompt } from '@model-consent/react'
import { ar } from '@model-consent/react/locales/ar'
import { de } from '@model-consent/react/locales/de'
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { heldStorage } from '../../support/held-storage'

const QUESTION = 'Improve the model for everyone?'
const region = () => screen.getByRole('region', { name: QUESTION })
const turnOn = () => screen.getByRole('button', { name: 'Turn on' })
const keepOff = () => screen.getByRole('button', { name: 'Keep off' })

async function loadedStore(policyVersion = 'v1', storage = memoryStorage()): Promise<ConsentStore> {
  const store = createConsentStore({ policyVersion, storage, now: () => new Date('2026-12-01T10:00:00.000Z') })
  await store.ready
  return store
}

describe('ModelImprovementPrompt', () => {
  describe('with a store', () => {
    it('asks on first use: a region with a heading, the summary, details and two answers, nothing preselected', async () => {
      const store = await loadedStore()
      render(<ModelImprovementPrompt store={store} />)
      expect(region()).toBeInTheDocument()
      expect(screen.getByRole('heading', { level: 2, name: QUESTION })).toBeInTheDocument()
      expect(screen.getByText('We do not use your conversations to train our models.')).toBeVisible()
      expect(screen.getByRole('button', { name: 'What does this mean?' })).toHaveAttribute('aria-expanded', 'false')
      for (const button of [turnOn(), keepOff()]) {
        expect(button).not.toHaveAttribute('aria-pressed')
        expect(button).not.toHaveAttribute('autofocus')
        expect(button).toHaveAccessibleDescription('We do not use your conversations to train our models.')
        expect(button.className).toBe('')
      }
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
      expect(store.getSetting('improve-model').decision).toBeNull()
    })

    it('does not take focus when it appears', async () => {
      const store = await loadedStore()
      render(
        <>
          <input aria-label="Message" autoFocus />
          <ModelImprovementPrompt store={store} />
        </>,
      )
      expect(region()).toBeInTheDocument()
      expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus()
    })

    it.each([
      ['Turn on', true, 'You turned this on.'],
      ['Keep off', false, 'You kept this off.'],
    ])('records "%s" as a user decision under the current policy, then says what happens next', async (name, value, said) => {
      const user = userEvent.setup()
      const store = await loadedStore('2026-12')
      const onChoice = vi.fn()
      const events: unknown[] = []
      store.onConsentChange((event) => events.push(event))
      render(<ModelImprovementPrompt store={store} onChoice={onChoice} />)
      const asked = region()
      await user.click(screen.getByRole('button', { name }))
      expect(store.getSetting('improve-model').decision).toEqual({
        value, decidedAt: '2026-12-01T10:00:00.000Z', policyVersion: '2026-12', source: 'user',
      })
      expect(onChoice).toHaveBeenCalledWith({
        setting: 'improve-model', value, source: 'user', policyVersion: '2026-12', decidedAt: '2026-12-01T10:00:00.000Z',
      })
      await waitFor(() => expect(screen.getByText(said)).toBeInTheDocument())
      expect(screen.getByText('You can change this in Settings.')).toBeInTheDocument()
      expect(screen.getByText(said).parentElement).toHaveFocus()
      expect(screen.queryByRole('button', { name: 'Turn on' })).not.toBeInTheDocument()
      expect(events).toHaveLength(value ? 1 : 0)
      // The same region throughout: it does not vanish and come back when the store is decided.
      expect(region()).toBe(asked)
    })

    it('does not ask again after "Keep off", on the next visit', async () => {
      const storage = memoryStorage()
      render(<ModelImprovementPrompt store={await loadedStore('v1', storage)} />)
      await userEvent.setup().click(keepOff())
      expect(await screen.findByText('You kept this off.')).toBeInTheDocument()
      const { container } = render(<ModelImprovementPrompt store={await loadedStore('v1', storage)} />)
      expect(container).toBeEmptyDOMElement()
    })

    it('records nothing when closed, and stays closed', async () => {
      const user = userEvent.setup()
      const save = vi.fn()
      const store = await loadedStore('v1', { load: () => null, save })
      const onOpenChange = vi.fn()
      render(<ModelImprovementPrompt store={store} onOpenChange={onOpenChange} />)
      await user.click(screen.getByRole('button', { name: 'Close' }))
      expect(screen.queryByRole('region')).not.toBeInTheDocument()
      expect(onOpenChange).toHaveBeenCalledWith(false)
      expect(save).not.toHaveBeenCalled()
      expect(store.getSetting('improve-model')).toMatchObject({ value: false, decision: null })
    })

    it('does not show while loading, nor once the person decided under the current policy', async () => {
      const storage = memoryStorage()
      const first = await loadedStore('v1', storage)
      await first.set('improve-model', true)
      await first.set('improve-model', false)
      const { rerender } = render(<ModelImprovementPrompt store={createConsentStore({ policyVersion: 'v1', storage })} />)
      expect(screen.queryByRole('region')).not.toBeInTheDocument()
      const decided = await loadedStore('v1', storage)
      rerender(<ModelImprovementPrompt store={decided} />)
      expect(screen.queryByRole('region')).not.toBeInTheDocument()
      rerender(<ModelImprovementPrompt store={await loadedStore('v2', storage)} />)
      expect(region()).toBeInTheDocument()
    })

    it('asks again after an opt-in lapsed under a new policy, saying why', async () => {
      const storage = memoryStorage()
      await (await loadedStore('v1', storage)).set('improve-model', true)
      render(<ModelImprovementPrompt store={await loadedStore('v2', storage)} />)
      expect(region()).toHaveTextContent('Our policy has changed, so we turned this off.')
    })

    it('shows when asked with open, even after a decision, and hides with open={false}', async () => {
      const store = await loadedStore()
      await store.set('improve-model', true)
      const { rerender } = render(<ModelImprovementPrompt store={store} open />)
      expect(region()).toHaveTextContent('We may use your conversations to train our models.')
      rerender(<ModelImprovementPrompt store={await loadedStore()} open={false} />)
      expect(screen.queryByRole('region')).not.toBeInTheDocument()
    })

    it('uses the provider store, locale and direction', async () => {
      const store = await loadedStore()
      render(
        <ConsentProvider store={store} locale={ar}>
          <ModelImprovementPrompt />
        </ConsentProvider>,
      )
      const root = screen.getByRole('region', { name: 'تحسين النموذج للجميع؟' })
      expect(root).toHaveAttribute('dir', 'rtl')
      expect(root).toHaveAttribute('lang', 'ar')
      await userEvent.setup().click(screen.getByRole('button', { name: 'تفعيل' }))
      expect(store.getSetting('improve-model').decision?.source).toBe('user')
    })

    it('shows saving, ignores a second answer meanwhile, and keeps the answers after a failed save', async () => {
      const user = userEvent.setup()
      const { storage, saves } = heldStorage()
      const store = await loadedStore('v1', storage)
      const onError = vi.fn()
      render(<ModelImprovementPrompt store={store} onError={onError} />)
      await user.click(turnOn())
      expect(screen.getByRole('status')).toHaveTextContent('Saving your choice…')
      expect(turnOn()).toHaveAttribute('aria-disabled', 'true')
      expect(keepOff()).toHaveAttribute('aria-disabled', 'true')
      await user.click(keepOff())
      expect(saves).toHaveLength(1)
      await act(async () => saves[0]!.reject(new Error('offline')))
      expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't save your choice. Please try again.")
      expect(onError).toHaveBeenCalled()
      expect(store.getSetting('improve-model').value).toBe(false)
      await user.click(turnOn())
      await act(async () => saves[1]!.resolve())
      expect(await screen.findByText('You turned this on.')).toBeInTheDocument()
      expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    })
  })

  describe('when controlled (onChoice, no store)', () => {
    it('hands the answer to onChoice under the words version, and saves nothing itself', async () => {
      const user = userEvent.setup()
      const onChoice = vi.fn()
      render(<ModelImprovementPrompt onChoice={onChoice} locale={de} />)
      await user.click(screen.getByRole('button', { name: 'Einschalten' }))
      expect(onChoice).toHaveBeenCalledWith(
        expect.objectContaining({ setting: 'improve-model', value: true, source: 'user', policyVersion: disclosureVersion(de) }),
      )
      expect(await screen.findByText('Sie können das in den Einstellungen ändern.')).toBeInTheDocument()
    })

    it('waits for a returned promise and shows its failure', async () => {
      const user = userEvent.setup()
      let reject: (error: Error) => void = () => {}
      const onChoice = vi.fn(() => new Promise<void>((_, r) => (reject = r)))
      render(<ModelImprovementPrompt onChoice={onChoice} policyVersion="p7" />)
      await user.click(keepOff())
      expect(onChoice).toHaveBeenCalledWith(expect.objectContaining({ value: false, policyVersion: 'p7' }))
      expect(screen.getByRole('status')).toHaveTextContent('Saving your choice…')
      await act(async () => reject(new Error('500')))
      expect(await screen.findByRole('alert')).toBeInTheDocument()
      expect(keepOff()).not.toHaveAttribute('aria-disabled')
    })

    it('refuses to render with neither a store nor onChoice', () => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      expect(() => render(<ModelImprovementPrompt />)).toThrow(/store.*onChoice/)
      vi.restoreAllMocks()
    })
  })
})
