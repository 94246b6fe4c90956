import { createConsentStore, memoryStorage, type ConsentStore } from '@model-consent/core'
import { ConsentProvider, useConsent } from '@model-consent/react'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Profiler, type ReactNode } from 'react'

const manySettings = Array.from({ length: 100 }, (_, i) => ({ id: `setting-${i}` }))

function Reader({ id, store, onRender }: { id: string; store?: ConsentStore; onRender?: (id: string) => void }) {
  const { value, set } = useConsent(id, store)
  onRender?.(id)
  return (
    <button type="button" role="switch" aria-checked={value} onClick={() => void set(!value)}>
      {id}
    </button>
  )
}

describe('useConsent', () => {
  describe('with a store argument', () => {
    it('reads the saved state and sets it with source user', async () => {
      const store = createConsentStore({ policyVersion: 'v1' })
      const events: unknown[] = []
      store.onConsentChange((event) => events.push(event))
      const { result } = renderHook(() => useConsent('improve-model', store))
      expect(result.current.value).toBe(false)
      await act(() => result.current.set(true))
      expect(result.current).toMatchObject({ value: true, effective: true, pending: false, error: null, needsReconsent: false })
      expect(result.current.decision).toMatchObject({ value: true, policyVersion: 'v1', source: 'user' })
      expect(events).toEqual([expect.objectContaining({ setting: 'improve-model', value: true, source: 'user' })])
    })

    it('shows pending while a save is in flight and the saved value until it lands', async () => {
      let release!: () => void
      const storage = { load: () => null, save: () => new Promise<void>((resolve) => (release = resolve)) }
      const store = createConsentStore({ policyVersion: 'v1', storage })
      await store.ready
      const { result } = renderHook(() => useConsent('improve-model', store))
      let saving!: Promise<void>
      act(() => {
        saving = result.current.set(true)
      })
      expect(result.current).toMatchObject({ value: false, pending: true })
      await act(async () => {
        await waitFor(() => expect(release).toBeTypeOf('function'))
        release()
        await saving
      })
      expect(result.current).toMatchObject({ value: true, pending: false })
    })

    it('throws a TypeError naming an unknown setting', () => {
      const store = createConsentStore({ policyVersion: 'v1' })
      vi.spyOn(console, 'error').mockImplementation(() => {})
      expect(() => renderHook(() => useConsent('no-such-setting', store))).toThrow(/no-such-setting/)
    })
  })

  describe('with something that is not a store', () => {
    // A promise of a store (made in an async function) or a store's snapshot are easy mistakes.
    for (const [what, notAStore] of [
      ['a plain object', { policyVersion: 'v1' }],
      ['a snapshot', createConsentStore({ policyVersion: 'v1' }).getSnapshot()],
      ['a string', 'store'],
    ] as const) {
      it(`throws a TypeError naming ${what} given as the store argument`, () => {
        vi.spyOn(console, 'error').mockImplementation(() => {})
        expect(() => renderHook(() => useConsent('improve-model', notAStore as unknown as ConsentStore))).toThrow(
          expect.objectContaining({ name: 'TypeError', message: expect.stringMatching(/store must be a consent store from createConsentStore, but got /) }),
        )
      })

      it(`throws a TypeError naming ${what} given as the provider's store`, () => {
        vi.spyOn(console, 'error').mockImplementation(() => {})
        const wrapper = ({ children }: { children: ReactNode }) => (
          <ConsentProvider store={notAStore as unknown as ConsentStore}>{children}</ConsentProvider>
        )
        expect(() => renderHook(() => useConsent(), { wrapper })).toThrow(
          expect.objectContaining({ name: 'TypeError', message: expect.stringContaining(`but got ${typeof notAStore === 'string' ? '"store"' : '{'}`) }),
        )
      })
    }
  })

  describe('with a ConsentProvider', () => {
    it('uses the provider store', async () => {
      const store = createConsentStore({ policyVersion: 'v1', storage: memoryStorage() })
      await store.set('improve-model', true, { source: 'api' })
      const wrapper = ({ children }: { children: ReactNode }) => <ConsentProvider store={store}>{children}</ConsentProvider>
      const { result } = renderHook(() => useConsent(), { wrapper })
      expect(result.current.value).toBe(true)
    })
  })

  describe('switching between a store argument and the provider', () => {
    it('follows whichever store applies, without warnings, and reacts to the provider store after switching', async () => {
      const own = createConsentStore({ policyVersion: 'v1' })
      const shared = createConsentStore({ policyVersion: 'v1' })
      await Promise.all([own.ready, shared.ready])
      await own.set('improve-model', true)
      const warnings = vi.spyOn(console, 'error').mockImplementation(() => {})
      const warns = vi.spyOn(console, 'warn').mockImplementation(() => {})
      const wrapper = ({ children }: { children: ReactNode }) => <ConsentProvider store={shared}>{children}</ConsentProvider>
      const { result, rerender } = renderHook(({ store }: { store?: ConsentStore }) => useConsent('improve-model', store), {
        wrapper,
        initialProps: { store: own } as { store?: ConsentStore },
      })
      expect(result.current.value).toBe(true)
      rerender({ store: undefined })
      expect(result.current.value).toBe(false)
      await act(() => shared.set('improve-model', true))
      expect(result.current.value).toBe(true)
      rerender({ store: own })
      await act(() => own.set('improve-model', false))
      expect(result.current.value).toBe(false)
      expect(warnings).not.toHaveBeenCalled()
      expect(warns).not.toHaveBeenCalled()
    })
  })

  describe('without a provider or store', () => {
    it('works out of the box with a private in-memory store that starts off', async () => {
      const { result } = renderHook(() => useConsent('include-audio'))
      expect(result.current.value).toBe(false)
      await act(() => expect(result.current.set(true)).rejects.toThrow(/improve-model/))
      expect(result.current.value).toBe(false)
    })
  })

  describe('re-render isolation', () => {
    it('changing one of 100 settings renders only that setting’s consumer, in one commit', async () => {
      const store = createConsentStore({ policyVersion: 'v1', settings: manySettings })
      await store.ready
      const renders = new Map<string, number>()
      const onRender = (id: string) => renders.set(id, (renders.get(id) ?? 0) + 1)
      let commits = 0
      render(
        <Profiler id="page" onRender={() => void commits++}>
          {manySettings.map(({ id }) => (
            <Reader key={id} id={id} store={store} onRender={onRender} />
          ))}
        </Profiler>,
      )
      renders.clear()
      commits = 0
      await userEvent.click(screen.getByRole('switch', { name: 'setting-42' }))
      await waitFor(() => expect(screen.getByRole('switch', { name: 'setting-42' })).toHaveAttribute('aria-checked', 'true'))
      expect([...renders.keys()]).toEqual(['setting-42'])
      // Storage saves synchronously here, so the change commits at once: no separate "pending" commit.
      expect(renders.get('setting-42')).toBe(1)
      expect(commits).toBe(1)
    })
  })
})
