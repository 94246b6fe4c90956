import { createConsentStore } from '@model-consent/core'
import { expect, test } from 'vitest'

// Writes kept in memory only merge and derive the settings they touch: the cascades they cause
// must still be kept, so an older opt-in never comes back when its requirement is turned on again.
test('a managed dependent that a write cascades off stays off when its requirement comes back (in memory)', async () => {
  const at = '2026-01-01T00:00:00.000Z'
  const on = { value: true, decidedAt: at, policyVersion: 'p1', source: 'user' as const }
  let now = Date.parse(at) + 1
  const store = createConsentStore({
    policyVersion: 'p1',
    settings: [{ id: 'a' }, { id: 'b', requires: 'a' }, { id: 'c', requires: 'b' }, { id: 'x' }],
    initialData: { formatVersion: 1, decisions: { a: on, b: on, c: on } },
    managed: { c: { value: false, reason: 'organization' } },
    now: () => new Date(now++),
  })
  await store.ready
  await store.set('x', true) // the first write keeps whatever loading derived; the next ones touch only their settings
  await store.set('a', false)
  expect(store.getSetting('c')?.decision).toMatchObject({ value: false, source: 'cascade' })
  await store.set('a', true)
  await store.set('b', true)
  expect(store.getSetting('c')?.decision).toMatchObject({ value: false, source: 'cascade' })
  expect(store.getSetting('b')).toMatchObject({ value: true, effective: true })
})
