import { createConsentStore, localStorageAdapter } from '@model-consent/core'
import type { ConsentChangeEvent, ConsentErrorLike, StoredConsent } from '@model-consent/core'
import { controllableStorage, flush } from './support/controllable-storage'
import { fakeClock } from './support/fake-clock'
import { decision, stored, storedText, values } from './support/stored'

const optedIn = stored({
  'improve-model': decision(true, 'v1', 'user', '2026-11-20T10:00:00.000Z'),
  'include-audio': decision(true, 'v1', 'user', '2026-11-20T10:00:01.000Z'),
})

function setup(initialData: StoredConsent | string | null, storage = controllableStorage()) {
  const errors: ConsentErrorLike[] = []
  const events: ConsentChangeEvent[] = []
  const store = createConsentStore({ policyVersion: 'v1', storage, initialData, now: fakeClock('2026-12-01T00:00:00.000Z').now, onError: (e) => errors.push(e) })
  store.onConsentChange((event) => events.push(event))
  return { store, storage, errors, events }
}

describe('createConsentStore with initialData', () => {
  it('starts ready with the given decisions; the first client snapshot is the server snapshot', () => {
    const { store, errors } = setup(optedIn)
    expect(store.getSnapshot()).toBe(store.getServerSnapshot())
    expect(store.getSnapshot().status).toBe('ready')
    expect(values(store.getSnapshot())).toEqual({ 'improve-model': true, 'include-audio': true, 'include-video': false })
    expect(store.getSetting('include-audio')).toMatchObject({ effective: true, decision: optedIn.decisions['include-audio'] })
    expect(errors).toEqual([])
  })

  it('accepts the JSON text and null (nothing decided)', () => {
    expect(values(setup(JSON.stringify(optedIn)).store.getSnapshot())['improve-model']).toBe(true)
    const empty = setup(null).store.getSnapshot()
    expect(empty.status).toBe('ready')
    expect(values(empty)).toEqual({ 'improve-model': false, 'include-audio': false, 'include-video': false })
  })

  it('reports invalid decisions through onError and reads them off, keeping the valid ones', () => {
    const data = { formatVersion: 1, decisions: { 'improve-model': decision(true), 'include-video': { value: true, decidedAt: 'yesterday' } } }
    const { store, errors } = setup(data as unknown as StoredConsent)
    expect(values(store.getSnapshot())).toEqual({ 'improve-model': true, 'include-audio': false, 'include-video': false })
    expect(errors).toEqual([expect.objectContaining({ code: 'storage-invalid', message: expect.stringMatching(/initial data.*include-video/) })])
  })

  it('keeps the server snapshot when storage holds the same, with no event and no save', async () => {
    const { store, storage, events } = setup(optedIn, controllableStorage(JSON.stringify(optedIn)))
    const first = store.getSnapshot()
    await store.ready
    expect(values(store.getSnapshot())).toEqual(values(first))
    expect(events).toEqual([])
    expect(storage.attempts).toEqual([])
  })

  it('shows a newer withdrawal from storage with a sync event', async () => {
    const storage = controllableStorage(storedText({ 'improve-model': decision(false, 'v1', 'user', '2026-11-25T00:00:00.000Z') }))
    const { store, events } = setup(optedIn, storage)
    await store.ready
    expect(values(store.getSnapshot())).toEqual({ 'improve-model': false, 'include-audio': false, 'include-video': false })
    expect(events.map((e) => `${e.setting}:${e.value}:${e.source}`)).toEqual(['improve-model:false:sync', 'include-audio:false:cascade'])
    expect(store.getServerSnapshot().settings['improve-model']!.value).toBe(true)
  })

  it('keeps newer initial decisions over older stored ones and saves them back', async () => {
    const storage = controllableStorage(storedText({ 'improve-model': decision(false, 'v1', 'user', '2026-01-01T00:00:00.000Z') }))
    const { store, events } = setup(optedIn, storage)
    await store.ready
    await flush()
    expect(values(store.getSnapshot())['improve-model']).toBe(true)
    expect(events).toEqual([])
    expect(JSON.parse(storage.text!).decisions['improve-model']).toEqual(optedIn.decisions['improve-model'])
  })

  it.each([
    ['storage holding the same opt-ins', () => controllableStorage(JSON.stringify(optedIn))],
    ['empty storage', () => controllableStorage()],
  ])('emits the policy lapse of the opt-ins in initialData once loaded, as without initialData (%s)', async (_, storage) => {
    const errors: ConsentErrorLike[] = []
    const events: ConsentChangeEvent[] = []
    const store = createConsentStore({ policyVersion: 'v2', storage: storage(), initialData: optedIn, onError: (e) => errors.push(e) })
    store.onConsentChange((event) => events.push(event))
    // Lapsed from the start (server and hydrating browser alike): nothing reads on meanwhile.
    expect(store.getServerSnapshot().settings['improve-model']).toMatchObject({ value: false, needsReconsent: true })
    await store.ready
    expect(events.map((e) => `${e.setting}:${e.previousValue}->${e.value}:${e.source}:${e.policyVersion}:${e.timestamp}`)).toEqual([
      'improve-model:true->false:policy:v2:2026-11-20T10:00:00.000Z',
      'include-audio:true->false:policy:v2:2026-11-20T10:00:01.000Z',
    ])
    expect(values(store.getSnapshot())).toEqual({ 'improve-model': false, 'include-audio': false, 'include-video': false })
    expect(errors).toEqual([])
  })

  it('emits no lapse for an opt-in that storage already shows withdrawn (the newer withdrawal is what the person saw last)', async () => {
    const storage = controllableStorage(storedText({ 'improve-model': decision(false, 'v2', 'user', '2026-11-25T00:00:00.000Z') }))
    const events: ConsentChangeEvent[] = []
    const store = createConsentStore({ policyVersion: 'v2', storage, initialData: stored({ 'improve-model': decision(true, 'v1', 'user', '2026-11-20T10:00:00.000Z') }), onError: () => {} })
    store.onConsentChange((event) => events.push(event))
    await store.ready
    expect(events).toEqual([])
    expect(store.getSetting('improve-model')).toMatchObject({ value: false, needsReconsent: false })
  })

  it('emits no lapse that storage already holds (an earlier page saved it and emitted it then)', async () => {
    const lapse = (at: string) => decision(false, 'v2', 'policy', at)
    const storage = controllableStorage(storedText({ 'improve-model': lapse('2026-11-20T10:00:00.000Z'), 'include-audio': lapse('2026-11-20T10:00:01.000Z') }))
    const events: ConsentChangeEvent[] = []
    const store = createConsentStore({ policyVersion: 'v2', storage, initialData: optedIn, onError: () => {} })
    store.onConsentChange((event) => events.push(event))
    await store.ready
    expect(events).toEqual([])
    expect(store.getSetting('improve-model')).toMatchObject({ value: false, needsReconsent: true })
  })

  it('runs a set made before storage is read on the loaded base', async () => {
    const storage = controllableStorage(storedText({ 'include-video': decision(true, 'v1', 'user', '2026-11-21T00:00:00.000Z') }))
    const { store } = setup(optedIn, storage)
    const withdrawing = store.set('include-audio', false)
    expect(store.getSetting('include-audio').pending).toBe(true)
    await withdrawing
    expect(values(store.getSnapshot())).toEqual({ 'improve-model': true, 'include-audio': false, 'include-video': true })
    const saved = JSON.parse(storage.text!).decisions as Record<string, { value: boolean }>
    expect(saved['include-audio']!.value).toBe(false)
    expect(saved['include-video']!.value).toBe(true)
  })

  it('reports unusable browser storage with a message about the choices the page was given', async () => {
    const blocked = { getItem: () => { throw new Error('SecurityError') } } as unknown as Storage
    const { store, errors } = setup(optedIn, undefined)
    await store.ready
    expect(errors).toEqual([])
    const other = createConsentStore({ policyVersion: 'v1', storage: localStorageAdapter({ storage: blocked }), initialData: optedIn, onError: (e) => errors.push(e) })
    await other.ready
    expect(values(other.getSnapshot())['improve-model']).toBe(true)
    expect(errors).toEqual([expect.objectContaining({ code: 'storage-unavailable', message: expect.stringMatching(/in this browser, so this page shows the choices it was given/) })])
  })
})
