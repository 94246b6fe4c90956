import { ConsentError, describe } from '../errors'
import type { ConsentStorage, StoredConsent } from '../types'

/** Options for `httpStorage`. */
export interface HttpStorageOptions {
  /** The endpoint: `GET` reads the stored format with an `ETag`, `PUT` replaces it with `If-Match`. */
  url: string
  /** The fetch to use. Default: `globalThis.fetch`, looked up on each request (never at import). */
  fetch?: typeof fetch
  /** Extra request headers, such as a CSRF token; a function is called for each request. */
  headers?: HeadersInit | (() => HeadersInit)
  /** Default `'same-origin'`: the session cookie goes with each request. */
  credentials?: RequestCredentials
  /**
   * Re-read when the page gets focus or becomes visible again, and tell the store when the
   * decisions changed elsewhere (another device). Default `true`.
   */
  refreshOnFocus?: boolean
  /** Give up on a request after this many (whole) milliseconds, up to 2^32 - 1. Default `15000`; `0` waits for ever. */
  timeout?: number
}

/** The storage `httpStorage` returns: a `ConsentStorage` that can also be asked to re-read. */
export interface HttpStorage extends ConsentStorage {
  /**
   * Re-reads now and tells subscribed stores if the decisions changed elsewhere (what focus and
   * visibility changes do). Never rejects: a failed read is only a missed hint.
   */
  refresh(): Promise<void>
}

/** A failed request: `status` is the HTTP status, or `0` when no answer came. */
export interface HttpStorageError extends Error {
  readonly status: number
}

const failure = (message: string, status: number, cause?: unknown): HttpStorageError =>
  Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { status })

/**
 * Keeps decisions on your server, over a small JSON API: `GET url` answers the stored format
 * (`{ "formatVersion": 1, "decisions": … }`, `404` for nothing yet) with an `ETag`; `PUT url`
 * sends the whole record with `If-Match` (`If-None-Match: *` after a `404`: it creates the
 * record) and answers `200` with the new `ETag`, or `412` when the decisions changed since they
 * were read. A `412` rejects with a `ConsentError` whose code is
 * `conflict`: the store reloads, merges and saves again. Any other failure rejects, so the store
 * rolls the change back and shows the error. With `refreshOnFocus`, a change made on another
 * device shows when the person comes back to the page. Validate every `PUT` on the server with
 * `parseStoredConsent`.
 *
 * @example
 * const store = createConsentStore({ policyVersion: '2026-12', storage: httpStorage({ url: '/api/consent' }) })
 */
export function httpStorage(options: HttpStorageOptions): HttpStorage {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`httpStorage options must be an object like { url: '/api/consent' }, got ${describe(options)}`)
  }
  const { url, credentials = 'same-origin', refreshOnFocus = true, timeout = 15_000 } = options
  if (typeof url !== 'string' || url === '') throw new TypeError(`httpStorage url must be a non-empty string, got ${describe(url)}`)
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError(`httpStorage fetch must be a function, got ${describe(options.fetch)}`)
  }
  // Whole milliseconds up to 2^32 - 1 (AbortSignal.timeout throws on anything else, failing every request).
  if (timeout >>> 0 !== timeout) throw new TypeError(`httpStorage timeout must be a number of milliseconds, got ${describe(timeout)}`)

  /**
   * The ETag of what was last read or written, sent as `If-Match`; `''` when the last read found
   * nothing (404): a save then creates the record, with `If-None-Match: *`.
   */
  let etag: string | null = null
  /** The body last read or written, to tell whether a refresh found anything new. */
  let known: string | null = null
  /** Bumped by every completed save: a read that started before it must not bring back an older ETag. */
  let writes = 0
  let refreshing: Promise<void> | null = null
  const listeners = new Set<(data: unknown) => void>()

  async function request(method: 'GET' | 'PUT', body?: string): Promise<Response> {
    const run = options.fetch ?? globalThis.fetch
    if (typeof run !== 'function') throw failure('fetch is not available here', 0)
    const headers = new Headers(typeof options.headers === 'function' ? options.headers() : options.headers)
    headers.set('Accept', 'application/json')
    if (body !== undefined) headers.set('Content-Type', 'application/json')
    if (method === 'PUT' && etag !== null) headers.set(etag ? 'If-Match' : 'If-None-Match', etag || '*')
    const init: RequestInit = { method, headers, credentials, cache: 'no-store' }
    if (body !== undefined) init.body = body
    if (timeout > 0 && typeof AbortSignal.timeout === 'function') init.signal = AbortSignal.timeout(timeout)
    try {
      return await run(url, init)
    } catch (cause) {
      throw failure(`${method} ${url} got no answer: ${describe(String(cause))}`, 0, cause)
    }
  }

  async function read(): Promise<string | null> {
    const startedAfter = writes
    const response = await request('GET')
    if (response.status === 404) return adopt(null, '', startedAfter)
    if (!response.ok) throw failure(`GET ${url} answered ${response.status}`, response.status)
    return adopt(await response.text(), response.headers.get('ETag'), startedAfter)
  }

  function adopt(text: string | null, tag: string | null, startedAfter: number): string | null {
    if (startedAfter === writes) {
      etag = tag
      known = text
    }
    return text
  }

  /** Re-reads, and tells the store if the decisions changed elsewhere. One request at a time. */
  function refresh(): Promise<void> {
    refreshing ??= (async () => {
      try {
        const before = known
        const text = await read()
        if (text !== before) for (const listener of [...listeners]) listener(text)
      } catch {
        // A refresh is only a hint; the next save still checks with If-Match.
      } finally {
        refreshing = null
      }
    })()
    return refreshing
  }

  async function save(data: StoredConsent): Promise<void> {
    const response = await request('PUT', JSON.stringify(data))
    if (response.status === 412) {
      throw new ConsentError('conflict', 'Your choices changed on another device; they are read again and merged.', {
        cause: failure(`PUT ${url} answered 412`, 412),
      })
    }
    if (!response.ok) throw failure(`PUT ${url} answered ${response.status}`, response.status)
    writes++
    const text = await response.text().catch(() => '')
    etag = response.headers.get('ETag')
    known = text === '' ? JSON.stringify(data) : text
  }

  return {
    load: read,
    save,
    refresh,
    subscribe(onExternalChange) {
      listeners.add(onExternalChange)
      const win = globalThis as { addEventListener?: typeof addEventListener; removeEventListener?: typeof removeEventListener }
      const doc = (globalThis as { document?: Document }).document
      const onFocus = () => void refresh()
      const onVisibility = () => {
        if (doc?.visibilityState === 'visible') void refresh()
      }
      if (refreshOnFocus) {
        win.addEventListener?.('focus', onFocus)
        doc?.addEventListener('visibilitychange', onVisibility)
      }
      return () => {
        listeners.delete(onExternalChange)
        win.removeEventListener?.('focus', onFocus)
        doc?.removeEventListener('visibilitychange', onVisibility)
      }
    },
  }
}
