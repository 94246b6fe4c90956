import { ConsentError, parseStoredConsent } from '@model-consent/core'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { secureHeaders } from 'hono/secure-headers'
import { serveStatic } from '@hono/node-server/serve-static'
import { etagOf, loadConsent, loadHistory, saveConsent } from './consent-repo'
import type { Database } from './db'
import { SESSION_DAYS, createSession, endSession, personOf, validUser } from './sessions'

/** Options for {@link createApp}. */
export interface AppOptions {
  readonly db: Database
  /** The policy version the page shows; the server records whatever version a client sends. */
  readonly policyVersion: string
  /** The built page, served at `/`. Omit to serve the API only. */
  readonly clientDir?: string
  /** Enables `POST /api/test/fail-next-save`. Never in production. */
  readonly testFaults?: boolean
}

/** Largest accepted JSON body. A full record of the kit's three settings is under 1 kB. */
export const MAX_BODY_BYTES = 16 * 1024
const COOKIE = 'session'
/** Optional request header: the person the page shows as signed in (URI-encoded); another person's session gets 409. */
export const SIGNED_IN_AS = 'X-Signed-In-As'
/** Text PostgreSQL cannot keep as sent: U+0000 (refused), half of a surrogate pair (turned into U+FFFD). */
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

type Env = { Variables: { person: string } }

const problem = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 428 | 500, error: string, message: string) =>
  c.json({ error, message }, status)

/** The example's HTTP API (and the built page), as a Hono app. */
export function createApp({ db, policyVersion, clientDir, testFaults = false }: AppOptions): Hono<Env> {
  const app = new Hono<Env>()
  const failNextSave = new Set<string>()
  const limit = bodyLimit(MAX_BODY_BYTES)

  app.use(secureHeaders())
  app.use('/api/*', async (c, next) => {
    await next()
    // Answers depend on the session cookie and must never be cached or shared.
    c.header('Cache-Control', 'no-store')
    c.header('Vary', 'Cookie')
  })

  // Browsers send Origin with every cross-site POST, PUT and DELETE: refuse those (a page elsewhere
  // must not sign someone in or change their choices). Clients that send no Origin, like curl, pass.
  app.use('/api/*', async (c, next) => {
    const origin = c.req.header('Origin')
    if (origin === undefined || c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    if (hostOf(origin) !== c.req.header('Host')) return problem(c, 403, 'cross-site', 'Requests from other sites are refused.')
    return next()
  })

  app.post('/api/session', limit, async (c) => {
    const body = await readJson(c)
    const user = validUser(body && typeof body === 'object' ? (body as { user?: unknown }).user : undefined)
    if (!user) return problem(c, 400, 'invalid-user', 'Send { "user": "name" }: 1 to 64 letters, digits, ".", "_", "-" or "@".')
    const token = await createSession(db, user)
    setCookie(c, COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: 60 * 60 * 24 * SESSION_DAYS,
    })
    return c.json({ user, policyVersion })
  })

  app.get('/api/session', async (c) => {
    const person = await personOf(db, getCookie(c, COOKIE))
    return person ? c.json({ user: person, policyVersion }) : problem(c, 401, 'unauthenticated', 'Sign in first.')
  })

  app.delete('/api/session', async (c) => {
    await endSession(db, getCookie(c, COOKIE))
    deleteCookie(c, COOKIE, { path: '/' })
    return c.body(null, 204)
  })

  // Every route below needs a session: the person comes from it, never from the request.
  const signedIn = new Hono<Env>()
  signedIn.use(async (c, next) => {
    const person = await personOf(db, getCookie(c, COOKIE))
    if (!person) return problem(c, 401, 'unauthenticated', 'Sign in first.')
    // The page says whom it shows (the cookie is shared by every tab): a page left open while
    // someone else signed in elsewhere in the browser must not read or change their decisions.
    const shown = c.req.header(SIGNED_IN_AS)
    if (shown !== undefined && decodedName(shown) !== person) {
      return problem(c, 409, 'signed-in-as-someone-else', 'Someone else has signed in since this page was opened. Reload the page.')
    }
    c.set('person', person)
    await next()
  })

  signedIn.get('/consent', async (c) => {
    const { version, consent } = await loadConsent(db, c.get('person'))
    c.header('ETag', etagOf(version))
    return c.json(consent)
  })

  signedIn.put('/consent', limit, async (c) => {
    const person = c.get('person')
    let consent
    try {
      consent = parseStoredConsent(await c.req.text())
    } catch (error) {
      if (error instanceof ConsentError) return problem(c, 400, 'invalid-consent', error.message)
      throw error
    }
    for (const [id, d] of Object.entries(consent.decisions)) {
      if (UNSTORABLE.test(d.policyVersion) || UNSTORABLE.test(d.decidedAt)) {
        return problem(c, 400, 'invalid-consent', `Invalid consent data: the decision for "${id}" holds U+0000 or a lone surrogate, which the database cannot store.`)
      }
    }
    const ifMatch = c.req.header('If-Match')?.trim()
    if (!ifMatch) return problem(c, 428, 'precondition-required', 'Send If-Match with the ETag of the decisions you last read.')
    const expectedVersion = ifMatch === '*' ? null : versionOf(ifMatch)
    if (expectedVersion === undefined) return stale(c, (await loadConsent(db, person)).version)
    const failAfterWriting = failNextSave.delete(person)
    const outcome = await saveConsent(db, { person, consent, expectedVersion, userAgent: c.req.header('User-Agent')?.slice(0, 512) ?? null, failAfterWriting })
    if (!outcome.saved) return stale(c, outcome.version)
    c.header('ETag', etagOf(outcome.version))
    return c.json(outcome.consent)
  })

  signedIn.get('/consent/history', async (c) => c.json(await loadHistory(db, c.get('person'))))

  if (testFaults) {
    signedIn.post('/test/fail-next-save', (c) => {
      failNextSave.add(c.get('person'))
      return c.body(null, 204)
    })
  }

  app.route('/api', signedIn)
  app.all('/api/*', (c) => problem(c, 404, 'not-found', `No API route ${c.req.method} ${c.req.path}.`))
  // The page and its assets; `/` serves index.html. Anything else is a plain 404.
  if (clientDir) app.use('/*', serveStatic({ root: clientDir }))

  app.onError((error, c) => {
    console.error(`${c.req.method} ${c.req.path} failed:`, error instanceof Error ? error.message : error)
    return problem(c, 500, 'server-error', 'Something went wrong on the server. Nothing was saved.')
  })
  return app
}

/** `"12"` → 12; anything else (weak, list, garbage) → `undefined`, which can only be stale. */
function versionOf(etag: string): number | undefined {
  const match = /^"(\d{1,9})"$/.exec(etag)
  return match ? Number(match[1]) : undefined
}

function stale(c: Context, version: number) {
  c.header('ETag', etagOf(version))
  return problem(c, 412, 'conflict', 'Your decisions changed elsewhere since you read them. Read them again, merge, and retry.')
}

function decodedName(header: string): string | null {
  try {
    return decodeURIComponent(header)
  } catch {
    return null
  }
}

/**
 * Most of an over-long body that is read and dropped before the 413, so that the connection stays
 * usable; a longer one gets a 413 that closes the connection.
 */
const MAX_DRAINED_BYTES = 1024 * 1024

/**
 * Refuses a body over `maxSize` bytes with 413 `too-large`, by its Content-Length or, streamed
 * without one, once that many bytes have come. A client keeps the connection for its next request
 * unless the answer says `Connection: close`, so the rest of a streamed body is read first (up to
 * {@link MAX_DRAINED_BYTES}, or else the answer closes the connection): left unread, the server would
 * close the connection a moment later, and a request sent on it then would fail.
 */
function bodyLimit(maxSize: number): MiddlewareHandler {
  return async (c, next) => {
    const tooLarge = () => problem(c, 413, 'too-large', `The body is over ${maxSize} bytes.`)
    const body = c.req.raw.body
    if (!body) return next()
    const length = c.req.header('Content-Length')
    // With a Content-Length, Node reads and drops the unread body itself once the answer is sent.
    if (length !== undefined && c.req.header('Transfer-Encoding') === undefined) return Number(length) > maxSize ? tooLarge() : next()
    const reader = body.getReader()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxSize) {
        for (let drained = size; drained <= MAX_DRAINED_BYTES; ) {
          const rest = await reader.read()
          if (rest.done) return tooLarge()
          drained += rest.value.byteLength
        }
        c.header('Connection', 'close')
        return tooLarge()
      }
      chunks.push(value)
    }
    const whole = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) {
      whole.set(chunk, offset)
      offset += chunk.byteLength
    }
    c.req.raw = new Request(c.req.raw, { body: whole })
    return next()
  }
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text())
  } catch {
    return undefined
  }
}
