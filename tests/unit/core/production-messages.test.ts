import { createConsentStore, localStorageAdapter, memoryStorage } from '@model-consent/core'

/**
 * Production builds (bundlers replace `process.env.NODE_ENV` with "production") drop the long
 * development explanations and the checks that only catch a programmer's mistake in options
 * (the type of `now`, `onError`, `eventTarget`, `managed`, a subscriber that is not a function),
 * but never a check that protects what is saved: bad input to `set`, a policy version or storage
 * that would lose decisions, settings that would hide a requirement, and stored data are still
 * refused or reported, naming what is wrong and the value, with the same codes.
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

  it('still refuses a source that set does not take, naming it', async () => {
    const store = createConsentStore({ policyVersion: 'v1' })
    await expect(store.set('improve-model', true, { source: 'policy' } as never)).rejects.toThrow(new TypeError('source "policy"'))
    expect(store.getSetting('improve-model').value).toBe(false)
  })

  it('still refuses a policy version that stored data could not hold, naming it', () => {
    expect(() => createConsentStore({ policyVersion: 'v'.repeat(257) })).toThrow(TypeError)
    expect(() => createConsentStore({ policyVersion: '   ' })).toThrow(new TypeError('policyVersion "   "'))
  })

  it('still holds a managed setting off and refuses to set it, with the code', async () => {
    const store = createConsentStore({ policyVersion: 'v1', managed: { 'improve-model': { value: false, reason: 'organization' } } })
    await store.ready
    expect(store.getSetting('improve-model')).toMatchObject({ value: false, effective: false, managed: { value: false, reason: 'organization' } })
    await expect(store.set('improve-model', true)).rejects.toMatchObject({ code: 'managed', setting: 'improve-model' })
    expect(store.getSetting('improve-model').value).toBe(false)
  })

  it('still reports a save that failed with its code and the setting, and rolls back', async () => {
    const onError = vi.fn()
    const store = createConsentStore({ policyVersion: 'v1', storage: { load: () => null, save: () => { throw new Error('quota') } }, onError })
    await store.ready
    await expect(store.set('improve-model', true)).rejects.toMatchObject({ code: 'save-failed', setting: 'improve-model', message: '"improve-model"' })
    expect(store.getSetting('improve-model')).toMatchObject({ value: false, error: expect.objectContaining({ code: 'save-failed' }) })
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('still reports a clock that gives no usable time and dates the decision by the system clock', async () => {
    const onError = vi.fn()
    const store = createConsentStore({ policyVersion: 'v1', now: () => new Date(Number.NaN), onError })
    await store.ready
    await store.set('improve-model', true)
    expect(Number.isNaN(Date.parse(store.getSetting('improve-model').decision!.decidedAt))).toBe(false)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'clock-invalid', message: 'now returned an invalid Date' }))
  })

  it('still reports a throwing subscriber and keeps the change', async () => {
    const onError = vi.fn()
    const store = createConsentStore({ policyVersion: 'v1', onError })
    await store.ready
    store.subscribe(() => {
      throw new Error('render failed')
    })
    await store.set('improve-model', true)
    expect(store.getSetting('improve-model').value).toBe(true)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'listener-failed' }))
  })

  it('holds a managed entry off even when it says value: true (development throws instead)', async () => {
    const store = createConsentStore({ policyVersion: 'v1', managed: { 'improve-model': { value: true, reason: 'organization' } } as never })
    await store.ready
    expect(store.getSetting('improve-model')).toMatchObject({ value: false, effective: false, managed: { value: false, reason: 'organization' } })
    await expect(store.set('improve-model', true)).rejects.toMatchObject({ code: 'managed' })
    expect(store.getSetting('improve-model').value).toBe(false)
  })

  it('reports a subscriber that is not a function when it would be called, and keeps the change', async () => {
    const onError = vi.fn()
    const store = createConsentStore({ policyVersion: 'v1', onError })
    await store.ready
    expect(() => store.subscribe('not a function' as never)).not.toThrow()
    await store.set('improve-model', true)
    expect(store.getSetting('improve-model').value).toBe(true)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'listener-failed' }))
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
