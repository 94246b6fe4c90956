import { createHash, randomBytes } from 'node:crypto'
import type { Database } from './db'

/**
 * Demo sessions: a random token in an HttpOnly cookie, only its SHA-256 kept in the database, so
 * sessions survive a restart and a stolen database holds no usable token. A real app uses its own
 * authentication instead; only `personOf` matters to the consent routes.
 */
/** How long a session lasts; the cookie's Max-Age says the same. */
export const SESSION_DAYS = 30

const hash = (token: string): string => createHash('sha256').update(token).digest('hex')

/** A person's name for the demo sign-in: 1–64 letters, digits, `.`, `_`, `-` or `@`. */
export function validUser(input: unknown): string | null {
  if (typeof input !== 'string') return null
  const user = input.trim()
  return /^[\p{L}\p{N}._@-]{1,64}$/u.test(user) ? user : null
}

export async function createSession(db: Database, person: string): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.query('INSERT INTO sessions (token_hash, person) VALUES ($1, $2)', [hash(token), person])
  return token
}

/** The person a session token belongs to, or `null` for a missing, malformed or unknown token. */
export async function personOf(db: Database, token: string | undefined): Promise<string | null> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null
  const rows = await db.query<{ person: string }>(
    `SELECT person FROM sessions WHERE token_hash = $1 AND created_at > now() - interval '${SESSION_DAYS} days'`,
    [hash(token)],
  )
  return rows[0]?.person ?? null
}

export async function endSession(db: Database, token: string | undefined): Promise<void> {
  if (token) await db.query('DELETE FROM sessions WHERE token_hash = $1', [hash(token)])
}
