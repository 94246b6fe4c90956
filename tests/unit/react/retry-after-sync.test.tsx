/**
 * "Try again" after a failed save, when the same choice has meanwhile arrived from another tab or
 * device. The alert and its button are about the person's attempt: Try again must ask for that
 * attempt, never for its opposite (which, after a failed withdrawal, would turn consent back on
 * without the confirmation).
 */
import { createConsentStore, type ConsentStorage, type StoredConsent } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => screen.getByRole('switch', { name: TITLE })

const decision = (value: boolean, decidedAt: string) => ({ value, decidedAt, policyVersion: 'v1', source: 'user' }) as const

/** Storage shared with "another tab": it can refuse saves, and tell the store that it changed. */
function sharedStorage(initial: StoredConsent) {
  let data: StoredConsent = initial
  let failing = false
  let notify: (data: unknown) => void = () => {}
  const written: StoredConsent[] = []
  const storage: ConsentStorage = {
    load: () => data,
    save: (next) => {
      if (failing) return Promise.reject(new Error('offline'))
      written.push(next)
      data = next
      return Promise.resolve()
    },
    subscribe: (onExternalChange) => {
      notify = onExternalChange
      return () => {}
    },
  }
  return {
    storage,
    written,
    fail: (value: boolean) => void (failing = value),
    /** Another tab wrote `next`. */
    otherTab: (next: StoredConsent) =>
      act(async () => {
        data = next
        notify(next)
        await new Promise((resolve) => setTimeout(resolve, 0))
      }),
  }
}

describe('ModelImprovementSetting with a store, Try again after the choice arrived from another tab', () => {
  it('a failed withdrawal: once the withdrawal arrives, nothing offers to turn it back on', async () => {
    const user = userEvent.setup()
    const shared = sharedStorage({ formatVersion: 1, decisions: { 'improve-model': decision(true, '2026-11-26T10:00:00.000Z') } })
    const store = createConsentStore({ policyVersion: 'v1', storage: shared.storage, onError: () => {} })
    await store.ready
    render(<ModelImprovementSetting store={store} onError={() => {}} />)
    shared.fail(true)
    await user.click(mainSwitch())
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't save your choice. It is still on.")
    shared.fail(false)
    await shared.otherTab({ formatVersion: 1, decisions: { 'improve-model': decision(false, new Date(Date.now() + 1000).toISOString()) } })
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
    // The withdrawal stands: no alert about it, and no Try again that would turn the setting on.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(store.getSetting('improve-model').value).toBe(false)
    expect(shared.written.filter((saved) => saved.decisions['improve-model']?.value === true)).toEqual([])
  })

  it('a failed opt-in: once the opt-in arrives, no alert is left whose Try again would turn it off', async () => {
    const user = userEvent.setup()
    const shared = sharedStorage({ formatVersion: 1, decisions: {} })
    const store = createConsentStore({ policyVersion: 'v1', storage: shared.storage, onError: () => {} })
    await store.ready
    render(<ModelImprovementSetting store={store} confirm="never" onError={() => {}} />)
    shared.fail(true)
    await user.click(mainSwitch()) // turn on: fails
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't save your choice. It is still off.")
    shared.fail(false)
    // Another tab saves the same choice: it stands, so there is nothing left to try again.
    await shared.otherTab({ formatVersion: 1, decisions: { 'improve-model': decision(true, new Date(Date.now() + 1000).toISOString()) } })
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(store.getSetting('improve-model').value).toBe(true)
  })
})
