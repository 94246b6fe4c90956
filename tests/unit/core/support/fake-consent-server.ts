import type { StoredConsent } from '@model-consent/core'

/** One request the fake server received. */
export interface ReceivedRequest {
  readonly url: string
  readonly method: string
  readonly headers: Headers
  readonly body: string | null
  readonly credentials: RequestCredentials | undefined
}

/**
 * A fake of the example's consent API behind a `fetch` function: `GET` answers the stored record
 * with a version ETag (`404` while there is none), `PUT` replaces it when `If-Match` matches, or
 * creates it with `If-None-Match: *` when there is none, and answers 412 otherwise.
 * `failNext(status)` makes the next request answer that status; `writeElsewhere` stands for
 * another device's save.
 */
export function fakeConsentServer(initial: StoredConsent | null = null) {
  let record: StoredConsent | null = initial
  let version = initial ? 1 : 0
  const failures: number[] = []
  const requests: ReceivedRequest[] = []
  const etag = () => `"${version}"`

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const method = init.method ?? 'GET'
    const headers = new Headers(init.headers)
    const body = typeof init.body === 'string' ? init.body : null
    requests.push({ url: String(input), method, headers, body, credentials: init.credentials })
    const status = failures.shift()
    if (status !== undefined) return new Response(JSON.stringify({ error: 'fault' }), { status })
    if (method === 'GET') {
      if (record === null) return new Response(null, { status: 404 })
      return Response.json(record, { headers: { ETag: etag() } })
    }
    const creating = headers.get('If-None-Match') === '*'
    if (creating ? record !== null : headers.get('If-Match') !== etag()) return Response.json({ error: 'conflict' }, { status: 412, headers: { ETag: etag() } })
    record = JSON.parse(body ?? 'null') as StoredConsent
    version++
    return Response.json(record, { headers: { ETag: etag() } })
  }

  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    /** What the server holds now. */
    get record() {
      return record
    },
    get etag() {
      return etag()
    },
    failNext(status: number) {
      failures.push(status)
    },
    /** Another device saved `next`. */
    writeElsewhere(next: StoredConsent) {
      record = next
      version++
    },
  }
}
