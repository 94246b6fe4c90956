import { ConsentError, createConsentStore, memoryStorage } from '@model-consent/core'
import type { ConsentErrorLike, ConsentStorage, StoredConsent } from '@model-consent/core'
import { controllableStorage, flush, releaseAll } from './support/controllable-storage'
import { fakeClock } from './support/fake-clock'
import { decision, storedText, values } from './support/stored'

type Decisions = Record<string, { value: boolean; source: string; decidedAt: string; policyVersion: string }>
const savedIn = (text: string | null): Decisions => (text ? (JSON.parse(text) as { decisions: Decisions }).decisions : {})

/** Storage whose load waits until the test lets it answer. */
function slowLoading(initial: string) {
  let text: string | null = initial
  let answer: () => void = () => undefined
  let loads = 0
  const storage: ConsentStorage = {
    load: () => (loads++ === 0 ? new Promise((resolve) => (answer = () => resolve(text))) : text),
    save: (data) => void (text = JSON.stringify(data)),
  }
  return { storage, answer: () => answer(), text: () => text }
}

describe('teardown', () => {
  const stored = storedText({
    'improve-model': decision(true),
    'include-audio': decision(true),
    'include-video': decision(true),
  })

  it('keeps a withdrawal made while loading when the store is destroyed before loading ends', async () => {
    const slow = slowLoading(stored)
    const errors: ConsentErrorLike[] = []
    const store = createConsentStore({ policyVersion: 'v1', storage: slow.storage, now: fakeClock().now, onError: (e) => errors.push(e) })
    const withdrawing = store.set('improve-model', false)
    store.destroy()
    await flush()
    slow.answer()
    await expect(withdrawing).resolves.toBeUndefined()
    const saved = savedIn(slow.text())
    expect(saved['improve-model']).toMatchObject({ value: false, source: 'user' })
    expect(saved['include-audio']).toMatchObject({ value: false, source: 'cascade' })
    expect(errors).toEqual([])
    const next = createConsentStore({ policyVersion: 'v1', storage: memoryStorage(slow.text()) })
    await next.ready
    expect(values(next.getSnapshot())).toEqual({ 'improve-model': false, 'include-audio': false, 'include-video': false })
  })

  it('writes a queued opt-in onto the loaded decisions, never onto an empty base', async () => {
    const slow = slowLoading(storedText({ 'improve-model': decision(true), 'include-video': decision(true) }))
    const store = createConsentStore({ policyVersion: 'v1', storage: slow.storage, now: fakeClock().now })
    const optingIn = store.set('include-audio', true)
    store.destroy()
    await flush()
    slow.answer()
    await optingIn
    const saved = savedIn(slow.text())
    expect(Object.keys(saved).sort()).toEqual(['improve-model', 'include-audio', 'include-video'])
    expect(saved['include-video']).toEqual(decision(true))
  })

  it('keeps a withdrawal a handler made as it heard of a change, when the store is destroyed right after', async () => {
    const storage = memoryStorage(storedText({ 'improve-model': decision(true), 'include-audio': decision(true) }))
    const store = createConsentStore({ policyVersion: 'v1', storage, now: fakeClock().now })
    await store.ready
    let withdrawing: Promise<void> | undefined
    // The app withdraws audio whenever video is withdrawn, then the page tears the store down.
    store.onConsentChange((event) => {
      if (event.setting !== 'include-video' || event.value) return
      withdrawing = store.set('include-audio', false)
      store.destroy()
    })
    await store.set('include-video', true)
    await store.set('include-video', false)
    await expect(withdrawing).resolves.toBeUndefined()
    const next = createConsentStore({ policyVersion: 'v1', storage })
    await next.ready
    expect(values(next.getSnapshot())).toEqual({ 'improve-model': true, 'include-audio': false, 'include-video': false })
  })

  it('rejects and reports a set made before destroy() whose save fails', async () => {
    const storage = controllableStorage(stored)
    storage.mode = 'fail'
    const errors: ConsentErrorLike[] = []
    const store = createConsentStore({ policyVersion: 'v1', storage, now: fakeClock().now, onError: (e) => errors.push(e) })
    const withdrawing = store.set('improve-model', false)
    store.destroy()
    await expect(withdrawing).rejects.toMatchObject({ code: 'save-failed', setting: 'improve-model' })
    expect(errors).toEqual([expect.objectContaining({ code: 'save-failed' })])
  })
})

describe('the clock', () => {
  it('reports an invalid Date through onError, dates the decision by the system clock, and saves', async () => {
    const storage = controllableStorage()
    const errors: ConsentErrorLike[] = []
    const store = createConsentStore({ policyVersion: 'v1', storage, now: () => new Date(Number.NaN), onError: (e) => errors.push(e) })
    await expect(store.ready).resolves.toBeUndefined()
    const before = Date.now()
    await store.set('improve-model', true)
    await store.set('include-audio', true)
    const { decidedAt } = store.getSetting('improve-model').decision!
    expect(Date.parse(decidedAt)).toBeGreaterThanOrEqual(before)
    expect(errors).toEqual([expect.objectContaining({ code: 'clock-invalid', message: expect.stringMatching(/invalid Date/) })])
    const next = createConsentStore({ policyVersion: 'v1', storage: memoryStorage(storage.text) })
    await next.ready
    expect(values(next.getSnapshot())).toMatchObject({ 'improve-model': true, 'include-audio': true })
  })

  it('never lets ready reject, even when a policy lapse is found with a broken clock', async () => {
    const storage = controllableStorage(storedText({ 'improve-model': decision(true, 'v0') }))
    const store = createConsentStore({ policyVersion: 'v1', storage, now: () => new Date(Number.NaN), onError: () => undefined })
    await expect(store.ready).resolves.toBeUndefined()
    expect(store.getSetting('improve-model')).toMatchObject({ value: false, needsReconsent: true })
  })

  it.each([
    ['a date after year 9999', () => new Date(Date.UTC(10000, 0, 1))],
    ['a date before year 0', () => new Date(Date.UTC(-1, 0, 1))],
    ['a string', () => '2026-01-01T00:00:00.000Z' as unknown as Date],
    ['a clock that throws', () => { throw new Error('no time') }],
  ])('refuses %s at creation with a TypeError naming it', (_, now) => {
    expect(() => createConsentStore({ policyVersion: 'v1', now })).toThrow(TypeError)
    expect(() => createConsentStore({ policyVersion: 'v1', now })).toThrow(/now/)
  })

  it('dates each new decision after every decision it has seen, even with a clock that stands still or runs behind', async () => {
    const future = '2030-01-01T00:00:00.000Z'
    const storage = controllableStorage(storedText({ 'improve-model': decision(true, 'v1', 'user', future) }))
    const store = createConsentStore({ policyVersion: 'v1', storage, now: () => new Date('2026-01-01T00:00:00.000Z') })
    await store.ready
    await store.set('improve-model', false)
    await store.set('improve-model', true)
    expect(store.getSetting('improve-model')).toMatchObject({ value: true, decision: { decidedAt: '2030-01-01T00:00:00.002Z' } })
  })
})

describe('the last instant stored data can hold', () => {
  const last = '9999-12-31T23:59:59.999Z'

  it('still dates a withdrawal of an opt-in stored at that instant so every tab reads it back, and it wins', async () => {
    const storage = controllableStorage(storedText({ 'improve-model': decision(true, 'v1', 'user', last) }))
    const errors: ConsentErrorLike[] = []
    const open = () => createConsentStore({ policyVersion: 'v1', storage, onError: (e) => errors.push(e) })
    const here = open()
    const other = open()
    await Promise.all([here.ready, other.ready])
    await here.set('improve-model', false)
    storage.writeExternally(storage.text)
    await flush()
    expect(values(other.getSnapshot())['improve-model']).toBe(false)
    // The other tab's next save keeps the withdrawal.
    await other.set('include-video', false)
    const reader = open()
    await reader.ready
    expect(values(reader.getSnapshot())['improve-model']).toBe(false)
    expect(savedIn(storage.text)['improve-model']).toMatchObject({ value: false, source: 'user' })
    expect(errors).toEqual([])
  })

  it('is where a clock standing at it dates every later decision, and what it writes reads back', async () => {
    const storage = controllableStorage()
    const errors: ConsentErrorLike[] = []
    const store = createConsentStore({ policyVersion: 'v1', storage, now: () => new Date(last), onError: (e) => errors.push(e) })
    await store.set('improve-model', true)
    await store.set('improve-model', false)
    const reader = createConsentStore({ policyVersion: 'v1', storage, onError: (e) => errors.push(e) })
    await reader.ready
    expect(reader.getSetting('improve-model')).toMatchObject({ value: false, decision: { value: false, decidedAt: last } })
    expect(errors).toEqual([])
  })
})

describe('policyVersion', () => {
  it('refuses one longer than stored data allows, naming it', () => {
    expect(() => createConsentStore({ policyVersion: 'v'.repeat(257) })).toThrow(/policyVersion must be at most 256 characters/)
  })
})

describe('round trip: whatever the store accepts, a new store on the same storage reads back', () => {
  const versions = ['1', 'v'.repeat(256), '2026-11 (EU) — ünïcödé ✓', '__proto__', ' padded ']
  const clocks = ['1000-01-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '9999-12-31T23:59:58.000Z']
  for (const policyVersion of versions) {
    for (const time of clocks) {
      it(`policy ${JSON.stringify(policyVersion.slice(0, 20))}, clock ${time}`, async () => {
        let saved: StoredConsent | null = null
        const storage: ConsentStorage = { load: () => (saved ? JSON.stringify(saved) : null), save: (data) => void (saved = data) }
        const errors: ConsentErrorLike[] = []
        const store = createConsentStore({ policyVersion, storage, now: () => new Date(time), onError: (e) => errors.push(e) })
        await store.ready
        await store.set('improve-model', true, { source: 'api' })
        await store.set('include-audio', true)
        await store.set('include-video', true)
        await store.set('include-video', false, { source: 'api' })
        const reader = createConsentStore({ policyVersion, storage, onError: (e) => errors.push(e) })
        await reader.ready
        expect(reader.getSnapshot().settings).toEqual(store.getSnapshot().settings)
        expect(values(reader.getSnapshot())).toEqual({ 'improve-model': true, 'include-audio': true, 'include-video': false })
        expect(errors).toEqual([])
      })
    }
  }
})

describe('change notifications are hints', () => {
  it('reads storage again and never adopts what the notification carries', async () => {
    let notify: (data: unknown) => void = () => undefined
    const storage = memoryStorage()
    const store = createConsentStore({ policyVersion: 'v1', storage: { ...storage, subscribe: (cb) => ((notify = cb), () => undefined) } })
    await store.ready
    notify(storedText({ 'improve-model': decision(true, 'v1', 'user', '2030-01-01T00:00:00.000Z') }))
    expect(values(store.getSnapshot())['improve-model']).toBe(false)
  })

  it('never rolls a newer decision back when an older notification arrives late', async () => {
    const storage = controllableStorage()
    const store = createConsentStore({ policyVersion: 'v1', storage, now: fakeClock('2026-03-01T00:00:00.000Z').now })
    await store.ready
    const older = storedText({ 'improve-model': decision(true, 'v1', 'user', '2026-02-01T00:00:00.000Z') })
    await store.set('improve-model', true)
    await store.set('improve-model', false)
    // Another writer that had not seen the withdrawal writes its older opt-in, and tells us twice.
    storage.writeExternally(older)
    storage.writeExternally(older)
    await releaseAll(storage)
    await flush()
    expect(values(store.getSnapshot())['improve-model']).toBe(false)
    // Storage lacked the withdrawal: the store wrote it back.
    expect(savedIn(storage.text)['improve-model']?.value).toBe(false)
  })
})

describe('reads of asynchronous storage that answer out of order', () => {
  it('never bring back decisions a later read found cleared', async () => {
    let text: string | null = storedText({ 'improve-model': decision(true), 'include-audio': decision(true) })
    const answers: Array<() => void> = []
    let hint: (data: unknown) => void = () => undefined
    // Each read sees storage as it is when it starts, and answers when the test says.
    const storage: ConsentStorage = {
      load: () => {
        const seen = text
        return new Promise((resolve) => answers.push(() => resolve(seen)))
      },
      save: (data) => void (text = JSON.stringify(data)),
      subscribe: (callback) => ((hint = callback), () => undefined),
    }
    const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => undefined })
    await flush()
    answers.shift()!()
    await store.ready
    expect(values(store.getSnapshot())['improve-model']).toBe(true)
    // A hint starts a read that sees the old record; then another tab clears storage and a second read sees that.
    hint(null)
    text = null
    hint(null)
    const [first, second] = answers.splice(0)
    second!()
    await flush()
    expect(values(store.getSnapshot())).toEqual({ 'improve-model': false, 'include-audio': false, 'include-video': false })
    first!()
    await flush()
    expect(values(store.getSnapshot())).toEqual({ 'improve-model': false, 'include-audio': false, 'include-video': false })
    expect(text).toBeNull()
  })
})

/**
 * A store on storage whose first save is refused with `first` after another device wrote
 * `meanwhile`; the second save is refused with `second` when given, then saves go through.
 */
function conflictingStore(meanwhile: string, first: unknown, second?: unknown) {
  const storage = controllableStorage(storedText({ 'improve-model': decision(true) }))
  const save = storage.save.bind(storage)
  let calls = 0
  storage.save = (data) => {
    calls++
    if (calls === 1) {
      storage.text = meanwhile
      return Promise.reject(first)
    }
    if (calls === 2 && second !== undefined) return Promise.reject(second)
    return save(data)
  }
  const errors: ConsentErrorLike[] = []
  const store = createConsentStore({ policyVersion: 'v1', storage, now: fakeClock().now, onError: (e) => errors.push(e) })
  return { storage, store, errors, calls: () => calls }
}

describe('the conflict protocol', () => {
  // Another device saved meanwhile: a later withdrawal of video lands before ours is refused.
  const conflicting = (first: unknown, second?: unknown) =>
    conflictingStore(storedText({ 'improve-model': decision(true), 'include-video': decision(false, 'v1', 'user', '2026-01-01T00:00:30.000Z') }), first, second)

  it.each([
    ['a ConsentError with code conflict', new ConsentError('conflict', 'stored data changed')],
    ['an error with conflict: true', Object.assign(new Error('HTTP 412'), { conflict: true })],
  ])('reloads, merges and saves once more on %s, showing no failure', async (_, error) => {
    const { store, storage, errors, calls } = conflicting(error)
    await store.ready
    await store.set('include-audio', true)
    expect(calls()).toBe(2)
    expect(errors).toEqual([])
    expect(store.getSetting('include-audio')).toMatchObject({ value: true, error: null, pending: false })
    const saved = savedIn(storage.text)
    expect(saved['include-audio']?.value).toBe(true)
    expect(saved['include-video']).toMatchObject({ value: false, decidedAt: '2026-01-01T00:00:30.000Z' })
  })

  it('fails the set, rolls back and reports when the retry fails too', async () => {
    const conflict = new ConsentError('conflict', 'stored data changed')
    const { store, errors, calls } = conflicting(conflict, conflict)
    await store.ready
    await expect(store.set('include-audio', true)).rejects.toMatchObject({ code: 'save-failed', setting: 'include-audio' })
    expect(calls()).toBe(2)
    expect(store.getSetting('include-audio')).toMatchObject({ value: false, pending: false, error: expect.objectContaining({ code: 'save-failed' }) })
    expect(errors).toEqual([expect.objectContaining({ code: 'save-failed' })])
  })
})

describe('a withdrawal found on a conflict retry', () => {
  it('saves the cascade, so a dependent opt-in made meanwhile never comes back when the setting is turned on again', async () => {
    // Another device withdrew meanwhile; our save of the audio opt-in is refused as a conflict.
    const { storage, store, errors } = conflictingStore(
      storedText({ 'improve-model': decision(false, 'v1', 'user', '2026-01-01T00:00:00.500Z') }),
      new ConsentError('conflict', 'stored data changed'),
    )
    await store.ready
    await store.set('include-audio', true)
    expect(errors).toEqual([])
    expect(store.getSetting('improve-model')).toMatchObject({ value: false })
    expect(store.getSetting('include-audio')).toMatchObject({ value: false, effective: false })
    expect(savedIn(storage.text)['include-audio']).toMatchObject({ value: false, source: 'cascade' })
    await store.set('improve-model', true)
    expect(store.getSetting('include-audio')).toMatchObject({ value: false, effective: false })
    expect(savedIn(storage.text)['include-audio']?.value).toBe(false)
  })
})

describe('writing back what storage lacks', () => {
  it('writes once per change notification, even to a storage that never keeps anything', async () => {
    let notify: (data: unknown) => void = () => undefined
    let saves = 0
    const stale = storedText({ 'improve-model': decision(true, 'v1', 'user', '2026-01-01T00:00:00.000Z') })
    const storage: ConsentStorage = {
      load: () => Promise.resolve(stale),
      // Each save takes a task, so a runaway loop of write-backs would show as a count, not a hang.
      save: () => {
        saves++
        return new Promise((resolve) => setTimeout(resolve, 0))
      },
      subscribe: (cb) => ((notify = cb), () => undefined),
    }
    const store = createConsentStore({ policyVersion: 'v1', storage, now: fakeClock('2026-02-01T00:00:00.000Z').now })
    await store.ready
    await store.set('improve-model', false)
    expect(saves).toBe(1)
    notify(null)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(saves).toBe(2)
    expect(values(store.getSnapshot())['improve-model']).toBe(false)
  })
})

describe('a change from another writer that lands between a save\'s read and the save', () => {
  it('is written back after the save replaced it, so storage and the store agree', async () => {
    const storage = controllableStorage()
    const store = createConsentStore({ policyVersion: 'v1', storage, now: fakeClock('2026-03-01T00:00:00.000Z').now })
    await store.ready
    // The save reads storage first (asynchronously here); another tab writes after that read and
    // before the save lands, and the read its notification starts sees the other tab's record
    // before ours replaces it.
    const setting = store.set('improve-model', true)
    await Promise.resolve()
    storage.writeExternally(storedText({ 'include-video': decision(true, 'v1', 'user', '2026-02-01T00:00:00.000Z') }))
    await setting
    await releaseAll(storage)
    await flush()
    expect(values(store.getSnapshot())).toEqual({ 'improve-model': true, 'include-audio': false, 'include-video': true })
    expect(savedIn(storage.text)['include-video']?.value).toBe(true)
    expect(savedIn(storage.text)['improve-model']?.value).toBe(true)
  })
})
