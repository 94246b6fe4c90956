// The example's HTTP API against the running server: on PGlite by default, on a PostgreSQL
// server when DATABASE_URL is set (scripts/test-postgres.mjs does that).
import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { client, decision, signedIn } from './support/client.mjs'
import { startServer } from './support/server.mjs'

const port = Number(process.env.SETTINGS_APP_API_PORT ?? 5251)
let server
// Each test signs in a person of its own, so tests never see each other's decisions.
let n = 0
const person = (name) => `${name}-${process.pid}-${++n}`

before(async () => {
  server = await startServer({ port })
})
after(async () => {
  await server?.stop()
})

/** Asserts that nothing about `api`'s person changed since `snapshot`. */
async function assertUnchanged(api, snapshot) {
  assert.deepEqual(await api.consent(), snapshot.consent)
  assert.deepEqual(await api.history(), snapshot.history)
}
const snapshotOf = async (api) => ({ consent: await api.consent(), history: await api.history() })

/**
 * Request-response exchanges on one raw keep-alive connection (answers with a Content-Length only):
 * each call writes a request and resolves with its answer, or rejects when the server closes the
 * connection first.
 */
function rawExchange(socket) {
  let buffered = Buffer.alloc(0)
  let waiting = null
  const settle = () => {
    if (!waiting) return
    const end = buffered.indexOf('\r\n\r\n')
    if (end < 0) return
    const [statusLine, ...lines] = buffered.subarray(0, end).toString('latin1').split('\r\n')
    const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]))
    const length = Number(headers['content-length'] ?? 0)
    if (buffered.length < end + 4 + length) return
    const body = buffered.subarray(end + 4, end + 4 + length).toString('utf8')
    buffered = buffered.subarray(end + 4 + length)
    const { resolve } = waiting
    waiting = null
    resolve({ status: Number(statusLine.split(' ')[1]), headers, body })
  }
  socket.on('data', (data) => {
    buffered = Buffer.concat([buffered, data])
    settle()
  })
  const closed = () => waiting?.reject(new Error('the server closed the connection'))
  socket.on('end', closed)
  socket.on('close', closed)
  socket.on('error', closed)
  return (request) =>
    new Promise((resolve, reject) => {
      waiting = { resolve, reject }
      if (socket.destroyed || socket.readableEnded) return reject(new Error('the server closed the connection'))
      socket.write(request)
    })
}

describe(`the settings app API (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('answers 401 on every consent endpoint without a valid session', async () => {
    for (const cookie of ['', 'session=not-a-token', `session=${'a'.repeat(43)}`]) {
      const anonymous = client(server.origin, cookie)
      assert.equal((await anonymous.send('GET', '/api/consent')).status, 401)
      assert.equal((await anonymous.put({ formatVersion: 1, decisions: {} }, '"0"')).status, 401)
      assert.equal((await anonymous.send('GET', '/api/consent/history')).status, 401)
    }
  })

  it('signs in with an HttpOnly, SameSite=Lax session cookie and refuses a bad user name', async () => {
    const api = await signedIn(server.origin, person('ada'))
    assert.match(api.setCookie, /^session=[\w-]{43};/)
    assert.match(api.setCookie, /HttpOnly/)
    assert.match(api.setCookie, /SameSite=Lax/)
    for (const body of ['{"user":""}', '{"user":42}', '{}', 'not json', `{"user":"${'x'.repeat(65)}"}`]) {
      const response = await fetch(`${server.origin}/api/session`, { method: 'POST', body })
      assert.equal(response.status, 400, body)
      assert.equal((await response.json()).error, 'invalid-user')
    }
  })

  it('refuses sign-ins and saves that another site sends (403), and accepts its own origin', async () => {
    const crossSite = await fetch(`${server.origin}/api/session`, { method: 'POST', headers: { Origin: 'https://evil.example' }, body: '{"user":"mallory"}' })
    assert.equal(crossSite.status, 403)
    assert.equal(crossSite.headers.get('set-cookie'), null)
    const api = await signedIn(server.origin, person('ada'))
    const before = await snapshotOf(api)
    const record = { formatVersion: 1, decisions: { 'improve-model': decision(true) } }
    assert.equal((await api.put(record, before.consent.etag, { Origin: 'null' })).status, 403)
    await assertUnchanged(api, before)
    assert.equal((await api.put(record, before.consent.etag, { Origin: server.origin })).status, 200)
  })

  it('reads nothing decided yet as the stored format with an ETag', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const read = await api.consent()
    assert.equal(read.status, 200)
    assert.deepEqual(read.body, { formatVersion: 1, decisions: {} })
    assert.match(read.etag, /^"\d+"$/)
  })

  it('saves with a matching If-Match: 200, a new ETag, and the decision in the ledger with what the server received', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const { etag } = await api.consent()
    const record = { formatVersion: 1, decisions: { 'improve-model': decision(true, '2026-12-01T10:00:00.000Z', '2027-01') } }
    const saved = await api.put(record, etag, { 'User-Agent': 'api-test/1.0' })
    assert.equal(saved.status, 200)
    assert.notEqual(saved.etag, etag)
    assert.deepEqual(saved.body, record)
    assert.deepEqual(await api.consent(), { status: 200, etag: saved.etag, body: record })
    const [entry, ...rest] = await api.history()
    assert.equal(rest.length, 0)
    // The server records the policy version the client sent, even one it does not show itself.
    assert.deepEqual({ ...entry, receivedAt: undefined }, {
      setting: 'improve-model', value: true, decidedAt: '2026-12-01T10:00:00.000Z', policyVersion: '2027-01',
      source: 'user', userAgent: 'api-test/1.0', receivedAt: undefined,
    })
    assert.ok(Math.abs(Date.parse(entry.receivedAt) - Date.now()) < 60_000)
  })

  it('lists the history newest first and appends only decisions that changed', async () => {
    const api = await signedIn(server.origin, person('ada'))
    let { etag } = await api.consent()
    const on = decision(true, '2026-12-01T10:00:00.000Z')
    const steps = [
      { 'improve-model': on },
      { 'improve-model': on, 'include-audio': decision(true, '2026-12-01T10:01:00.000Z') },
      { 'improve-model': decision(false, '2026-12-01T10:02:00.000Z'), 'include-audio': decision(false, '2026-12-01T10:02:00.000Z', '2026-12', 'cascade') },
    ]
    for (const decisions of steps) etag = (await api.put({ formatVersion: 1, decisions }, etag)).etag
    const again = await api.put({ formatVersion: 1, decisions: steps[2] }, etag)
    assert.equal(again.status, 200)
    assert.equal(again.etag, etag, 'saving what is stored keeps the ETag')
    const history = await api.history()
    assert.deepEqual(history.map((e) => [e.setting, e.value, e.source]), [
      ['include-audio', false, 'cascade'],
      ['improve-model', false, 'user'],
      ['include-audio', true, 'user'],
      ['improve-model', true, 'user'],
    ])
  })

  it('answers 412 to a stale If-Match and writes nothing', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const { etag } = await api.consent()
    const first = await api.put({ formatVersion: 1, decisions: { 'improve-model': decision(true) } }, etag)
    const before = await snapshotOf(api)
    const stale = await api.put({ formatVersion: 1, decisions: { 'improve-model': decision(false) } }, etag)
    assert.equal(stale.status, 412)
    assert.equal(stale.body.error, 'conflict')
    assert.equal(stale.etag, first.etag, 'the 412 carries the current ETag')
    for (const tag of ['W/"1"', 'garbage', '"99999"']) assert.equal((await api.put({ formatVersion: 1, decisions: {} }, tag)).status, 412)
    await assertUnchanged(api, before)
  })

  it('lets only one of two saves made at once from the same ETag through', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const { etag } = await api.consent()
    const saves = await Promise.all([true, false].map((value) => api.put({ formatVersion: 1, decisions: { 'improve-model': decision(value) } }, etag)))
    assert.deepEqual(saves.map((s) => s.status).sort(), [200, 412])
    const winner = saves.find((s) => s.status === 200)
    assert.deepEqual((await api.consent()).body, winner.body)
    assert.equal((await api.history()).length, 1)
  })

  it('never lets an older opt-in override a withdrawal, even with If-Match: * or a fresh ETag (412, nothing written)', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const opted = { 'improve-model': decision(true, '2026-12-01T10:00:00.000Z'), 'include-audio': decision(true, '2026-12-01T10:01:00.000Z') }
    let { etag } = await api.consent()
    etag = (await api.put({ formatVersion: 1, decisions: opted }, etag)).etag
    const withdrawn = {
      'improve-model': decision(false, '2026-12-01T11:00:00.000Z'),
      'include-audio': decision(false, '2026-12-01T11:00:00.000Z', '2026-12', 'cascade'),
    }
    etag = (await api.put({ formatVersion: 1, decisions: withdrawn }, etag)).etag
    const before = await snapshotOf(api)
    // A careless client (or a replay) sends the older opt-in: blindly, or after reading the ETag
    // without merging; an opt-in dated the same instant as the withdrawal loses too (off wins a tie).
    const tie = { ...withdrawn, 'improve-model': decision(true, '2026-12-01T11:00:00.000Z') }
    for (const [tag, decisions] of [['*', opted], [etag, opted], [etag, { ...withdrawn, 'improve-model': opted['improve-model'] }], [etag, tie]]) {
      const response = await api.put({ formatVersion: 1, decisions }, tag)
      assert.equal(response.status, 412, `${tag} ${JSON.stringify(decisions)}`)
      assert.equal(response.body.error, 'conflict')
      assert.equal(response.etag, etag, 'the 412 carries the current ETag')
    }
    await assertUnchanged(api, before)
    // A later opt-in is a new decision, and is saved.
    const again = { ...withdrawn, 'improve-model': decision(true, '2026-12-01T12:00:00.000Z') }
    assert.equal((await api.put({ formatVersion: 1, decisions: again }, etag)).status, 200)
  })

  it('never drops a stored decision, so the newest ledger row of each setting is always its current decision', async () => {
    const api = await signedIn(server.origin, person('ada'))
    let { etag } = await api.consent()
    etag = (await api.put({ formatVersion: 1, decisions: { 'improve-model': decision(true, '2026-12-01T10:00:00.000Z') } }, etag)).etag
    const before = await snapshotOf(api)
    for (const tag of [etag, '*']) {
      const response = await api.put({ formatVersion: 1, decisions: { 'include-video': decision(false, '2026-12-01T12:00:00.000Z') } }, tag)
      assert.equal(response.status, 412, tag)
      assert.equal(response.body.error, 'conflict')
    }
    await assertUnchanged(api, before)
    const { body } = await api.consent()
    const newest = {}
    for (const entry of (await api.history()).reverse()) newest[entry.setting] = entry
    assert.deepEqual(
      Object.fromEntries(Object.entries(newest).map(([id, e]) => [id, { value: e.value, decidedAt: e.decidedAt, policyVersion: e.policyVersion, source: e.source }])),
      body.decisions,
    )
  })

  it('answers 428 to a save without If-Match and writes nothing', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const before = await snapshotOf(api)
    const response = await api.put({ formatVersion: 1, decisions: { 'improve-model': decision(true) } }, null)
    assert.equal(response.status, 428)
    await assertUnchanged(api, before)
  })

  it('answers 400 with a JSON error to anything the core parser refuses, writes nothing, and keeps serving', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const { etag } = await api.consent()
    await api.put({ formatVersion: 1, decisions: { 'improve-model': decision(true) } }, etag)
    const before = await snapshotOf(api)
    const valid = decision(true)
    const bad = {
      'bad JSON': '{"formatVersion":1,',
      'empty body': '',
      'JSON null': 'null',
      'an array': '[]',
      'format version 2': { formatVersion: 2, decisions: {} },
      'format version "1"': { formatVersion: '1', decisions: {} },
      'decisions not an object': { formatVersion: 1, decisions: [] },
      'an unknown setting id': { formatVersion: 1, decisions: { 'share-location': valid } },
      'a string value': { formatVersion: 1, decisions: { 'improve-model': { ...valid, value: 'true' } } },
      'a date that does not exist': { formatVersion: 1, decisions: { 'improve-model': { ...valid, decidedAt: '2025-02-30T10:00:00Z' } } },
      'a date that is not a date': { formatVersion: 1, decisions: { 'improve-model': { ...valid, decidedAt: 'yesterday' } } },
      'an empty policy version': { formatVersion: 1, decisions: { 'improve-model': { ...valid, policyVersion: '' } } },
      'an unknown source': { formatVersion: 1, decisions: { 'improve-model': { ...valid, source: 'admin' } } },
      'on with source cascade': { formatVersion: 1, decisions: { 'improve-model': { ...valid, source: 'cascade' } } },
      'an unknown key': { formatVersion: 1, decisions: {}, admin: true },
      'an unknown decision key': { formatVersion: 1, decisions: { 'improve-model': { ...valid, note: 'x' } } },
      '__proto__ as a setting': '{"formatVersion":1,"decisions":{"__proto__":{"value":true,"decidedAt":"2026-12-01T10:00:00Z","policyVersion":"2026-12","source":"user"}}}',
      '__proto__ at the top': '{"formatVersion":1,"decisions":{},"__proto__":{"admin":true}}',
      'constructor as a setting': { formatVersion: 1, decisions: { constructor: valid } },
    }
    for (const [name, body] of Object.entries(bad)) {
      const response = await api.put(body, (await api.consent()).etag)
      assert.equal(response.status, 400, name)
      assert.equal(response.body?.error, 'invalid-consent', name)
      assert.equal(typeof response.body?.message, 'string', name)
    }
    await assertUnchanged(api, before)
  })

  it('answers 400, not 500, to text the database cannot keep exactly (U+0000, a lone surrogate), and writes nothing', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const before = await snapshotOf(api)
    for (const policyVersion of ['2026\u000012', '2026-12\ud800']) {
      const response = await api.put({ formatVersion: 1, decisions: { 'improve-model': decision(true, undefined, policyVersion) } }, before.consent.etag)
      assert.equal(response.status, 400, JSON.stringify(policyVersion))
      assert.equal(response.body?.error, 'invalid-consent')
    }
    await assertUnchanged(api, before)
  })

  it('answers 413 to a body over the limit and writes nothing', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const before = await snapshotOf(api)
    const huge = JSON.stringify({ formatVersion: 1, decisions: { 'improve-model': decision(true, undefined, 'v'.repeat(40_000)) } })
    const response = await api.put(huge, before.consent.etag)
    assert.equal(response.status, 413)
    assert.equal(response.body?.error, 'too-large')
    // Streamed in chunks, with no Content-Length to refuse it by.
    const chunks = Array.from({ length: 40 }, () => new TextEncoder().encode(' '.repeat(1024)))
    const streamed = await api.send('PUT', '/api/consent', {
      body: new ReadableStream({ pull: (controller) => (chunks.length ? controller.enqueue(chunks.shift()) : controller.close()) }),
      headers: { 'Content-Type': 'application/json', 'If-Match': before.consent.etag },
    })
    assert.equal(streamed.status, 413)
    assert.equal((await streamed.json()).error, 'too-large')
    await assertUnchanged(api, before)
  })

  it('keeps a connection usable after a 413 to a streamed body, unless the answer says it closes it', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const { etag } = await api.consent()
    const cookie = api.setCookie.split(';')[0]
    const socket = connect(port, '127.0.0.1')
    try {
      const exchange = rawExchange(socket)
      // The whole body is sent, the closing chunk too, before the answer comes.
      const chunks = Array.from({ length: 40 }, () => `400\r\n${' '.repeat(1024)}\r\n`).join('')
      const answer = await exchange(`PUT /api/consent HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nIf-Match: ${etag}\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`)
      assert.equal(answer.status, 413)
      assert.equal(JSON.parse(answer.body).error, 'too-large')
      if (/close/i.test(answer.headers.connection ?? '')) return
      // A client keeps such a connection for its next request, which may come a while later.
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      const next = await exchange(`GET /api/consent HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\n\r\n`)
      assert.equal(next.status, 200)
    } finally {
      socket.destroy()
    }
  })

  it('answers 413 to a streamed body too long to read through, and says it closes the connection', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const before = await snapshotOf(api)
    const socket = connect(port, '127.0.0.1')
    try {
      const exchange = rawExchange(socket)
      const chunks = Array.from({ length: 64 }, () => `8000\r\n${' '.repeat(0x8000)}\r\n`).join('')
      const answer = await exchange(`PUT /api/consent HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${api.setCookie.split(';')[0]}\r\nContent-Type: application/json\r\nIf-Match: ${before.consent.etag}\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`)
      assert.equal(answer.status, 413)
      assert.equal(JSON.parse(answer.body).error, 'too-large')
      assert.match(answer.headers.connection ?? '', /close/i)
    } finally {
      socket.destroy()
    }
    await assertUnchanged(api, before)
  })

  it('never shows or changes one person’s decisions to another', async () => {
    const ada = await signedIn(server.origin, person('ada'))
    const grace = await signedIn(server.origin, person('grace'))
    const { etag } = await ada.consent()
    await ada.put({ formatVersion: 1, decisions: { 'improve-model': decision(true) } }, etag)
    const adaBefore = await snapshotOf(ada)
    assert.deepEqual((await grace.consent()).body, { formatVersion: 1, decisions: {} })
    assert.deepEqual(await grace.history(), [])
    // Grace saving with Ada's ETag changes only Grace's own record.
    const graceEtag = (await grace.consent()).etag
    await grace.put({ formatVersion: 1, decisions: { 'improve-model': decision(false) } }, graceEtag)
    await assertUnchanged(ada, adaBefore)
  })

  it('answers 409 and writes nothing when X-Signed-In-As names someone other than the session (a page left open in another tab)', async () => {
    const name = person('zoë')
    const api = await signedIn(server.origin, name)
    const before = await snapshotOf(api)
    const record = { formatVersion: 1, decisions: { 'improve-model': decision(true) } }
    for (const shown of [encodeURIComponent(person('ada')), encodeURIComponent(`${name}x`), '%E0%A4%A', name.toUpperCase()]) {
      const headers = { 'X-Signed-In-As': shown }
      for (const response of [
        await api.send('GET', '/api/consent', { headers }),
        await api.send('GET', '/api/consent/history', { headers }),
        await api.send('PUT', '/api/consent', { body: JSON.stringify(record), headers: { ...headers, 'If-Match': before.consent.etag } }),
      ]) {
        assert.equal(response.status, 409, shown)
        assert.equal((await response.json()).error, 'signed-in-as-someone-else')
      }
    }
    await assertUnchanged(api, before)
    const saved = await api.put(record, before.consent.etag, { 'X-Signed-In-As': encodeURIComponent(name) })
    assert.equal(saved.status, 200)
  })

  it('answers 500 to a save the test switch makes fail, rolls the transaction back, and saves the next one', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const before = await snapshotOf(api)
    assert.equal((await api.send('POST', '/api/test/fail-next-save')).status, 204)
    const record = { formatVersion: 1, decisions: { 'improve-model': decision(true) } }
    const failed = await api.put(record, before.consent.etag)
    assert.equal(failed.status, 500)
    assert.equal(failed.body?.error, 'server-error')
    await assertUnchanged(api, before)
    const saved = await api.put(record, before.consent.etag)
    assert.equal(saved.status, 200)
    assert.equal((await api.history()).length, 1)
  })

  it('refuses TRUNCATE of the ledger as well as UPDATE and DELETE (the schema the server migrates to)', async () => {
    const api = await signedIn(server.origin, person('ada'))
    await api.put({ formatVersion: 1, decisions: { 'improve-model': decision(true) } }, (await api.consent()).etag)
    if (process.env.DATABASE_URL) {
      const { default: pg } = await import('pg')
      const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await db.connect()
      try {
        await assert.rejects(db.query('TRUNCATE consent_ledger'), /append-only/)
        assert.ok((await db.query('SELECT count(*)::int AS n FROM consent_ledger')).rows[0].n > 0)
      } finally {
        await db.end()
      }
      return
    }
    // PGlite belongs to the server's process: open a copy of its data once it has stopped.
    const copy = mkdtempSync(join(tmpdir(), 'settings-app-ledger-'))
    await server.stop({ keepData: true })
    try {
      cpSync(server.dataDir, copy, { recursive: true })
      const { PGlite } = await import('@electric-sql/pglite')
      const db = await PGlite.create(copy)
      try {
        await assert.rejects(db.query('TRUNCATE consent_ledger'), /append-only/)
        assert.ok((await db.query('SELECT count(*)::int AS n FROM consent_ledger')).rows[0].n > 0)
      } finally {
        await db.close()
      }
    } finally {
      rmSync(copy, { recursive: true, force: true })
      server = await startServer({ port, dataDir: server.dataDir })
    }
  })

  // Only a PostgreSQL server can be reached beside the running app (PGlite belongs to its process).
  if (process.env.DATABASE_URL) {
    it('starts while another server is migrating the same fresh database at that moment', async () => {
      const { default: pg } = await import('pg')
      const name = `fresh_${process.pid}`
      const url = new URL(process.env.DATABASE_URL)
      url.pathname = `/${name}`
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await admin.connect()
      await admin.query(`CREATE DATABASE ${name}`)
      // The other server, holding the migration lock, has created the bookkeeping table and not
      // committed yet.
      const other = new pg.Client({ connectionString: url.href })
      await other.connect()
      let second
      try {
        await other.query('BEGIN')
        await other.query('SELECT pg_advisory_xact_lock(5180)')
        await other.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())')
        const starting = startServer({ port: port + 10, env: { DATABASE_URL: url.href } })
        starting.catch(() => undefined)
        const waiting = async () => (await admin.query("SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'", [name])).rows.length > 0
        for (let i = 0; i < 300 && !(await waiting()); i++) await new Promise((resolve) => setTimeout(resolve, 50))
        assert.ok(await waiting(), 'the starting server waits for the other one')
        await other.query('COMMIT')
        second = await starting
        const api = await signedIn(second.origin, person('ada'))
        assert.equal((await api.put({ formatVersion: 1, decisions: { 'improve-model': decision(true) } }, (await api.consent()).etag)).status, 200)
      } finally {
        await other.end()
        await second?.stop()
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await admin.end()
      }
    })

    it('refuses to update or delete ledger rows (the table is append-only)', async () => {
      const api = await signedIn(server.origin, person('ada'))
      await api.put({ formatVersion: 1, decisions: { 'improve-model': decision(true) } }, (await api.consent()).etag)
      const { default: pg } = await import('pg')
      const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await db.connect()
      try {
        await assert.rejects(db.query("UPDATE consent_ledger SET value = false WHERE setting = 'improve-model'"), /append-only/)
        await assert.rejects(db.query('DELETE FROM consent_ledger'), /append-only/)
        const { rows } = await db.query('SELECT count(*)::int AS n FROM consent_ledger')
        assert.ok(rows[0].n > 0)
      } finally {
        await db.end()
      }
    })
  }

  if (!process.env.DATABASE_URL) {
    it('refuses to start a second server on a PGlite data directory in use (it would lose the first one’s decisions), and takes over after a crash', async () => {
      const api = await signedIn(server.origin, person('ada'))
      const { etag } = await api.consent()
      // PGlite is one process's database: a second server would work on a copy of its own, and
      // whichever stopped last would overwrite the other's saves.
      await assert.rejects(startServer({ port: port + 30, dataDir: server.dataDir }), /exited with 1[\s\S]*in use/)
      assert.equal((await api.put({ formatVersion: 1, decisions: { 'improve-model': decision(true) } }, etag)).status, 200)
      const before = await snapshotOf(api)
      // A server that crashed (SIGKILL) leaves its lock behind: the next one takes over.
      await server.stop({ keepData: true })
      const crashed = spawn(process.execPath, [fileURLToPath(new URL('../dist/server/main.js', import.meta.url))], {
        env: { ...process.env, HOST: '127.0.0.1', PORT: String(port + 30), DATA_DIR: server.dataDir },
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      await new Promise((resolve) => crashed.stdout.on('data', (text) => /Settings app/.test(String(text)) && resolve()))
      crashed.kill('SIGKILL')
      await new Promise((resolve) => crashed.once('exit', resolve))
      server = await startServer({ port, dataDir: server.dataDir })
      await assertUnchanged(api, before)
    })
  }

  it('keeps every decision, the history and the session across a restart', async () => {
    const api = await signedIn(server.origin, person('ada'))
    const { etag } = await api.consent()
    await api.put({ formatVersion: 1, decisions: { 'improve-model': decision(true), 'include-video': decision(true) } }, etag)
    const before = await snapshotOf(api)
    await server.restart()
    await assertUnchanged(api, before)
  })
})
