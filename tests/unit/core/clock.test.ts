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
