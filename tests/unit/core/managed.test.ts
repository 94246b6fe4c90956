import { ConsentError, createConsentStore, memoryStorage, type ConsentChangeEvent, type ConsentStorage, type StoredConsent } from '@model-consent/core'
import { decision, stored } from './support/stored'

const ORG = { 'improve-model': { value: false, reason: 'organization' } } as const

/** Memory storage that also records every save. */
function recordingStorage(initial?: StoredConsent) {
  const inner = memoryStorage(initial)
  const saves: StoredConsent[] = []
  const storage: ConsentStorage = {
    load: () => inner.load(),
    save: (data) => {
      saves.push(data)
      return inner.save(data)
    },
  }
  return { storage, saves }
}

describe('createConsentStore with managed settings', () => {
  it('reads a managed setting off, with its reason, while keeping the person’s own decision', async () => {
    const { storage } = recordingStorage(stored({ 'improve-model': decision(true), 'include-audio': decision(true) }))
    const store = createConsentStore({ policyVersion: 'v1', storage, managed: ORG })
    await store.ready
    expect(store.getSetting('improve-model')).toMatchObject({
      value: false,
      effective: false,
      needsReconsent: false,
      managed: { value: false, reason: 'organization' },
      decision: decision(true),
    })
    // Its dependents are held off too.
    expect(store.getSetting('include-audio')).toMatchObject({ effective: false, managed: null })
    expect(store.getSetting('include-video').managed).toBeNull()
  })

  it('says so in the server snapshot too', () => {
    const store = createConsentStore({ policyVersion: 'v1', managed: ORG })
    expect(store.getServerSnapshot().settings['improve-model']!.managed).toEqual({ value: false, reason: 'organization' })
    expect(store.getServerSnapshot().settings['include-audio']!.managed).toBeNull()
  })

  it('rejects set on a managed setting with a ConsentError of code managed, and saves nothing', async () => {
    const { storage, saves } = recordingStorage()
    const events: ConsentChangeEvent[] = []
    const store = createConsentStore({ policyVersion: 'v1', storage, managed: ORG, onError: () => {} })
    store.onConsentChange((event) => events.push(event))
    await store.ready
    const before = store.getSnapshot()
    for (const value of [true, false]) {
      const error = await store.set('improve-model', value).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ConsentError)
      expect(error).toMatchObject({ code: 'managed', setting: 'improve-model' })
    }
    await expect(store.set('include-audio', true)).rejects.toMatchObject({ code: 'requirement-off' })
    expect(store.getSnapshot()).toBe(before)
    expect(saves).toEqual([])
    expect(events).toEqual([])
  })

  it('gives the person’s own saved decision back when the lock is lifted', async () => {
    const { storage } = recordingStorage(stored({ 'improve-model': decision(true), 'include-audio': decision(true) }))
    const locked = createConsentStore({ policyVersion: 'v1', storage, managed: ORG })
    await locked.ready
    locked.destroy()
    const lifted = createConsentStore({ policyVersion: 'v1', storage })
    await lifted.ready
    expect(lifted.getSetting('improve-model')).toMatchObject({ value: true, effective: true, managed: null })
    expect(lifted.getSetting('include-audio')).toMatchObject({ value: true, effective: true })
  })

  it('can hold a single dependent off by region while the rest stays the person’s', async () => {
    const store = createConsentStore({ policyVersion: 'v1', managed: { 'include-video': { value: false, reason: 'region' } } })
    await store.ready
    await store.set('improve-model', true)
    await store.set('include-audio', true)
    await expect(store.set('include-video', true)).rejects.toMatchObject({ code: 'managed', setting: 'include-video' })
    expect(store.getSetting('include-video')).toMatchObject({ value: false, effective: false, managed: { reason: 'region' } })
    expect(store.getSetting('include-audio').effective).toBe(true)
  })

  it('withdraws the person’s own opt-in under the lock on reset, so it does not come back when the lock is lifted', async () => {
    const { storage } = recordingStorage(stored({ 'improve-model': decision(true), 'include-audio': decision(true) }))
    const events: ConsentChangeEvent[] = []
    const locked = createConsentStore({ policyVersion: 'v1', storage, managed: ORG })
    locked.onConsentChange((event) => events.push(event))
    await locked.ready
    await locked.reset()
    // It read off all along: no event says it changed.
    expect(events.map((event) => event.setting)).toEqual(['include-audio'])
    expect(locked.getSetting('improve-model')).toMatchObject({ value: false, managed: { reason: 'organization' }, decision: { value: false, source: 'reset' } })
    locked.destroy()
    const lifted = createConsentStore({ policyVersion: 'v1', storage })
    await lifted.ready
    expect(lifted.getSetting('improve-model')).toMatchObject({ value: false, decision: { value: false, source: 'reset' } })
    expect(lifted.getSetting('include-audio')).toMatchObject({ value: false, decision: { value: false, source: 'reset' } })
  })

  it('does not ask for re-consent on a managed setting', async () => {
    const storage = memoryStorage(stored({ 'improve-model': decision(true, 'v1') }))
    const store = createConsentStore({ policyVersion: 'v2', storage, managed: ORG })
    await store.ready
    expect(store.getSetting('improve-model').needsReconsent).toBe(false)
  })

  describe('refuses a managed option that is not "held off, with a reason"', () => {
    it('with a TypeError naming the setting for value: true', () => {
      const managed = { 'include-audio': { value: true, reason: 'organization' } } as never
      expect(() => createConsentStore({ policyVersion: 'v1', managed })).toThrow(TypeError)
      expect(() => createConsentStore({ policyVersion: 'v1', managed })).toThrow(/"include-audio".*only be held off/)
    })

    it.each([
      [{ 'no-such-setting': { value: false, reason: 'age' } }, /no-such-setting.*known setting, one of: improve-model/],
      [{ 'improve-model': { value: false } }, /reason/],
      [{ 'improve-model': { value: false, reason: '  ' } }, /reason/],
      [{ 'improve-model': false }, /managed\["improve-model"\] is false, expected \{ value: false, reason \}/],
      ['organization', /managed is "organization"/],
    ])('with a TypeError for %j', (managed, message) => {
      expect(() => createConsentStore({ policyVersion: 'v1', managed: managed as never })).toThrow(message)
    })
  })
})

describe('store.set with record', () => {
  it('saves an unchanged value as the person’s decision under the current policy, without an event', async () => {
    const { storage, saves } = recordingStorage()
    const events: ConsentChangeEvent[] = []
    const store = createConsentStore({ policyVersion: 'v3', storage, now: () => new Date('2026-12-01T10:00:00.000Z') })
    store.onConsentChange((event) => events.push(event))
    await store.ready
    await store.set('improve-model', false)
    expect(saves).toHaveLength(0)
    await store.set('improve-model', false, { record: true })
    expect(store.getSetting('improve-model').decision).toEqual({
      value: false, decidedAt: '2026-12-01T10:00:00.000Z', policyVersion: 'v3', source: 'user',
    })
    expect(saves).toHaveLength(1)
    expect(events).toEqual([])
    // Recorded once: the same again changes nothing.
    const snapshot = store.getSnapshot()
    await store.set('improve-model', false, { record: true })
    expect(store.getSnapshot()).toBe(snapshot)
    expect(saves).toHaveLength(1)
  })

  it('refuses a record option that is not a boolean', async () => {
    const store = createConsentStore({ policyVersion: 'v1' })
    await expect(store.set('improve-model', false, { record: 'yes' } as never)).rejects.toThrow(/record must be true or false/)
  })
})
