import receiptSchema from '../../../packages/core/receipt.schema.json' with { type: 'json' }
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { createConsentReceipt, createConsentStore, memoryStorage, type ConsentReceipt } from '@model-consent/core'

const schema: object = receiptSchema
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false })
addFormats(ajv)
const validate = ajv.compile<ConsentReceipt>(schema)
const expectValid = (receipt: unknown) => {
  const ok = validate(receipt)
  expect(validate.errors ?? []).toEqual([])
  expect(ok).toBe(true)
}

const at = (iso: string) => () => new Date(iso)

async function readyStore(policyVersion = 'v2') {
  const storage = memoryStorage()
  const old = createConsentStore({ policyVersion: 'v1', storage, now: at('2026-11-01T10:00:00.000Z') })
  await old.ready
  await old.set('improve-model', true)
  await old.set('include-audio', true)
  old.destroy()
  const store = createConsentStore({ policyVersion, storage, now: at('2026-12-01T09:30:00.000Z') })
  await store.ready
  return store
}

describe('createConsentReceipt', () => {
  it('records every setting with its purpose, state, time, source and collection method', async () => {
    const store = await readyStore('v1')
    await store.set('include-video', false, { source: 'api' })
    const receipt = createConsentReceipt(store, {
      subject: 'acct_7f3a',
      controller: { name: 'Example AI Ltd', contact: 'privacy@example.com' },
      disclosureVersion: 'disclosure-0123456789abcdef',
      locale: 'pt-BR',
      receiptId: 'r-1',
      now: at('2026-12-01T12:00:00.000Z'),
    })
    expect(receipt).toEqual({
      version: 1,
      receiptId: 'r-1',
      issuedAt: '2026-12-01T12:00:00.000Z',
      subject: { id: 'acct_7f3a' },
      controller: { name: 'Example AI Ltd', contact: 'privacy@example.com' },
      notice: { policyVersion: 'v1', disclosureVersion: 'disclosure-0123456789abcdef', locale: 'pt-BR' },
      consents: [
        expect.objectContaining({ setting: 'improve-model', state: 'given', value: true, effective: true, decidedAt: '2026-11-01T10:00:00.000Z', policyVersion: 'v1', source: 'user', collectionMethod: 'explicit-action' }),
        expect.objectContaining({ setting: 'include-audio', state: 'given', value: true, effective: true, source: 'user' }),
        expect.objectContaining({ setting: 'include-video', state: 'not-given', value: false, effective: false, decidedAt: null, source: null, collectionMethod: 'none' }),
      ],
    })
    expect(receipt.consents[0]!.purpose).toBe('Use of your conversations to train and improve models for everyone.')
    expectValid(receipt)
    expectValid(JSON.parse(JSON.stringify(receipt)))
  })

  it('marks opt-ins that lapsed under a new policy as expired, decided by the policy', async () => {
    const receipt = createConsentReceipt(await readyStore('v2'))
    expect(receipt.notice).toEqual({ policyVersion: 'v2', disclosureVersion: null, locale: null })
    expect(receipt.consents[0]).toMatchObject({
      state: 'expired', value: false, source: 'policy', collectionMethod: 'policy-change', policyVersion: 'v2',
      // A lapse is derived from the stored opt-in, so it is dated deterministically (not by the clock).
      decidedAt: expect.stringMatching(/^2026-11-01T10:00:00/),
    })
    expect(receipt.subject).toBeNull()
    expect(receipt.controller).toBeNull()
    expectValid(receipt)
  })

  it('takes a snapshot as well as a store, and custom purposes for other settings', async () => {
    const store = createConsentStore({ policyVersion: 'p', settings: [{ id: 'share-usage' }] })
    await store.ready
    await store.set('share-usage', true, { source: 'api' })
    const receipt = createConsentReceipt(store.getSnapshot(), { purposes: { 'share-usage': 'Usage statistics.' } })
    expect(receipt.consents).toEqual([
      expect.objectContaining({ setting: 'share-usage', purpose: 'Usage statistics.', state: 'given', collectionMethod: 'app-default' }),
    ])
    expectValid(receipt)
  })

  it('lists the settings of a store in definition order, integer-like ids included', async () => {
    const settings = [{ id: 'zeta' }, { id: '10' }, { id: '2', requires: '10' }, { id: 'alpha' }]
    const store = createConsentStore({ policyVersion: 'p', settings })
    await store.ready
    expect(createConsentReceipt(store).consents.map((entry) => entry.setting)).toEqual(['zeta', '10', '2', 'alpha'])
    // A snapshot is a plain object: its own key order (integer-like ids first, ascending, then the rest in definition order).
    expect(createConsentReceipt(store.getSnapshot()).consents.map((entry) => entry.setting)).toEqual(['2', '10', 'zeta', 'alpha'])
  })

  it('names the purpose of a setting whose id is also an Object.prototype name by its id, or by the purpose given', async () => {
    const store = createConsentStore({ policyVersion: 'p', settings: [{ id: 'constructor' }, { id: 'toString' }, { id: '__proto__' }] })
    await store.ready
    const receipt = createConsentReceipt(store, { receiptId: 'r' })
    expect(receipt.consents.map((entry) => [entry.setting, entry.purpose])).toEqual([
      ['constructor', 'constructor'],
      ['toString', 'toString'],
      ['__proto__', '__proto__'],
    ])
    expectValid(JSON.parse(JSON.stringify(receipt)))
    const purposes = JSON.parse('{"constructor":"Building things.","__proto__":"Prototypes."}') as Record<string, string>
    expect(createConsentReceipt(store, { purposes }).consents.map((entry) => entry.purpose)).toEqual(['Building things.', 'toString', 'Prototypes.'])
  })

  it('shows a managed setting off, with its reason, and keeps the person’s own decision beside it', async () => {
    const snapshot = (await readyStore('v1')).getSnapshot()
    const locked = {
      ...snapshot,
      settings: { ...snapshot.settings, 'improve-model': { ...snapshot.settings['improve-model']!, managed: { value: false, reason: 'organization' } } },
    }
    const receipt = createConsentReceipt(locked as typeof snapshot)
    expect(receipt.consents[0]).toMatchObject({
      state: 'not-given', value: false, effective: false, source: 'user', decidedAt: '2026-11-01T10:00:00.000Z',
      managed: { value: false, reason: 'organization' },
    })
    expect(receipt.consents[1]!.managed).toBeNull()
    expectValid(receipt)
    const bad = { ...locked, settings: { ...locked.settings, 'improve-model': { ...locked.settings['improve-model'], managed: { value: true, reason: 'x' } } } }
    expect(() => createConsentReceipt(bad as never)).toThrow(/settings\["improve-model"\].managed/)
  })

  it('lists the managed settings of a real store', async () => {
    const store = createConsentStore({ policyVersion: 'v1', managed: { 'include-video': { value: false, reason: 'region' } } })
    await store.ready
    const receipt = createConsentReceipt(store)
    expect(receipt.consents.map((c) => c.managed)).toEqual([null, null, { value: false, reason: 'region' }])
    expectValid(receipt)
  })

  it('gives each receipt a new UUID v4 and the current time by default', async () => {
    const store = await readyStore()
    const a = createConsentReceipt(store)
    const b = createConsentReceipt(store)
    expect(a.receiptId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(a.receiptId).not.toBe(b.receiptId)
    expect(Math.abs(Date.parse(a.issuedAt) - Date.now())).toBeLessThan(5000)
  })

  it('describes a turned-off dependent and a reset by how they came about', async () => {
    const store = await readyStore('v1')
    await store.set('improve-model', false)
    const receipt = createConsentReceipt(store)
    expect(receipt.consents.map((c) => [c.setting, c.state, c.collectionMethod])).toEqual([
      ['improve-model', 'not-given', 'explicit-action'],
      ['include-audio', 'not-given', 'requirement-off'],
      ['include-video', 'not-given', 'none'],
    ])
    await store.set('improve-model', true)
    await store.reset()
    expect(createConsentReceipt(store).consents[0]).toMatchObject({ state: 'not-given', collectionMethod: 'reset', source: 'reset' })
  })

  describe('refuses bad input with a TypeError naming it', () => {
    it('for something that is neither a store nor a snapshot', () => {
      for (const bad of [undefined, null, 42, 'store', {}, { settings: {} }, { policyVersion: 'v1', settings: { x: { value: 'yes' } } }]) {
        expect(() => createConsentReceipt(bad as never)).toThrow(TypeError)
        expect(() => createConsentReceipt(bad as never)).toThrow(/storeOrSnapshot/)
      }
    })

    it('for a snapshot that shows a consent no decision of the person gives', async () => {
      const store = await readyStore('v1')
      const snapshot = store.getSnapshot()
      const improve = snapshot.settings['improve-model']!
      const given = { ...improve, value: true, effective: true }
      const forged = [
        { ...given, decision: null },
        { ...given, decision: { ...improve.decision!, value: false } },
        { ...given, decision: { ...improve.decision!, value: true, source: 'policy' } },
        { ...improve, value: false, effective: true },
      ]
      for (const state of forged) {
        const bad = { ...snapshot, settings: { ...snapshot.settings, 'improve-model': state } }
        expect(() => createConsentReceipt(bad as never)).toThrow(TypeError)
        expect(() => createConsentReceipt(bad as never)).toThrow(/storeOrSnapshot.settings\["improve-model"\]/)
      }
    })

    it('for a store that has not loaded yet', () => {
      const store = createConsentStore({ policyVersion: 'v1' })
      expect(() => createConsentReceipt(store)).toThrow(/storeOrSnapshot has status "loading".*await store.ready/)
    })

    it('for each bad option', async () => {
      const store = await readyStore()
      const cases: [unknown, RegExp][] = [
        [null, /options is null/],
        [{ subject: '' }, /options.subject/],
        [{ subject: 'ana@example.com' }, /options.subject .*not an email address/],
        [{ subject: 'x'.repeat(201) }, /options.subject/],
        [{ controller: { contact: 'a@b.c' } }, /options.controller/],
        [{ disclosureVersion: 7 }, /options.disclosureVersion/],
        [{ locale: 'not a locale' }, /options.locale/],
        [{ purposes: { 'improve-model': 3 } }, /options.purposes\["improve-model"\]/],
        [{ receiptId: '' }, /options.receiptId/],
        [{ now: 'today' }, /options.now/],
        [{ now: () => new Date('nope') }, /options.now\(\) returned/],
        // issuedAt must be a date-time with a four-digit year, as its schema says.
        [{ now: () => new Date(8.64e15) }, /options.now\(\) returned "\+275760-09-13T00:00:00.000Z"/],
        [{ now: () => new Date(Date.UTC(-1, 0, 1)) }, /options.now\(\) returned "-000001-01-01T00:00:00.000Z"/],
      ]
      for (const [options, message] of cases) {
        expect(() => createConsentReceipt(store, options as never)).toThrow(TypeError)
        expect(() => createConsentReceipt(store, options as never)).toThrow(message)
      }
    })
  })

  describe('its JSON Schema', () => {
    it('refuses receipts that break the documented shape', async () => {
      const good = createConsentReceipt(await readyStore('v1'), { receiptId: 'r' })
      const broken = [
        { ...good, version: 2 },
        { ...good, extra: true },
        { ...good, subject: { id: 'ana@example.com' } },
        { ...good, issuedAt: 'yesterday' },
        { ...good, consents: [{ ...good.consents[0], state: 'maybe' }] },
        { ...good, consents: [{ ...good.consents[0], state: 'given', value: false }] },
        { ...good, consents: [{ ...good.consents[2], source: 'user' }] },
        { ...good, consents: [{ ...good.consents[0], managed: { value: false, reason: 'age' } }] },
        { ...good, consents: [{ ...good.consents[0], managed: undefined }] },
      ]
      for (const receipt of broken) expect(validate(receipt)).toBe(false)
    })
  })
})
