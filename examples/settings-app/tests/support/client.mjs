// A tiny API client for the tests: one cookie jar per person, JSON in and out.

/** Signs `user` in and returns a client that sends that session's cookie. */
export async function signedIn(origin, user) {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user }),
  })
  if (response.status !== 200) throw new Error(`sign-in as ${user} answered ${response.status}`)
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? ''
  return client(origin, cookie, response.headers.get('set-cookie') ?? '')
}

/** A client with a given Cookie header ('' for none). */
export function client(origin, cookie = '', setCookie = '') {
  const send = (method, path, { body, headers = {} } = {}) =>
    fetch(`${origin}${path}`, {
      method,
      headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
      ...(body === undefined ? {} : { body }),
      // A stream body needs half duplex in Node's fetch.
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    })
  return {
    setCookie,
    send,
    async consent() {
      const response = await send('GET', '/api/consent')
      return { status: response.status, etag: response.headers.get('etag'), body: await response.json() }
    },
    async history() {
      const response = await send('GET', '/api/consent/history')
      return response.json()
    },
    async put(record, etag, headers = {}) {
      const body = typeof record === 'string' ? record : JSON.stringify(record)
      const response = await send('PUT', '/api/consent', { body, headers: { 'Content-Type': 'application/json', ...(etag ? { 'If-Match': etag } : {}), ...headers } })
      return { status: response.status, etag: response.headers.get('etag'), body: await response.json().catch(() => null) }
    },
  }
}

/** A valid decision. */
export const decision = (value, decidedAt = new Date().toISOString(), policyVersion = '2026-12', source = 'user') => ({
  value, decidedAt, policyVersion, source,
})
