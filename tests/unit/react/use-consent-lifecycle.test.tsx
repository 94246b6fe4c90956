import { createConsentStore, type ConsentStorage, type ConsentStore, type StoredConsent } from '@model-consent/core'
import { ConsentProvider, useConsent, type UseConsentResult } from '@model-consent/react'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode, startTransition, useState, type ReactNode } from 'react'

/** Storage whose saves wait until released, one at a time. */
function slowStorage() {
  let saved: StoredConsent | null = null
  const waiting: Array<() => void> = []
  const storage: ConsentStorage = {
    load: () => saved,
    save: (data) => new Promise<void>((resolve) => waiting.push(() => ((saved = data), resolve()))),
  }
  return { storage, release: () => waiting.shift()?.(), saved: () => saved }
}

function Reader({ id = 'improve-model', store, onSet }: { id?: string; store?: ConsentStore; onSet?: (set: UseConsentResult['set']) => void }) {
  const { value, pending, set } = useConsent(id, store)
  onSet?.(set)
  return (
    <button type="button" role="switch" aria-checked={value} aria-busy={pending} onClick={() => void set(!value)}>
      {id}
    </button>
  )
}

const strict = (children: ReactNode) => <StrictMode>{children}</StrictMode>

describe('useConsent across the component lifecycle', () => {
  it('in StrictMode shows only what was saved: pending while saving, on once saved, one event', async () => {
    const { storage, release } = slowStorage()
    const store = createConsentStore({ policyVersion: 'v1', storage })
    await store.ready
    const events: unknown[] = []
    store.onConsentChange((event) => events.push(event))
    render(strict(<ConsentProvider store={store}><Reader /></ConsentProvider>))
    const main = screen.getByRole('switch', { name: 'improve-model' })
    await userEvent.click(main)
    expect(main).toHaveAttribute('aria-checked', 'false')
    expect(main).toHaveAttribute('aria-busy', 'true')
    await act(async () => release())
    expect(main).toHaveAttribute('aria-checked', 'true')
    expect(main).toHaveAttribute('aria-busy', 'false')
    expect(events).toHaveLength(1)
  })

  it('keeps a save made before unmount, and a set kept after unmount still saves on the same store', async () => {
    const { storage, release, saved } = slowStorage()
    const store = createConsentStore({ policyVersion: 'v1', storage })
    await store.ready
    let kept!: UseConsentResult['set']
    const view = render(strict(<Reader store={store} onSet={(set) => (kept = set)} />))
    await userEvent.click(screen.getByRole('switch'))
    view.unmount()
    await act(async () => release())
    expect(saved()?.decisions['improve-model']).toMatchObject({ value: true, source: 'user' })
    const later = kept(false)
    await act(async () => release())
    await later
    expect(saved()?.decisions['improve-model']).toMatchObject({ value: false, source: 'user' })
    expect(store.getSetting('improve-model')).toMatchObject({ value: false, pending: false })
  })

  it('follows a store swapped on the provider, without showing the old store’s pending save', async () => {
    const first = slowStorage()
    const one = createConsentStore({ policyVersion: 'v1', storage: first.storage })
    const two = createConsentStore({ policyVersion: 'v1' })
    await Promise.all([one.ready, two.ready])
    await two.set('improve-model', true)
    let swap!: () => void
    function App() {
      const [store, setStore] = useState(one)
      swap = () => setStore(two)
      return <ConsentProvider store={store}><Reader /></ConsentProvider>
    }
    render(strict(<App />))
    const main = screen.getByRole('switch')
    await userEvent.click(main)
    expect(main).toHaveAttribute('aria-busy', 'true')
    act(() => swap())
    expect(main).toHaveAttribute('aria-checked', 'true')
    expect(main).toHaveAttribute('aria-busy', 'false')
    await act(async () => first.release())
    expect(one.getSetting('improve-model').value).toBe(true)
    expect(main).toHaveAttribute('aria-checked', 'true')
  })

  it('shows the same saved value in every reader when a change lands during a transition', async () => {
    const store = createConsentStore({ policyVersion: 'v1' })
    await store.ready
    let show!: () => void
    function Page() {
      const [many, setMany] = useState(false)
      show = () => startTransition(() => setMany(true))
      return <>{Array.from({ length: many ? 50 : 1 }, (_, i) => <Reader key={i} />)}</>
    }
    render(<ConsentProvider store={store}><Page /></ConsentProvider>)
    await act(async () => {
      show()
      await store.set('improve-model', true)
    })
    const values = screen.getAllByRole('switch').map((s) => s.getAttribute('aria-checked'))
    expect(values).toHaveLength(50)
    expect(new Set(values)).toEqual(new Set(['true']))
  })
})
