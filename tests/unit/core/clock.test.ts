import { createConsentStore } from '@model-consent/core'

describe('createConsentStore without a clock', () => {
  it('stamps decisions with the current time as an ISO 8601 string', async () => {
    const store = createConsentStore({ policyVersion: 'v1' })
    await store.ready
    const before = Date.now()
    await store.set('improve-model', true)
    const after = Date.now()
    const { decidedAt } = store.getSetting('improve-model').decision!
    expect(decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(Date.parse(decidedAt)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(decidedAt)).toBeLessThanOrEqual(after)
  })
})

describe('createConsentStore with a clock', () => {
  it('dates each decision exactly as the clock reads, within a minute and across minutes, hours and years', async () => {
    const times = [
      '2026-12-31T23:58:59.999Z', '2026-12-31T23:59:00.000Z', '2026-12-31T23:59:00.001Z', '2026-12-31T23:59:07.040Z',
      '2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:10.500Z', '2027-01-01T01:00:59.090Z',
      '2027-01-01T01:01:00.900Z', '9999-12-31T23:59:59.998Z',
    ]
    let index = 0
    const store = createConsentStore({ policyVersion: 'v1', now: () => new Date(times[index]!) })
    await store.ready
    for (; index < times.length; index++) {
      await store.set('improve-model', index % 2 === 0)
      expect(store.getSetting('improve-model').decision!.decidedAt).toBe(times[index])
    }
  })
})
