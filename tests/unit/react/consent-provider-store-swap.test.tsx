import { createConsentStore, type ConsentStore } from '@model-consent/core'
import { ConsentProvider, ModelImprovementSetting } from '@model-consent/react'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'

const TITLE = 'Improve the model for everyone'

/** Renders a setting under a provider whose store the returned function swaps (another person signs in). */
function renderSwappable(first: ConsentStore, confirm?: 'never') {
  let swap!: (store: ConsentStore) => void
  function App() {
    const [store, setStore] = useState(first)
    swap = setStore
    return (
      <ConsentProvider store={store}>
        <ModelImprovementSetting confirm={confirm} />
      </ConsentProvider>
    )
  }
  render(<App />)
  return (store: ConsentStore) => swap(store)
}

describe('ConsentProvider with a store swapped at run time (failed save)', () => {
  it('Try again for one store’s failed save never saves it in the next store', async () => {
    const user = userEvent.setup()
    const first = createConsentStore({
      policyVersion: 'v1',
      storage: { load: () => null, save: () => Promise.reject(new Error('offline')) },
      onError: () => {},
    })
    const second = createConsentStore({ policyVersion: 'v1' })
    await Promise.all([first.ready, second.ready])
    const swap = renderSwappable(first, 'never')
    await user.click(screen.getByRole('switch', { name: TITLE }))
    const retry = await screen.findByRole('button', { name: 'Try again' })
    act(() => swap(second))
    // The alert was about the first store's save: it goes with that store.
    expect(retry).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(second.getSetting('improve-model').value).toBe(false)
  })
})

describe('ConsentProvider with a store swapped at run time (open confirmation)', () => {
  it('a confirmation opened for one store’s person never turns consent on in the next store', async () => {
    const user = userEvent.setup()
    const first = createConsentStore({ policyVersion: 'v1' })
    const second = createConsentStore({ policyVersion: 'v1' })
    await Promise.all([first.ready, second.ready])
    const swap = renderSwappable(first)
    const main = screen.getByRole('switch', { name: TITLE })
    await user.click(main)
    const dialog = screen.getByRole('alertdialog', { name: 'Turn on model training?' })
    const turnOn = within(dialog).getByRole('button', { name: 'Turn on' })
    act(() => swap(second))
    // The question was asked for the first store's person: it closes with that store.
    expect(screen.queryByRole('alertdialog')).toBeNull()
    if (turnOn.isConnected) await user.click(turnOn)
    expect(second.getSetting('improve-model').value).toBe(false)
    expect(first.getSetting('improve-model').value).toBe(false)
    expect(screen.getByRole('switch', { name: TITLE })).toHaveAttribute('aria-checked', 'false')
  })
})
