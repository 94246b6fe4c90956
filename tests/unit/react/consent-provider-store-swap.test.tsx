import { createConsentStore, type ConsentStore } from '@model-consent/core'
import { ConsentProvider, ModelImprovementSetting } from '@model-consent/react'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'

const TITLE = 'Improve the model for everyone'

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
    let swap!: (store: ConsentStore) => void
    function App() {
      const [store, setStore] = useState(first)
      swap = setStore
      return (
        <ConsentProvider store={store}>
          <ModelImprovementSetting confirm="never" />
        </ConsentProvider>
      )
    }
    render(<App />)
    await user.click(screen.getByRole('switch', { name: TITLE }))
    const retry = await screen.findByRole('button', { name: 'Try again' })
    act(() => swap(second))
    // The alert was about the first store's save: it goes with that store.
    expect(retry).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(second.getSetting('improve-model').value).toBe(false)
  })
})
