import { ConsentError, createConsentStore, memoryStorage } from '@model-consent/core'
import type { ConsentChangeEvent, ConsentErrorLike, ConsentStore } from '@model-consent/core'
import { controllableStorage, flush, releaseAll } from './support/controllable-storage'
import { fakeClock } from './support/fake-clock'
import { decision, storedText, values } from './support/stored'

const allOff = { 'improve-model': false, 'include-audio': false, 'include-video': false }

function setup(options: { policyVersion?: string; storage?: ReturnType<typeof controllableStorage> } = {}) {
  const storage = options.storage ?? controllableStorage()
  const clock = fakeClock()
  const errors: ConsentErrorLike[] = []
  const events: ConsentChangeEvent[] = []
  const store = createConsentStore({
    policyVersion: options.policyVersion ?? 'v1',
    storage,
    now: clock.now,
    onError: (error) => errors.push(error),
  })
  store.onConsentChange((event) => events.push(event))
  return { store, storage, clock, errors, events }
}

const stateOf = (store: ConsentStore, id: string) => store.getSnapshot().settings[id]!

describe('createConsentStore', () => {
  describe('before anything is loaded', () => {
    it('starts loading with every setting off and nothing decided', () => {
      const { store } = setup()
      const snapshot = store.getSnapshot()
      expect(snapshot.status).toBe('loading')
      expect(snapshot.policyVersion).toBe('v1')
      expect(values(snapshot)).toEqual(allOff)
      for (const state of Object.values(snapshot.settings)) {
        expect(state).toEqual({ value: false, effective: false, pending: false, error: null, decision: null, needsReconsent: false, managed: null })
      }
    })

    it('becomes ready once stored state is read', async () => {
      const { store } = setup()
      await store.ready
      expect(store.getSnapshot().status).toBe('ready')
    })

    it('gives a privacy-by-default server snapshot that never changes', async () => {
      const { store } = setup({ storage: controllableStorage(storedText({ 'improve-model': decision(true) })) })
      const server = store.getServerSnapshot()
      await store.ready
      expect(values(store.getSnapshot())['improve-model']).toBe(true)
      expect(store.getServerSnapshot()).toBe(server)
      expect(values(server)).toEqual(allOff)
      expect(Object.isFrozen(server)).toBe(true)
    })

    it('uses in-memory storage when none is given', async () => {
      const store = createConsentStore({ policyVersion: 'v1' })
      await store.set('improve-model', true)
      expect(stateOf(store, 'improve-model').value).toBe(true)
    })
  })

  describe('when a setting is set and saved', () => {
    it('fires exactly one frozen event with the full payload after storage accepted it', async () => {
      const { store, storage, events } = setup()
      await store.ready
      storage.mode = 'hold'
      const saving = store.set('improve-model', true)
      await flush()
      expect(events).toEqual([])
      storage.held[0]!.release()
      await saving
      expect(events).toEqual([
        {
          type: 'consent-change',
          setting: 'improve-model',
          value: true,
          previousValue: false,
          effective: true,
          source: 'user',
          policyVersion: 'v1',
          timestamp: stateOf(store, 'improve-model').decision!.decidedAt,
        },
      ])
      expect(Object.isFrozen(events[0])).toBe(true)
    })

    it('records decidedAt, the policy version and the source with the value', async () => {
      const { store, clock } = setup({ policyVersion: '2026-11' })
      await store.ready
      await store.set('improve-model', true, { source: 'api' })
      expect(stateOf(store, 'improve-model').decision).toEqual({
        value: true,
        decidedAt: clock.readings.at(-1),
        policyVersion: '2026-11',
        source: 'api',
      })
    })

    it('saves versioned JSON holding every decision', async () => {
      const { store, storage } = setup()
      await store.ready
      await store.set('improve-model', true)
      await store.set('include-audio', true)
      const saved = JSON.parse(storage.text!) as { formatVersion: number; decisions: Record<string, { value: boolean }> }
      expect(saved.formatVersion).toBe(1)
      expect(saved.decisions['improve-model']!.value).toBe(true)
      expect(saved.decisions['include-audio']!.value).toBe(true)
    })

    it('fires no event and keeps the same snapshot when the value does not change', async () => {
      const { store, events, storage } = setup()
      await store.ready
      const before = store.getSnapshot()
      await store.set('improve-model', false)
      expect(events).toEqual([])
      expect(storage.attempts).toEqual([])
      expect(store.getSnapshot()).toEqual(before)
    })

    it('returns the same snapshot object until something changes', async () => {
      const { store } = setup()
      await store.ready
      const first = store.getSnapshot()
      expect(store.getSnapshot()).toBe(first)
      await store.set('improve-model', true)
      const second = store.getSnapshot()
      expect(second).not.toBe(first)
      expect(store.getSnapshot()).toBe(second)
      expect(second.settings['include-video']).toBe(first.settings['include-video'])
    })

    it('turns dependents off with their own cascade events when a parent is turned off', async () => {
      const { store, events } = setup()
      await store.ready
      await store.set('improve-model', true)
      await store.set('include-audio', true)
      await store.set('include-video', true)
      events.length = 0
      await store.set('improve-model', false, { source: 'api' })
      expect(events.map((e) => [e.setting, e.source, e.value, e.previousValue])).toEqual([
        ['improve-model', 'api', false, true],
        ['include-audio', 'cascade', false, true],
        ['include-video', 'cascade', false, true],
      ])
      expect(stateOf(store, 'include-audio').decision!.source).toBe('cascade')
    })

    it('never turns a dependent on when its parent is turned on', async () => {
      const { store } = setup()
      await store.ready
      await store.set('improve-model', true)
      expect(values(store.getSnapshot())).toEqual({ ...allOff, 'improve-model': true })
    })

    it('refuses to turn a dependent on while its parent is off', async () => {
      const { store, events, storage } = setup()
      await store.ready
      const refused = store.set('include-audio', true)
      await expect(refused).rejects.toMatchObject({ name: 'ConsentError', code: 'requirement-off', setting: 'include-audio' })
      await expect(refused).rejects.toThrow(/"improve-model" is off/)
      expect(events).toEqual([])
      expect(storage.attempts).toEqual([])
      expect(stateOf(store, 'include-audio').pending).toBe(false)
    })

    it('calls listeners of the whole store and of the changed setting only', async () => {
      const { store } = setup()
      await store.ready
      const all = vi.fn()
      const audio = vi.fn()
      const model = vi.fn()
      store.subscribe(all)
      store.subscribe(audio, 'include-audio')
      store.subscribe(model, 'improve-model')
      await store.set('improve-model', true)
      expect(all).toHaveBeenCalled()
      expect(model).toHaveBeenCalled()
      expect(audio).not.toHaveBeenCalled()
    })
  })

  describe('with synchronous storage', () => {
    it('commits each set at once, even several in one tick, with no pending state in between', async () => {
      const saved: unknown[] = []
      const store = createConsentStore({ policyVersion: 'v1', storage: { load: () => null, save: (data) => void saved.push(data) } })
      await store.ready
      const seen: Array<Record<string, { value: boolean; pending: boolean }>> = []
      store.subscribe(() => {
        const { settings } = store.getSnapshot()
        seen.push(Object.fromEntries(Object.entries(settings).map(([id, s]) => [id, { value: s.value, pending: s.pending }])))
      })
      const first = store.set('improve-model', true)
      expect(stateOf(store, 'improve-model')).toMatchObject({ value: true, pending: false })
      const second = store.set('include-audio', true)
      expect(stateOf(store, 'include-audio')).toMatchObject({ value: true, pending: false })
      await Promise.all([first, second])
      expect(saved).toHaveLength(2)
      expect(seen).toHaveLength(2)
      expect(seen.flatMap((snapshot) => Object.values(snapshot)).some((s) => s.pending)).toBe(false)
    })

    it('rejects a set whose synchronous save throws, leaving the value as it was', async () => {
      const errors: ConsentErrorLike[] = []
      const storage = { load: () => null, save: () => { throw new Error('quota') } }
      const store = createConsentStore({ policyVersion: 'v1', storage, onError: (error) => errors.push(error) })
      await store.ready
      await expect(store.set('improve-model', true)).rejects.toMatchObject({ code: 'save-failed' })
      expect(stateOf(store, 'improve-model')).toMatchObject({ value: false, pending: false, error: expect.objectContaining({ code: 'save-failed' }) })
      expect(errors).toHaveLength(1)
    })
  })

  describe('while a save is in flight', () => {
    it('marks the setting pending at once and keeps showing the saved value', async () => {
      const { store, storage } = setup()
      await store.ready
      storage.mode = 'hold'
      const saving = store.set('improve-model', true)
      expect(stateOf(store, 'improve-model')).toMatchObject({ pending: true, value: false })
      await flush()
      storage.held[0]!.release()
      await saving
      expect(stateOf(store, 'improve-model')).toMatchObject({ pending: false, value: true })
    })

    it('serialises rapid sets in call order so the last call wins', async () => {
      const { store, storage, events } = setup()
      await store.ready
      storage.mode = 'hold'
      const calls = [store.set('improve-model', true), store.set('improve-model', false), store.set('improve-model', true)]
      for (let i = 0; i < 3; i++) {
        await flush()
        expect(storage.held).toHaveLength(1)
        storage.held[0]!.release()
      }
      await Promise.all(calls)
      expect(events.map((e) => e.value)).toEqual([true, false, true])
      expect(JSON.parse(storage.text!).decisions['improve-model'].value).toBe(true)
      expect(stateOf(store, 'improve-model')).toMatchObject({ value: true, pending: false })
    })

    it('loses no update when different settings are set at once', async () => {
      const { store } = setup()
      await store.ready
      await Promise.all([store.set('improve-model', true), store.set('include-audio', true), store.set('include-video', true)])
      expect(values(store.getSnapshot())).toEqual({ 'improve-model': true, 'include-audio': true, 'include-video': true })
    })
  })

  describe('when a save fails', () => {
    it('rolls back, sets error, calls onError and fires no event', async () => {
      const { store, storage, errors, events } = setup()
      await store.ready
      storage.mode = 'fail'
      const failing = store.set('improve-model', true)
      await expect(failing).rejects.toBeInstanceOf(ConsentError)
      await expect(failing).rejects.toMatchObject({ code: 'save-failed', setting: 'improve-model' })
      const state = stateOf(store, 'improve-model')
      expect(state).toMatchObject({ value: false, pending: false, decision: null })
      expect(state.error).toMatchObject({ code: 'save-failed', message: expect.stringMatching(/couldn't save.*still off/i) })
      expect(errors).toEqual([state.error])
      expect(events).toEqual([])
      expect(storage.text).toBeNull()
    })

    it('clears the error on the next attempt', async () => {
      const { store, storage } = setup()
      await store.ready
      storage.mode = 'fail'
      await store.set('improve-model', true).catch(() => undefined)
      storage.mode = 'pass'
      const retry = store.set('improve-model', true)
      expect(stateOf(store, 'improve-model').error).toBeNull()
      await retry
      expect(stateOf(store, 'improve-model')).toMatchObject({ value: true, error: null })
    })

    it('lets later queued sets go on', async () => {
      const { store, storage } = setup()
      await store.ready
      storage.mode = 'hold'
      const first = store.set('improve-model', true)
      const second = store.set('include-video', false)
      const third = store.set('improve-model', true, { source: 'api' })
      await flush()
      storage.held[0]!.fail()
      await expect(first).rejects.toMatchObject({ code: 'save-failed' })
      await second
      await flush()
      storage.held[0]!.release()
      await third
      expect(stateOf(store, 'improve-model')).toMatchObject({ value: true, error: null })
    })
  })

  describe('with bad input', () => {
    it.each([
      ['an unknown setting id', () => ['no-such-setting', true] as const, /Unknown setting "no-such-setting"; expected one of: improve-model/],
      ['a non-boolean value', () => ['improve-model', 'true'] as const, /must be true or false, got "true"/],
      ['a number value', () => ['improve-model', 1] as const, /must be true or false, got 1/],
    ])('rejects %s with a TypeError naming it', async (_, args, message) => {
      const { store } = setup()
      const [id, value] = args()
      const result = store.set(id, value as unknown as boolean)
      await expect(result).rejects.toBeInstanceOf(TypeError)
      await expect(result).rejects.toThrow(message)
    })

    it('rejects an unknown source with a TypeError naming it', async () => {
      const { store } = setup()
      const options = { source: 'sync' } as unknown as { source: 'user' }
      await expect(store.set('improve-model', true, options)).rejects.toThrow(
        new TypeError(`Unknown source "sync"; set accepts 'user' or 'api'`),
      )
      expect(stateOf(store, 'improve-model').pending).toBe(false)
    })

    it.each([[''], ['   '], [undefined], [42]])('throws a TypeError for policyVersion %j', (policyVersion) => {
      expect(() => createConsentStore({ policyVersion: policyVersion as unknown as string })).toThrow(
        /policyVersion must be a non-empty string/,
      )
    })

    it('throws a TypeError for storage without load and save', () => {
      const storage = { load: () => null } as unknown as ReturnType<typeof memoryStorage>
      expect(() => createConsentStore({ policyVersion: 'v1', storage })).toThrow(TypeError)
    })

    it('throws a TypeError for a subscribe listener that is not a function', () => {
      const { store } = setup()
      expect(() => store.subscribe('nope' as unknown as () => void)).toThrow(TypeError)
      expect(() => store.subscribe(() => undefined, 'nope')).toThrow(/Unknown setting "nope"/)
      expect(() => store.onConsentChange(null as unknown as () => void)).toThrow(TypeError)
    })

    it('names the value given instead of a handler to onConsentChange', () => {
      const { store } = setup()
      expect(() => store.onConsentChange('analytics.track' as unknown as () => void)).toThrow(new TypeError('onConsentChange expects a function, got "analytics.track"'))
    })
  })

  describe('when its methods are used unbound', () => {
    it('works through detached references', async () => {
      const { store } = setup()
      const { set, getSnapshot, subscribe, onConsentChange, reset } = store
      const listener = vi.fn()
      const handler = vi.fn()
      subscribe(listener)
      onConsentChange(handler)
      await set('improve-model', true)
      expect(getSnapshot().settings['improve-model']!.value).toBe(true)
      await reset()
      expect(getSnapshot().settings['improve-model']!.value).toBe(false)
      expect(listener).toHaveBeenCalled()
      expect(handler).toHaveBeenCalledTimes(2)
    })
  })

  describe('when stored decisions are loaded', () => {
    it('shows stored decisions made under the current policy', async () => {
      const storage = controllableStorage(storedText({ 'improve-model': decision(true), 'include-audio': decision(true) }))
      const { store, events, errors } = setup({ storage })
      await store.ready
      expect(values(store.getSnapshot())).toEqual({ ...allOff, 'improve-model': true, 'include-audio': true })
      expect(stateOf(store, 'include-audio').effective).toBe(true)
      expect(stateOf(store, 'improve-model').decision).toEqual(decision(true))
      expect(events).toEqual([])
      expect(errors).toEqual([])
    })

    it('reads a stored dependent whose parent is off as off, with a cascade decision', async () => {
      const storage = controllableStorage(storedText({ 'improve-model': decision(false), 'include-audio': decision(true) }))
      const { store, events } = setup({ storage })
      await store.ready
      expect(stateOf(store, 'include-audio')).toMatchObject({ value: false, effective: false })
      expect(events).toEqual([expect.objectContaining({ setting: 'include-audio', source: 'cascade', value: false })])
    })

    it('applies a set made while loading after the stored state, in call order', async () => {
      const storage = controllableStorage(storedText({ 'improve-model': decision(true) }))
      const { store, events } = setup({ storage })
      const setting = store.set('improve-model', false)
      expect(stateOf(store, 'improve-model').pending).toBe(true)
      await setting
      expect(stateOf(store, 'improve-model')).toMatchObject({ value: false, pending: false })
      expect(events.map((e) => [e.previousValue, e.value])).toEqual([[true, false]])
    })

    it('still becomes ready and reports when subscribing to storage throws', async () => {
      const storage = controllableStorage()
      storage.subscribe = () => {
        throw new Error('no BroadcastChannel here')
      }
      const { store, errors } = setup({ storage })
      await expect(store.ready).resolves.toBeUndefined()
      await store.set('improve-model', true)
      expect(stateOf(store, 'improve-model').value).toBe(true)
      expect(errors).toEqual([expect.objectContaining({ code: 'storage-unavailable' })])
    })

    it('switches to memory-only mode and reports once when reading storage throws', async () => {
      const storage = controllableStorage(storedText({ 'improve-model': decision(true) }))
      storage.loadThrows = true
      const { store, errors } = setup({ storage })
      await expect(store.ready).resolves.toBeUndefined()
      expect(values(store.getSnapshot())).toEqual(allOff)
      expect(errors).toEqual([expect.objectContaining({ code: 'storage-unavailable', message: expect.stringMatching(/could not be read/) })])
      await store.set('improve-model', true)
      expect(stateOf(store, 'improve-model').value).toBe(true)
      expect(storage.attempts).toEqual([])
      expect(storage.listenerCount).toBe(0)
      expect(errors).toHaveLength(1)
    })
  })

  describe('when the policy version changed since an opt-in', () => {
    const oldOptIns = () =>
      controllableStorage(
        storedText({ 'improve-model': decision(true, 'v1'), 'include-audio': decision(true, 'v1'), 'include-video': decision(false, 'v1') }),
      )

    it('reads the opt-in off with needsReconsent and fires a policy event before ready resolves', async () => {
      const { store, events } = setup({ policyVersion: 'v2', storage: oldOptIns() })
      let eventsAtReady = -1
      await store.ready.then(() => (eventsAtReady = events.length))
      expect(eventsAtReady).toBe(2)
      expect(events.map((e) => [e.setting, e.source, e.value, e.previousValue, e.policyVersion])).toEqual([
        ['improve-model', 'policy', false, true, 'v2'],
        ['include-audio', 'policy', false, true, 'v2'],
      ])
      expect(stateOf(store, 'improve-model')).toMatchObject({ value: false, effective: false, needsReconsent: true })
      expect(stateOf(store, 'improve-model').decision).toMatchObject({ value: false, source: 'policy', policyVersion: 'v2' })
    })

    it('keeps stored opt-outs as they are', async () => {
      const { store } = setup({ policyVersion: 'v2', storage: oldOptIns() })
      await store.ready
      expect(stateOf(store, 'include-video')).toMatchObject({ value: false, needsReconsent: false, decision: decision(false, 'v1') })
    })

    it('saves the lapse so needsReconsent survives a reload', async () => {
      const storage = oldOptIns()
      const first = setup({ policyVersion: 'v2', storage })
      await first.store.ready
      first.store.destroy()
      const second = setup({ policyVersion: 'v2', storage })
      await second.store.ready
      expect(stateOf(second.store, 'improve-model')).toMatchObject({ value: false, needsReconsent: true })
      expect(second.events).toEqual([])
    })

    it('never shows the lapsed opt-in as on while the lapse is being saved', async () => {
      const storage = oldOptIns()
      storage.mode = 'hold'
      const { store } = setup({ policyVersion: 'v2', storage })
      await flush()
      expect(storage.held).toHaveLength(1)
      const setting = store.set('include-video', false)
      expect(values(store.getSnapshot())).toEqual(allOff)
      storage.held[0]!.release()
      await store.ready
      await setting
      expect(values(store.getSnapshot())).toEqual(allOff)
    })

    it('clears needsReconsent without an event when the person decides off under the new version', async () => {
      const { store, events, storage } = setup({ policyVersion: 'v2', storage: oldOptIns() })
      await store.ready
      events.length = 0
      await store.set('improve-model', false)
      expect(stateOf(store, 'improve-model')).toMatchObject({ value: false, needsReconsent: false })
      expect(stateOf(store, 'improve-model').decision).toMatchObject({ source: 'user', policyVersion: 'v2' })
      expect(JSON.parse(storage.text!).decisions['improve-model'].source).toBe('user')
      expect(events).toEqual([])
    })

    it('clears needsReconsent with an event when the person opts in again', async () => {
      const { store, events } = setup({ policyVersion: 'v2', storage: oldOptIns() })
      await store.ready
      events.length = 0
      await store.set('improve-model', true)
      expect(stateOf(store, 'improve-model')).toMatchObject({ value: true, needsReconsent: false })
      expect(events).toEqual([expect.objectContaining({ setting: 'improve-model', value: true, source: 'user' })])
    })

    it('reports but still reads off when the lapse cannot be saved', async () => {
      const storage = oldOptIns()
      storage.mode = 'fail'
      const { store, errors } = setup({ policyVersion: 'v2', storage })
      await store.ready
      expect(values(store.getSnapshot())).toEqual(allOff)
      expect(errors).toEqual([expect.objectContaining({ code: 'save-failed' })])
    })
  })

  describe('when another writer changes storage', () => {
    it('applies the change with source sync', async () => {
      const { store, storage, events } = setup()
      await store.ready
      storage.writeExternally(storedText({ 'improve-model': decision(true) }))
      await flush() // the notification is a hint: storage is read again, asynchronously here
      expect(stateOf(store, 'improve-model').value).toBe(true)
      expect(events).toEqual([expect.objectContaining({ setting: 'improve-model', value: true, source: 'sync' })])
    })

    it('turns everything off with sync events when storage is cleared', async () => {
      const { store, storage, events } = setup()
      await store.ready
      await store.set('improve-model', true)
      events.length = 0
      storage.writeExternally(null)
      await flush() // the notification is a hint: storage is read again, asynchronously here
      expect(values(store.getSnapshot())).toEqual(allOff)
      expect(events).toEqual([expect.objectContaining({ setting: 'improve-model', value: false, source: 'sync' })])
    })

    it('ignores and reports a malformed change', async () => {
      const { store, storage, events, errors } = setup()
      await store.ready
      await store.set('improve-model', true)
      events.length = 0
      storage.writeExternally('{"formatVersion":1,"decisions":')
      await flush() // the notification is a hint: storage is read again, asynchronously here
      expect(stateOf(store, 'improve-model').value).toBe(true)
      expect(events).toEqual([])
      expect(errors).toEqual([expect.objectContaining({ code: 'storage-invalid' })])
    })

    it('does not lose the other change when it lands while a save is in flight', async () => {
      const { store, storage } = setup()
      await store.ready
      await store.set('improve-model', true)
      storage.mode = 'hold'
      const saving = store.set('include-audio', true)
      await flush()
      storage.writeExternally(
        storedText({ 'improve-model': decision(true), 'include-video': decision(true, 'v1', 'user', '2026-02-01T00:00:00.000Z') }),
      )
      storage.held[0]!.release()
      await saving
      await releaseAll(storage)
      expect(values(store.getSnapshot())).toEqual({ 'improve-model': true, 'include-audio': true, 'include-video': true })
      const saved = JSON.parse(storage.text!) as { decisions: Record<string, { value: boolean }> }
      expect(saved.decisions['include-video']?.value).toBe(true)
      expect(saved.decisions['include-audio']?.value).toBe(true)
    })

    it('turns a dependent off when another writer turned its parent off while it was being saved', async () => {
      const { store, storage } = setup()
      await store.ready
      await store.set('improve-model', true)
      storage.mode = 'hold'
      const saving = store.set('include-audio', true)
      await flush()
      storage.writeExternally(storedText({ 'improve-model': decision(false, 'v1', 'user', '2026-02-01T00:00:00.000Z') }))
      storage.held[0]!.release()
      await saving
      await releaseAll(storage)
      expect(stateOf(store, 'include-audio')).toMatchObject({ value: false, effective: false })
      expect(JSON.parse(storage.text!).decisions['include-audio']?.value ?? false).toBe(false)
    })
  })

  describe('when a listener throws', () => {
    it('reports it and still delivers the event to other handlers', async () => {
      const { store, errors, events } = setup()
      await store.ready
      store.onConsentChange(() => {
        throw new Error('boom')
      })
      await store.set('improve-model', true)
      expect(events).toHaveLength(1)
      expect(errors).toEqual([expect.objectContaining({ code: 'listener-failed', setting: 'improve-model' })])
    })

    it('keeps a saved change, its event and resolves when a snapshot subscriber throws', async () => {
      const { store, errors, events } = setup()
      await store.ready
      store.subscribe(() => {
        throw new Error('render failed')
      })
      await expect(store.set('improve-model', true)).resolves.toBeUndefined()
      expect(events).toHaveLength(1)
      expect(stateOf(store, 'improve-model').value).toBe(true)
      expect(errors.map((e) => e.code)).toContain('listener-failed')
    })

    it('survives an onError that throws', async () => {
      const storage = controllableStorage()
      storage.mode = 'fail'
      const store = createConsentStore({
        policyVersion: 'v1',
        storage,
        onError: () => {
          throw new Error('logger down')
        },
      })
      await expect(store.set('improve-model', true)).rejects.toMatchObject({ code: 'save-failed' })
    })
  })

  describe('when a subscriber sets a setting as it hears of a change', () => {
    for (const [kind, storage] of [
      ['synchronous storage', () => memoryStorage()],
      ['no storage', () => undefined],
    ] as const) {
      it(`fires the event of the change it heard before the event of its own (${kind})`, async () => {
        const store = createConsentStore({ policyVersion: 'v1', storage: storage() })
        await store.ready
        const events: string[] = []
        store.onConsentChange((event) => events.push(`${event.setting}:${event.previousValue}->${event.value}:${event.source}`))
        // An app rule: the main setting is switched back off by the app whenever it is turned on.
        store.subscribe(() => {
          if (store.getSetting('improve-model').value) void store.set('improve-model', false, { source: 'api' })
        })
        await store.set('improve-model', true)
        await flush()
        expect(events).toEqual(['improve-model:false->true:user', 'improve-model:true->false:api'])
        expect(values(store.getSnapshot())).toEqual(allOff)
      })
    }

    it('saves its set after the save it heard of begins, never beside it (asynchronous storage)', async () => {
      const storage = controllableStorage(storedText({ 'improve-model': decision(true) }))
      const store = createConsentStore({ policyVersion: 'v1', storage })
      await store.ready
      let asked = false
      // An app rule: video follows audio as soon as audio is being saved.
      store.subscribe(() => {
        if (store.getSetting('include-audio').pending && !asked) {
          asked = true
          void store.set('include-video', true)
        }
      })
      await store.set('include-audio', true)
      await flush(30)
      expect(values(store.getSnapshot())).toEqual({ 'improve-model': true, 'include-audio': true, 'include-video': true })
      // What the screen shows is what was saved.
      const reader = createConsentStore({ policyVersion: 'v1', storage })
      await reader.ready
      expect(values(reader.getSnapshot())).toEqual({ 'improve-model': true, 'include-audio': true, 'include-video': true })
    })
  })

  describe('when reset', () => {
    it('turns every setting off and records each one that was on with source reset', async () => {
      const { store, events } = setup()
      await store.ready
      await store.set('improve-model', true)
      await store.set('include-audio', true)
      events.length = 0
      await store.reset()
      expect(values(store.getSnapshot())).toEqual(allOff)
      expect(events.map((e) => [e.setting, e.source])).toEqual([
        ['improve-model', 'reset'],
        ['include-audio', 'reset'],
      ])
      expect(stateOf(store, 'improve-model').decision).toMatchObject({ value: false, source: 'reset' })
      expect(stateOf(store, 'include-video').decision).toBeNull()
    })

    it('does nothing when everything is already off', async () => {
      const { store, events, storage } = setup()
      await store.ready
      const before = store.getSnapshot()
      await store.reset()
      expect(events).toEqual([])
      expect(storage.attempts).toEqual([])
      expect(store.getSnapshot()).toBe(before)
    })

    it('rolls back with a save-failed ConsentError, error and onError when the save fails', async () => {
      const { store, storage, events, errors } = setup()
      await store.ready
      await store.set('improve-model', true)
      events.length = 0
      storage.mode = 'fail'
      await expect(store.reset()).rejects.toMatchObject({ name: 'ConsentError', code: 'save-failed' })
      expect(stateOf(store, 'improve-model')).toMatchObject({ value: true, pending: false })
      expect(stateOf(store, 'improve-model').error).toMatchObject({ code: 'save-failed' })
      expect(errors).toEqual([expect.objectContaining({ code: 'save-failed' })])
      expect(events).toEqual([])
    })

    it('marks the settings it turns off pending while saving', async () => {
      const { store, storage } = setup()
      await store.ready
      await store.set('improve-model', true)
      storage.mode = 'hold'
      const resetting = store.reset()
      await flush()
      expect(stateOf(store, 'improve-model')).toMatchObject({ pending: true, value: true })
      storage.held[0]!.release()
      await resetting
      expect(stateOf(store, 'improve-model')).toMatchObject({ pending: false, value: false })
    })
  })

  describe('when destroyed', () => {
    it('removes every listener and storage subscription it added', async () => {
      const { store, storage, events } = setup()
      await store.ready
      const listener = vi.fn()
      store.subscribe(listener)
      expect(storage.listenerCount).toBe(1)
      store.destroy()
      expect(storage.listenerCount).toBe(0)
      storage.writeExternally(storedText({ 'improve-model': decision(true) }))
      expect(listener).not.toHaveBeenCalled()
      expect(events).toEqual([])
    })

    it('refuses later sets and resets with a destroyed error', async () => {
      const { store } = setup()
      await store.ready
      store.destroy()
      await expect(store.set('improve-model', true)).rejects.toMatchObject({ code: 'destroyed' })
      await expect(store.reset()).rejects.toMatchObject({ code: 'destroyed' })
    })

    it('still resolves ready when destroyed while loading', async () => {
      const { store } = setup()
      store.destroy()
      await expect(store.ready).resolves.toBeUndefined()
      expect(store.getSnapshot().status).toBe('loading')
    })
  })
})
