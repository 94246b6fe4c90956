import { createConsentStore, localStorageAdapter, memoryStorage } from '@model-consent/core'

/**
 * Production builds (bundlers replace `process.env.NODE_ENV` with "production") drop the long
 * development explanations, but never a check: bad input is still a TypeError naming what is
 * wrong and the value.
 */
describe('bad input in a production build', () => {
  beforeEach(() => vi.stubEnv('NODE_ENV', 'production'))
  afterEach(() => vi.unstubAllEnvs())

  it('is still a TypeError naming the option and the value', () => {
    expect(() => createConsentStore({ policyVersion: '' })).toThrow(new TypeError('policyVersion ""'))
    expect(() => createConsentStore({ policyVersion: 'v1', storage: {} as never })).toThrow(new TypeError('storage'))
    expect(() => localStorageAdapter({ key: 7 as never })).toThrow(new TypeError('key 7'))
    expect(() => createConsentStore({ policyVersion: 'v1', settings: [{ id: 'a', requires: 'b' }] })).toThrow(new TypeError('requires "b"'))
  })

  it('still refuses an unknown setting or a non-boolean value in set, naming it', async () => {
    const store = createConsentStore({ policyVersion: 'v1', storage: memoryStorage() })
    await expect(store.set('nope' as never, true)).rejects.toThrow(new TypeError('setting "nope"'))
    await expect(store.set('improve-model', 'yes' as never)).rejects.toThrow(new TypeError('value "yes"'))
    expect(() => store.getSetting('nope' as never)).toThrow(TypeError)
  })

  it('still reads untrustworthy stored data as off and reports it, with the problem', async () => {
    const onError = vi.fn()
    const storage = memoryStorage({ formatVersion: 1, decisions: { 'improve-model': { value: 'on', decidedAt: 'x', policyVersion: 'v1', source: 'user' } } } as never)
    const store = createConsentStore({ policyVersion: 'v1', storage, onError })
    await store.ready
    expect(store.getSnapshot().settings['improve-model']!.value).toBe(false)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'storage-invalid', message: expect.stringContaining('value "on"') }))
  })
})
