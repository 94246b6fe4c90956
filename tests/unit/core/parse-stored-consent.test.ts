import { ConsentError, parseStoredConsent } from '@model-consent/core'
import { describe, expect, it } from 'vitest'

const decision = { value: true, decidedAt: '2026-12-01T10:00:00.000Z', policyVersion: '2026-12', source: 'user' }

describe('parseStoredConsent', () => {
  it('returns valid data, frozen, from an object or its JSON text', () => {
    const data = { formatVersion: 1, decisions: { 'improve-model': decision } }
    for (const input of [data, JSON.stringify(data)]) {
      const parsed = parseStoredConsent(input)
      expect(parsed).toEqual(data)
      expect(Object.isFrozen(parsed)).toBe(true)
      expect(Object.isFrozen(parsed.decisions)).toBe(true)
    }
  })

  it('accepts an empty record', () => {
    expect(parseStoredConsent({ formatVersion: 1, decisions: {} })).toEqual({ formatVersion: 1, decisions: {} })
  })

  const invalid: Array<[string, unknown, RegExp]> = [
    ['bad JSON', '{"formatVersion":1,', /not valid JSON/],
    ['null', null, /must be an object/],
    ['an array', [], /must be an object/],
    ['a wrong format version', { formatVersion: 2, decisions: {} }, /format version 2/],
    ['an unknown setting id', { formatVersion: 1, decisions: { 'share-everything': decision } }, /unknown setting "share-everything"/],
    ['a __proto__ key', '{"formatVersion":1,"decisions":{"__proto__":{"value":true}}}', /unknown setting "__proto__"/],
    ['a non-boolean value', { formatVersion: 1, decisions: { 'improve-model': { ...decision, value: 'true' } } }, /non-boolean value/],
    ['a bad date', { formatVersion: 1, decisions: { 'improve-model': { ...decision, decidedAt: '2026-02-30T00:00:00Z' } } }, /invalid decidedAt/],
    ['an unknown source', { formatVersion: 1, decisions: { 'improve-model': { ...decision, source: 'admin' } } }, /unknown source "admin"/],
    ['an opt-in by a source that only turns off', { formatVersion: 1, decisions: { 'improve-model': { ...decision, source: 'policy' } } }, /only ever turns settings off/],
    ['an unknown top-level key', { formatVersion: 1, decisions: {}, extra: 1 }, /unknown key "extra"/],
    ['an unknown decision key', { formatVersion: 1, decisions: { 'improve-model': { ...decision, by: 'admin' } } }, /unknown key "by"/],
    ['too much text', 'x'.repeat(1_000_001), /too large/],
  ]
  it.each(invalid)('refuses %s with a storage-invalid ConsentError', (_, input, message) => {
    let thrown: unknown
    try {
      parseStoredConsent(input)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ConsentError)
    expect((thrown as ConsentError).code).toBe('storage-invalid')
    expect((thrown as ConsentError).message).toMatch(message)
    expect(({} as Record<string, unknown>).value).toBeUndefined()
  })

  it('validates against the given settings', () => {
    const settings = [{ id: 'share-logs' }]
    const data = { formatVersion: 1, decisions: { 'share-logs': decision } }
    expect(parseStoredConsent(data, { settings })).toEqual(data)
    expect(() => parseStoredConsent({ formatVersion: 1, decisions: { 'improve-model': decision } }, { settings })).toThrow(/unknown setting/)
  })

  it('refuses options that are not an object with a TypeError', () => {
    expect(() => parseStoredConsent({}, 'strict' as never)).toThrow(TypeError)
  })
})
