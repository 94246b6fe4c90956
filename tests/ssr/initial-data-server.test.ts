// @vitest-environment node
import { createConsentStore, localStorageAdapter } from '@model-consent/core'
import type { StoredConsent } from '@model-consent/core'

const known: StoredConsent = {
  formatVersion: 1,
  decisions: {
    'improve-model': { value: true, decidedAt: '2026-11-20T10:00:00.000Z', policyVersion: 'v1', source: 'user' },
    'include-audio': { value: true, decidedAt: '2026-11-20T10:00:01.000Z', policyVersion: 'v1', source: 'user' },
  },
}

describe('a store created during a server render', () => {
  it('renders initialData silently with localStorageAdapter, where no storage exists', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    const onError = vi.fn()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const store = createConsentStore({ policyVersion: 'v1', storage: localStorageAdapter(), initialData: known, onError })
    const server = store.getServerSnapshot()
    expect(server.status).toBe('ready')
    expect(server.settings['improve-model']).toMatchObject({ value: true, effective: true, decision: known.decisions['improve-model'] })
    expect(server.settings['include-audio']).toMatchObject({ value: true, effective: true })
    expect(server.settings['include-video']).toMatchObject({ value: false, decision: null })
    expect(store.getSnapshot()).toBe(server)
    await store.ready
    expect(store.getSnapshot()).toBe(server)
    expect(onError).not.toHaveBeenCalled()
    expect(logged).not.toHaveBeenCalled()
    logged.mockRestore()
  })

  it('gives the same server snapshot in two processes, whatever the clock, even with a lapse', () => {
    const make = (at: string) =>
      createConsentStore({ policyVersion: 'v2', storage: localStorageAdapter(), initialData: JSON.stringify(known), now: () => new Date(at) })
    const first = make('2026-12-01T00:00:00.000Z').getServerSnapshot()
    const second = make('2027-06-01T00:00:00.000Z').getServerSnapshot()
    expect(JSON.stringify(first)).toBe(JSON.stringify(second))
    expect(first.settings['improve-model']).toMatchObject({ value: false, needsReconsent: true })
  })

  it('reports invalid initialData on the server too, and reads it off', () => {
    const onError = vi.fn()
    const store = createConsentStore({
      policyVersion: 'v1',
      storage: localStorageAdapter(),
      initialData: { formatVersion: 1, decisions: { 'improve-model': { value: 'yes' } } } as unknown as StoredConsent,
      onError,
    })
    expect(store.getServerSnapshot().settings['improve-model']!.value).toBe(false)
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'storage-invalid', message: expect.stringMatching(/initial data/) })
  })
})
