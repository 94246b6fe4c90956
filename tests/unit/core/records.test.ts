import { isIsoDate } from '../../../packages/core/src/records'
import { createConsentStore, FORMAT_VERSION, memoryStorage } from '@model-consent/core'
import type { StoredConsent } from '@model-consent/core'
import type { ConsentErrorLike, ConsentStorage } from '@model-consent/core'
import { decision, stored, storedText, values } from './support/stored'

async function load(storage: ConsentStorage, policyVersion = 'v1') {
  const errors: ConsentErrorLike[] = []
  const store = createConsentStore({ policyVersion, storage, onError: (error) => errors.push(error) })
  await store.ready
  return { store, errors, snapshot: store.getSnapshot() }
}

describe('decision records', () => {
  it('writes format version 1 with a decision per decided setting', async () => {
    let saved: unknown
    const storage: ConsentStorage = { load: () => null, save: (data) => void (saved = data) }
    const store = createConsentStore({ policyVersion: 'v1', storage, now: () => new Date('2026-03-04T05:06:07.000Z') })
    await store.set('improve-model', true, { source: 'api' })
    expect(FORMAT_VERSION).toBe(1)
    expect(saved).toEqual({
      formatVersion: 1,
      decisions: { 'improve-model': { value: true, decidedAt: '2026-03-04T05:06:07.000Z', policyVersion: 'v1', source: 'api' } },
    })
  })

  it('reads back what it wrote, as an object or as JSON text', async () => {
    const data = stored({ 'improve-model': decision(true), 'include-video': decision(true, 'v1', 'api') })
    for (const storage of [memoryStorage(data), memoryStorage(JSON.stringify(data)), { load: () => data, save: () => undefined }]) {
      const { snapshot, errors } = await load(storage)
      expect(values(snapshot)).toEqual({ 'improve-model': true, 'include-audio': false, 'include-video': true })
      expect(snapshot.settings['include-video']!.decision).toEqual(decision(true, 'v1', 'api'))
      expect(errors).toEqual([])
    }
  })

  it('accepts decidedAt with a time zone offset and without milliseconds', async () => {
    const storage = memoryStorage(storedText({ 'improve-model': decision(true, 'v1', 'user', '2025-06-01T12:00:00+02:00') }))
    const { snapshot, errors } = await load(storage)
    expect(snapshot.settings['improve-model']!.value).toBe(true)
    expect(errors).toEqual([])
  })

  it('keeps a valid decision next to a broken one and reports only the broken one', async () => {
    const storage = memoryStorage(
      JSON.stringify({ formatVersion: 1, decisions: { 'improve-model': decision(true), 'include-audio': { ...decision(true), value: 'yes' } } }),
    )
    const { snapshot, errors } = await load(storage)
    expect(values(snapshot)).toEqual({ 'improve-model': true, 'include-audio': false, 'include-video': false })
    expect(errors).toHaveLength(1)
    expect(errors[0]!.message).toMatch(/"include-audio" has a non-boolean value "yes"/)
  })

  it.each([
    ['an impossible calendar date', '2025-02-30T12:00:00.000Z'],
    ['a month 13', '2025-13-01T12:00:00.000Z'],
    ['a date without a time', '2025-06-01'],
    ['a local time without a zone', '2025-06-01T12:00:00'],
    ['an hour 24', '2025-06-01T24:00:00Z'],
  ])('reads an opt-in with %s as off and reports it', async (_, decidedAt) => {
    const storage = memoryStorage(storedText({ 'improve-model': decision(true, 'v1', 'user', decidedAt) }))
    const { snapshot, errors } = await load(storage)
    expect(snapshot.settings['improve-model']!.value).toBe(false)
    expect(errors).toEqual([expect.objectContaining({ code: 'storage-invalid', message: expect.stringContaining('invalid decidedAt') })])
  })

  it.each(['policy', 'cascade', 'reset'] as const)(
    'reads a stored opt-in with source %s as off, since that source only ever turns settings off',
    async (source) => {
      const storage = memoryStorage(storedText({ 'improve-model': decision(true, 'v1', source) }))
      const { snapshot, errors } = await load(storage)
      expect(snapshot.settings['improve-model']!.value).toBe(false)
      expect(errors).toEqual([expect.objectContaining({ code: 'storage-invalid', message: expect.stringContaining(source) })])
    },
  )

  it('reads a decision whose fields are inherited rather than its own as off', async () => {
    const inherited = Object.create(decision(true)) as object
    const storage: ConsentStorage = { load: () => ({ formatVersion: 1, decisions: { 'improve-model': inherited } }), save: () => undefined }
    const { snapshot, errors } = await load(storage)
    expect(snapshot.settings['improve-model']!.value).toBe(false)
    expect(errors).toHaveLength(1)
  })

  it('hands storage frozen data, so mutating saved data changes nothing', async () => {
    const storage = memoryStorage()
    const store = createConsentStore({ policyVersion: 'v1', storage })
    await store.set('improve-model', true)
    const saved = storage.load() as StoredConsent
    expect(saved).toMatchObject({ formatVersion: 1, decisions: { 'improve-model': { value: true } } })
    expect(Object.isFrozen(saved)).toBe(true)
    expect(Object.isFrozen(saved.decisions)).toBe(true)
    expect(Object.isFrozen(saved.decisions['improve-model'])).toBe(true)
  })
})

describe('isIsoDate', () => {
  it.each([
    '2024-02-29T23:59:59.999999999Z',
    '2025-01-31T00:00Z',
    '2025-04-30T12:00:00+23:59',
    '2000-02-29T00:00:00-00:00',
    '0001-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
  ])('accepts %s', (text) => {
    expect(isIsoDate(text)).toBe(true)
  })

  it.each([
    ['a day after the end of February', '2025-02-29T00:00Z'],
    ['February 29 of a century that is not a leap year', '1900-02-29T00:00Z'],
    ['April 31', '2025-04-31T00:00Z'],
    ['month 0', '2025-00-10T00:00Z'],
    ['month 13', '2025-13-10T00:00Z'],
    ['day 0', '2025-06-00T00:00Z'],
    ['day 32', '2025-01-32T00:00Z'],
    ['hour 24', '2025-06-01T24:00Z'],
    ['minute 60', '2025-06-01T23:60Z'],
    ['second 60', '2025-06-01T12:00:60Z'],
    ['an offset of 24 hours', '2025-06-01T12:00+24:00'],
    ['an offset minute 60', '2025-06-01T12:00+05:60'],
    ['ten fraction digits', '2025-06-01T12:00:00.1234567890Z'],
    ['a six-digit year', '+012025-06-01T12:00Z'],
    ['an instant after year 9999 (by its offset)', '9999-12-31T23:59:59.999-00:01'],
  ])('refuses %s', (_, text) => {
    expect(isIsoDate(text)).toBe(false)
  })
})
