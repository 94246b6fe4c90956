import { createConsentStore, localStorageAdapter } from '@model-consent/core'
import type { ConsentErrorLike, ConsentStorage, ConsentStore } from '@model-consent/core'
import { decision, storedText, values } from './support/stored'

const allOff = { 'improve-model': false, 'include-audio': false, 'include-video': false }
const stores: ConsentStore[] = []

function open(storage: ConsentStorage, policyVersion = 'v1') {
  const errors: ConsentErrorLike[] = []
  const store = createConsentStore({ policyVersion, storage, onError: (error) => errors.push(error) })
  stores.push(store)
  return { store, errors }
}

/** A Storage whose every method throws, as Safari private mode or a sandboxed iframe can. */
function throwingStorage(): Storage {
  const fail = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError')
  }
  return { length: 0, clear: fail, getItem: fail, key: fail, removeItem: fail, setItem: fail }
}

const originalLocalStorage = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')!

/** Replaces the `localStorage` global with a getter; restored after each test. */
function stubLocalStorageGetter(get: () => Storage): void {
  Object.defineProperty(globalThis, 'localStorage', { get, configurable: true })
}

afterEach(() => {
  for (const store of stores.splice(0)) store.destroy()
  vi.unstubAllGlobals()
  Object.defineProperty(globalThis, 'localStorage', originalLocalStorage)
})

describe('localStorageAdapter', () => {
  it('saves versioned JSON under the model-consent key and reads it back in a new store', async () => {
    const first = open(localStorageAdapter({ broadcast: false }))
    await first.store.set('improve-model', true)
    expect(JSON.parse(localStorage.getItem('model-consent')!)).toMatchObject({
      formatVersion: 1,
      decisions: { 'improve-model': { value: true, policyVersion: 'v1', source: 'user' } },
    })
    const second = open(localStorageAdapter({ broadcast: false }))
    await second.store.ready
    expect(values(second.store.getSnapshot())['improve-model']).toBe(true)
  })

  it('uses the given key', async () => {
    const { store } = open(localStorageAdapter({ key: 'consent:acme', broadcast: false }))
    await store.set('improve-model', true)
    expect(localStorage.getItem('consent:acme')).not.toBeNull()
    expect(localStorage.getItem('model-consent')).toBeNull()
  })

  it('throws a TypeError for an empty key', () => {
    expect(() => localStorageAdapter({ key: '' })).toThrow(/key must be a non-empty string, got ""/)
  })

  it('does not touch localStorage until the store loads', () => {
    const area = localStorage
    const getter = vi.fn(() => area)
    stubLocalStorageGetter(getter)
    localStorageAdapter()
    expect(getter).not.toHaveBeenCalled()
  })

  describe('when localStorage is missing', () => {
    it('reports once, reads off and keeps choices in memory', async () => {
      vi.stubGlobal('localStorage', undefined)
      const { store, errors } = open(localStorageAdapter({ broadcast: false }))
      await expect(store.ready).resolves.toBeUndefined()
      expect(values(store.getSnapshot())).toEqual(allOff)
      await store.set('improve-model', true)
      await store.set('include-audio', true)
      expect(values(store.getSnapshot())).toEqual({ ...allOff, 'improve-model': true, 'include-audio': true })
      expect(errors).toEqual([expect.objectContaining({ code: 'storage-unavailable' })])
    })
  })

  describe('when localStorage throws on every access', () => {
    it('reports once through onError and runs in memory', async () => {
      const { store, errors } = open(localStorageAdapter({ storage: throwingStorage(), broadcast: false }))
      await store.ready
      await store.set('improve-model', true)
      expect(values(store.getSnapshot())['improve-model']).toBe(true)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatchObject({ code: 'storage-unavailable', message: expect.stringMatching(/could not be read/) })
    })

    it('reports once when reading the localStorage global itself throws', async () => {
      stubLocalStorageGetter(() => {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      })
      const { store, errors } = open(localStorageAdapter({ broadcast: false }))
      await store.ready
      await store.set('improve-model', true)
      expect(values(store.getSnapshot())['improve-model']).toBe(true)
      expect(errors.map((e) => e.code)).toEqual(['storage-unavailable'])
    })
  })

  describe('when a save fails on storage that otherwise works', () => {
    it('rejects, rolls back and sets error (quota exceeded)', async () => {
      const area = window.localStorage
      const { store, errors } = open(localStorageAdapter({ storage: area, broadcast: false }))
      await store.ready
      const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError')
      })
      try {
        await expect(store.set('improve-model', true)).rejects.toMatchObject({ code: 'save-failed' })
      } finally {
        setItem.mockRestore()
      }
      expect(store.getSnapshot().settings['improve-model']).toMatchObject({ value: false, error: expect.objectContaining({ code: 'save-failed' }) })
      expect(errors.map((e) => e.code)).toEqual(['save-failed'])
      expect(localStorage.getItem('model-consent')).toBeNull()
    })
  })

  describe('when another tab changes the key (storage event)', () => {
    const dispatch = (init: StorageEventInit) => window.dispatchEvent(new StorageEvent('storage', init))

    it('applies the change with source sync', async () => {
      const { store } = open(localStorageAdapter({ broadcast: false }))
      await store.ready
      const events: string[] = []
      store.onConsentChange((event) => events.push(`${event.setting}:${event.value}:${event.source}`))
      const newValue = storedText({ 'improve-model': decision(true) })
      localStorage.setItem('model-consent', newValue)
      dispatch({ key: 'model-consent', newValue, storageArea: localStorage })
      expect(values(store.getSnapshot())['improve-model']).toBe(true)
      expect(events).toEqual(['improve-model:true:sync'])
    })

    it('turns everything off when another tab clears localStorage', async () => {
      const { store } = open(localStorageAdapter({ broadcast: false }))
      await store.set('improve-model', true)
      localStorage.clear()
      dispatch({ key: null, newValue: null, storageArea: localStorage })
      expect(values(store.getSnapshot())).toEqual(allOff)
    })

    it('ignores other keys and other storage areas', async () => {
      const { store } = open(localStorageAdapter({ broadcast: false }))
      await store.ready
      const newValue = storedText({ 'improve-model': decision(true) })
      dispatch({ key: 'something-else', newValue, storageArea: localStorage })
      dispatch({ key: 'model-consent', newValue, storageArea: sessionStorage })
      expect(values(store.getSnapshot())).toEqual(allOff)
    })

    it('ignores and reports malformed data from another tab', async () => {
      const { store, errors } = open(localStorageAdapter({ broadcast: false }))
      await store.set('improve-model', true)
      localStorage.setItem('model-consent', '{"formatVersion":2}')
      dispatch({ key: 'model-consent', newValue: '{"formatVersion":2}', storageArea: localStorage })
      expect(values(store.getSnapshot())['improve-model']).toBe(true)
      expect(errors.map((e) => e.code)).toEqual(['storage-invalid'])
    })

    it('stops listening when the store is destroyed', async () => {
      const { store } = open(localStorageAdapter({ broadcast: false }))
      await store.ready
      store.destroy()
      dispatch({ key: 'model-consent', newValue: storedText({ 'improve-model': decision(true) }), storageArea: localStorage })
      expect(values(store.getSnapshot())).toEqual(allOff)
    })
  })

  describe('when two tabs share a BroadcastChannel', () => {
    it('converges both tabs on every change', async () => {
      const tabA = open(localStorageAdapter({ key: 'bc-converge' }))
      const tabB = open(localStorageAdapter({ key: 'bc-converge' }))
      await Promise.all([tabA.store.ready, tabB.store.ready])
      const seenByB: string[] = []
      tabB.store.onConsentChange((event) => seenByB.push(`${event.setting}:${event.value}:${event.source}`))

      await tabA.store.set('improve-model', true)
      await vi.waitFor(() => expect(values(tabB.store.getSnapshot())['improve-model']).toBe(true))
      await tabB.store.set('include-video', true)
      await vi.waitFor(() => expect(values(tabA.store.getSnapshot())['include-video']).toBe(true))
      await tabA.store.set('improve-model', false)
      await vi.waitFor(() => expect(values(tabB.store.getSnapshot())).toEqual(allOff))

      expect(tabA.store.getSnapshot().settings).toEqual(tabB.store.getSnapshot().settings)
      expect(seenByB).toEqual([
        'improve-model:true:sync',
        'include-video:true:user',
        'improve-model:false:sync',
        'include-video:false:sync',
      ])
    })

    it('keeps syncing a store when another store on the same adapter is destroyed', async () => {
      const shared = localStorageAdapter({ key: 'bc-shared' })
      const first = open(shared)
      const second = open(shared)
      const other = open(localStorageAdapter({ key: 'bc-shared' }))
      await Promise.all([first.store.ready, second.store.ready, other.store.ready])
      first.store.destroy()
      await other.store.set('improve-model', true)
      await vi.waitFor(() => expect(values(second.store.getSnapshot())['improve-model']).toBe(true))
    })

    it('shows a withdrawal made through one store in every other store on the same adapter in the page', async () => {
      // A BroadcastChannel never hears its own messages and the storage event never fires in the
      // page that wrote: two stores on one adapter must still hear each other.
      const shared = localStorageAdapter({ key: 'bc-one-adapter' })
      const first = open(shared)
      const second = open(shared)
      await Promise.all([first.store.ready, second.store.ready])
      await first.store.set('improve-model', true)
      await vi.waitFor(() => expect(values(second.store.getSnapshot())['improve-model']).toBe(true))
      const seenBySecond: string[] = []
      second.store.onConsentChange((event) => seenBySecond.push(`${event.setting}:${event.value}:${event.source}`))

      await first.store.set('improve-model', false)
      await vi.waitFor(() => expect(values(second.store.getSnapshot())).toEqual(allOff))
      expect(seenBySecond).toEqual(['improve-model:false:sync'])
    })

    it('does not open a channel when broadcast is false', async () => {
      const tabA = open(localStorageAdapter({ key: 'bc-off', broadcast: false }))
      const tabB = open(localStorageAdapter({ key: 'bc-off', broadcast: false }))
      await Promise.all([tabA.store.ready, tabB.store.ready])
      await tabA.store.set('improve-model', true)
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(values(tabB.store.getSnapshot())['improve-model']).toBe(false)
    })
  })
})

describe('localStorageAdapter channels', () => {
  /** Records every BroadcastChannel the adapter opens, and whether it was closed. */
  function trackChannels() {
    const opened: Array<{ name: string; closed: boolean }> = []
    const Real = globalThis.BroadcastChannel
    class Tracked extends Real {
      readonly record: { name: string; closed: boolean }
      constructor(name: string) {
        super(name)
        this.record = { name, closed: false }
        opened.push(this.record)
      }
      override close() {
        this.record.closed = true
        super.close()
      }
    }
    vi.stubGlobal('BroadcastChannel', Tracked)
    return opened
  }

  it('leaves no channel open after a save made when no store listens, and still tells other tabs', async () => {
    const opened = trackChannels()
    const otherTab = new BroadcastChannel('model-consent:bc-unheard')
    const heard: unknown[] = []
    otherTab.addEventListener('message', (event) => heard.push(event.data))
    try {
      const adapter = localStorageAdapter({ key: 'bc-unheard' })
      adapter.save({ formatVersion: 1, decisions: {} })
      await vi.waitFor(() => expect(heard).toEqual(['{"formatVersion":1,"decisions":{}}']))
      expect(opened.filter((channel) => channel !== opened[0]).every((channel) => channel.closed)).toBe(true)
    } finally {
      otherTab.close()
    }
  })

  it('closes every channel once a write queued before destroy() has saved', async () => {
    const opened = trackChannels()
    const store = createConsentStore({ policyVersion: 'v1', storage: localStorageAdapter({ key: 'bc-late-write' }) })
    await store.ready
    let audio: Promise<void> | undefined
    // A set made by a handler waits for the change's events, so it saves after this destroy().
    store.onConsentChange(() => {
      audio ??= store.set('include-audio', true)
      store.destroy()
    })
    await store.set('improve-model', true)
    await audio
    expect(JSON.parse(localStorage.getItem('bc-late-write')!).decisions['include-audio'].value).toBe(true)
    expect(opened.length).toBeGreaterThan(0)
    expect(opened.every((channel) => channel.closed)).toBe(true)
  })
})

describe('localStorageAdapter and unusual policy versions', () => {
  it('keeps an opt-in made under a policyVersion with U+0000 and a lone surrogate: the stored JSON escapes them and reads back the same', async () => {
    const policyVersion = 'v1\u0000-\ud800'
    const first = open(localStorageAdapter({ key: 'odd-version', broadcast: false }), policyVersion)
    await first.store.set('improve-model', true)
    const text = localStorage.getItem('odd-version')!
    expect(text).toContain('v1\\u0000-\\ud800')
    // Nothing a UTF-8 store (a database column, a file) would have to replace: the text is plain ASCII.
    expect(text).toMatch(/^[\x20-\x7e]*$/)
    const second = open(localStorageAdapter({ key: 'odd-version', broadcast: false }), policyVersion)
    await second.store.ready
    expect(second.store.getSetting('improve-model')).toMatchObject({ value: true, needsReconsent: false })
    expect(second.errors).toEqual([])
  })
})

describe('localStorageAdapter where the browser refuses a BroadcastChannel', () => {
  it('reports once when site data is blocked: neither localStorage nor BroadcastChannel can be had', async () => {
    stubLocalStorageGetter(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    })
    vi.stubGlobal(
      'BroadcastChannel',
      class {
        constructor() {
          throw new DOMException('The operation is insecure.', 'SecurityError')
        }
      },
    )
    const { store, errors } = open(localStorageAdapter())
    await store.ready
    await store.set('improve-model', true)
    expect(store.getSetting('improve-model').value).toBe(true)
    expect(errors.map((error) => error.code)).toEqual(['storage-unavailable'])
  })

  it('still hears other tabs through the storage event when only BroadcastChannel is refused', async () => {
    vi.stubGlobal(
      'BroadcastChannel',
      class {
        constructor() {
          throw new DOMException('BroadcastChannel refused', 'SecurityError')
        }
      },
    )
    const { store, errors } = open(localStorageAdapter())
    await store.ready
    const newValue = storedText({ 'improve-model': decision(true) })
    localStorage.setItem('model-consent', newValue)
    window.dispatchEvent(new StorageEvent('storage', { key: 'model-consent', newValue, storageArea: localStorage }))
    expect(store.getSetting('improve-model').value).toBe(true)
    await store.set('improve-model', false)
    expect(errors).toEqual([])
  })
})
