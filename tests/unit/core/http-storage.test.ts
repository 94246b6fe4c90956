import { createConsentStore, httpStorage } from '@model-consent/core'
import type { ConsentErrorLike, ConsentStorage, ConsentStore, StoredConsent } from '@model-consent/core'
import { fakeConsentServer } from './support/fake-consent-server'
import { decision, stored, values } from './support/stored'

const stores: ConsentStore[] = []

function open(storage: ConsentStorage) {
  const errors: ConsentErrorLike[] = []
  const store = createConsentStore({ policyVersion: 'v1', storage, onError: (error) => errors.push(error) })
  stores.push(store)
  return { store, errors }
}

/** Waits until `check` passes (requests and refreshes settle over a few microtasks). */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 1000, interval: 5 })

let visibility: DocumentVisibilityState = 'visible'
beforeAll(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
})
afterEach(() => {
  for (const store of stores.splice(0)) store.destroy()
  visibility = 'visible'
})

describe('httpStorage', () => {
  it('reads the stored format with GET, sending the session cookie, and the store shows it', async () => {
    const server = fakeConsentServer(stored({ 'improve-model': decision(true) }))
    const { store } = open(httpStorage({ url: '/api/consent', fetch: server.fetch }))
    await store.ready
    expect(values(store.getSnapshot())['improve-model']).toBe(true)
    expect(server.requests[0]).toMatchObject({ url: '/api/consent', method: 'GET', credentials: 'same-origin' })
    expect(server.requests[0]?.headers.get('Accept')).toBe('application/json')
  })

  it('reads nothing saved yet (404) as everything off, without an error', async () => {
    const server = fakeConsentServer(null)
    const { store, errors } = open(httpStorage({ url: '/api/consent', fetch: server.fetch }))
    await store.ready
    expect(values(store.getSnapshot())).toEqual({ 'improve-model': false, 'include-audio': false, 'include-video': false })
    expect(errors).toEqual([])
  })

  it('saves with PUT, the whole record as JSON and If-Match with the ETag it last read, then the new ETag', async () => {
    const server = fakeConsentServer(stored({}))
    const { store } = open(httpStorage({ url: '/api/consent', fetch: server.fetch }))
    await store.ready
    await store.set('improve-model', true)
    await store.set('include-audio', true)
    const puts = server.requests.filter((r) => r.method === 'PUT')
    expect(puts.map((r) => r.headers.get('If-Match'))).toEqual(['"1"', '"2"'])
    expect(puts[0]?.headers.get('Content-Type')).toBe('application/json')
    expect(JSON.parse(puts[0]?.body ?? '')).toEqual({
      formatVersion: 1,
      decisions: { 'improve-model': { value: true, decidedAt: expect.any(String), policyVersion: 'v1', source: 'user' } },
    })
    expect(server.record?.decisions['include-audio']).toMatchObject({ value: true, source: 'user' })
  })

  describe('when nothing is saved yet (404)', () => {
    it('creates the record with If-None-Match: *, so the first choice is saved', async () => {
      const server = fakeConsentServer(null)
      const { store, errors } = open(httpStorage({ url: '/api/consent', fetch: server.fetch }))
      await store.ready
      await store.set('improve-model', true)
      const put = server.requests.find((r) => r.method === 'PUT')
      expect(put?.headers.get('If-None-Match')).toBe('*')
      expect(put?.headers.get('If-Match')).toBeNull()
      expect(server.record?.decisions['improve-model']).toMatchObject({ value: true, source: 'user' })
      expect(errors).toEqual([])
    })

    it('never overwrites a record another device created meanwhile (412: reload, merge, save again)', async () => {
      const server = fakeConsentServer(null)
      const storage = httpStorage({ url: '/api/consent', fetch: server.fetch, refreshOnFocus: false })
      expect(await storage.load()).toBeNull()
      server.writeElsewhere(stored({ 'improve-model': decision(false, 'v1', 'user', '2026-12-01T10:00:00.000Z') }))
      await expect(storage.save(stored({ 'include-video': decision(false) }))).rejects.toMatchObject({ code: 'conflict' })
      expect(server.requests.at(-1)?.headers.get('If-None-Match')).toBe('*')
      expect(server.record?.decisions).toEqual({ 'improve-model': decision(false, 'v1', 'user', '2026-12-01T10:00:00.000Z') })
    })
  })

  it('rolls the change back and reports when the server answers 500', async () => {
    const server = fakeConsentServer(stored({}))
    const { store, errors } = open(httpStorage({ url: '/api/consent', fetch: server.fetch }))
    await store.ready
    server.failNext(500)
    await expect(store.set('improve-model', true)).rejects.toMatchObject({ code: 'save-failed' })
    expect(store.getSnapshot().settings['improve-model']).toMatchObject({ value: false, error: expect.objectContaining({ code: 'save-failed' }) })
    expect(errors.map((e) => e.code)).toEqual(['save-failed'])
    expect((errors[0]?.cause as { status?: number }).status).toBe(500)
    expect(server.record?.decisions).toEqual({})
  })

  it('rejects a stale save (412) with a ConsentError whose code is conflict; after a new read the save goes through', async () => {
    const server = fakeConsentServer(stored({}))
    const storage = httpStorage({ url: '/api/consent', fetch: server.fetch, refreshOnFocus: false })
    await storage.load()
    server.writeElsewhere(stored({ 'improve-model': decision(false, 'v1', 'user', '2026-12-01T10:00:00.000Z') }))
    await expect(storage.save(stored({ 'improve-model': decision(true) }))).rejects.toMatchObject({ name: 'ConsentError', code: 'conflict' })
    expect(server.record?.decisions['improve-model']?.value).toBe(false)
    expect(JSON.parse(String(await storage.load()))).toEqual(server.record)
    await storage.save(stored({ 'improve-model': decision(true) }))
    expect(server.record?.decisions['improve-model']?.value).toBe(true)
  })

  it('saves on top of a change another device made while the save was on its way (412: reload, merge, save again), keeping a withdrawal', async () => {
    const server = fakeConsentServer(stored({ 'improve-model': decision(true, 'v1', 'user', '2026-12-01T09:00:00.000Z') }))
    let raced = false
    // The other device's save lands between this store's read and its PUT.
    const racing: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT' && !raced) {
        raced = true
        server.writeElsewhere(stored({
          'improve-model': decision(true, 'v1', 'user', '2026-12-01T09:00:00.000Z'),
          'include-audio': decision(true, 'v1', 'user', '2026-12-01T09:30:00.000Z'),
        }))
      }
      return server.fetch(input, init)
    }
    const { store, errors } = open(httpStorage({ url: '/api/consent', fetch: racing }))
    await store.ready
    await store.set('improve-model', false)
    expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(2)
    expect(server.record?.decisions['improve-model']).toMatchObject({ value: false, source: 'user' })
    // The other device's audio decision is kept in storage; it reads off while its requirement is off.
    expect(values(store.getSnapshot())).toEqual({ 'improve-model': false, 'include-audio': false, 'include-video': false })
    expect(errors).toEqual([])
  })

  it('does not bring back decisions deleted on the server while a save was on its way (412, then 404)', async () => {
    const server = fakeConsentServer(stored({ 'improve-model': decision(true) }))
    let raced = false
    // "Delete my data" on another device lands between this store's read and its PUT.
    const racing: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT' && !raced) {
        raced = true
        server.writeElsewhere(null as unknown as StoredConsent)
      }
      return server.fetch(input, init)
    }
    const { store } = open(httpStorage({ url: '/api/consent', fetch: racing }))
    await store.ready
    await store.set('include-video', true).catch(() => undefined)
    expect(server.record?.decisions['improve-model']).toBeUndefined()
    // Video requires the main setting, which is now off: it never reads on.
    expect(server.record?.decisions['include-video']?.value ?? false).toBe(false)
    expect(values(store.getSnapshot())).toEqual({ 'improve-model': false, 'include-audio': false, 'include-video': false })
  })

  it('fails to load (the store runs in memory) when the server refuses the read, naming the status', async () => {
    const server = fakeConsentServer(stored({}))
    server.failNext(401)
    const storage = httpStorage({ url: '/api/consent', fetch: server.fetch })
    await expect(storage.load()).rejects.toMatchObject({ status: 401, message: 'GET /api/consent answered 401' })
  })

  it('rejects with status 0 when no answer comes', async () => {
    const storage = httpStorage({ url: '/api/consent', fetch: () => Promise.reject(new TypeError('Failed to fetch')) })
    await expect(storage.load()).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/got no answer: "TypeError: Failed to fetch"/) })
  })

  it('sends the extra headers, calling a function for each request', async () => {
    const server = fakeConsentServer(stored({}))
    let n = 0
    const storage = httpStorage({ url: '/api/consent', fetch: server.fetch, headers: () => ({ 'X-CSRF-Token': `t${++n}` }) })
    await storage.load()
    await storage.save(stored({}))
    expect(server.requests.map((r) => r.headers.get('X-CSRF-Token'))).toEqual(['t1', 't2'])
  })

  describe('when the page gets focus or becomes visible again', () => {
    it('shows a change another device saved meanwhile', async () => {
      const server = fakeConsentServer(stored({}))
      const { store } = open(httpStorage({ url: '/api/consent', fetch: server.fetch }))
      await store.ready
      server.writeElsewhere(stored({ 'improve-model': decision(true, 'v1', 'user', '2026-12-01T10:00:00.000Z') }))
      window.dispatchEvent(new Event('focus'))
      await eventually(() => expect(values(store.getSnapshot())['improve-model']).toBe(true))
    })

    it('re-reads on visibilitychange only when visible', async () => {
      const server = fakeConsentServer(stored({}))
      const { store } = open(httpStorage({ url: '/api/consent', fetch: server.fetch }))
      await store.ready
      const reads = () => server.requests.filter((r) => r.method === 'GET').length
      visibility = 'hidden'
      document.dispatchEvent(new Event('visibilitychange'))
      await Promise.resolve()
      expect(reads()).toBe(1)
      visibility = 'visible'
      document.dispatchEvent(new Event('visibilitychange'))
      await eventually(() => expect(reads()).toBe(2))
    })

    it('makes one request for focus and visibilitychange together, and calls back only when something changed', async () => {
      const server = fakeConsentServer(stored({}))
      const storage = httpStorage({ url: '/api/consent', fetch: server.fetch })
      await storage.load()
      const heard = vi.fn()
      const stop = storage.subscribe?.(heard)
      window.dispatchEvent(new Event('focus'))
      document.dispatchEvent(new Event('visibilitychange'))
      await eventually(() => expect(server.requests).toHaveLength(2))
      await storage.refresh()
      expect(heard).not.toHaveBeenCalled()
      stop?.()
    })

    it('stops listening when the store is destroyed, and does nothing with refreshOnFocus: false', async () => {
      const server = fakeConsentServer(stored({}))
      const { store } = open(httpStorage({ url: '/api/consent', fetch: server.fetch }))
      const other = open(httpStorage({ url: '/api/consent', fetch: server.fetch, refreshOnFocus: false }))
      await Promise.all([store.ready, other.store.ready])
      store.destroy()
      window.dispatchEvent(new Event('focus'))
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET'])
    })
  })

  it('keeps the ETag of its own save when a read that started earlier answers later', async () => {
    const server = fakeConsentServer(stored({}))
    let releaseRead: () => void = () => undefined
    const slow: typeof fetch = async (input, init) => {
      const answer = await server.fetch(input, init)
      if ((init?.method ?? 'GET') === 'GET' && server.requests.length > 1) await new Promise<void>((resolve) => (releaseRead = resolve))
      return answer
    }
    const storage = httpStorage({ url: '/api/consent', fetch: slow })
    await storage.load()
    const refreshing = storage.refresh()
    await eventually(() => expect(server.requests).toHaveLength(2))
    await storage.save(stored({ 'improve-model': decision(true) }))
    releaseRead()
    await refreshing
    await storage.save(stored({ 'improve-model': decision(false) }))
    expect(server.record?.decisions['improve-model']?.value).toBe(false)
  })

  it('throws a TypeError naming a bad url, fetch or timeout', () => {
    expect(() => httpStorage({ url: '' })).toThrow(new TypeError('httpStorage url must be a non-empty string, got ""'))
    // @ts-expect-error: checking the runtime guard
    expect(() => httpStorage({ url: '/x', fetch: 'fetch' })).toThrow(/fetch must be a function, got "fetch"/)
    expect(() => httpStorage({ url: '/x', timeout: -1 })).toThrow(/timeout must be a number of milliseconds, got -1/)
    // A timer takes whole milliseconds up to 2^32 - 1: anything else would fail every request, and the store would run in memory.
    for (const [timeout, named] of [[Infinity, 'Infinity'], [1.5, '1.5'], [2 ** 32, '4294967296']] as const) {
      expect(() => httpStorage({ url: '/x', timeout })).toThrow(TypeError)
      expect(() => httpStorage({ url: '/x', timeout })).toThrow(`timeout must be a number of milliseconds, got ${named}`)
    }
    expect(() => httpStorage({ url: '/x', timeout: 2 ** 32 - 1 })).not.toThrow()
    // @ts-expect-error: checking the runtime guard
    expect(() => httpStorage(undefined)).toThrow(/options must be an object like \{ url: '\/api\/consent' \}, got undefined/)
  })
})
