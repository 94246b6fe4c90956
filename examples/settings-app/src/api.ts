import type { HistoryEntry } from '../server/consent-repo'

/** The signed-in person and the policy version the server asks the page to show. */
export interface Session {
  readonly user: string
  readonly policyVersion: string
}

/** One accepted decision from `GET /api/consent/history` (the server's own type). */
export type { HistoryEntry }

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null
    throw new Error(body?.message ?? `The server answered ${response.status}.`)
  }
  return (await response.json()) as T
}

/** The current session, or `null` when nobody is signed in. */
export async function currentSession(): Promise<Session | null> {
  const response = await fetch('/api/session', { headers: { Accept: 'application/json' } })
  return response.status === 401 ? null : json<Session>(response)
}

export async function signIn(user: string): Promise<Session> {
  return json<Session>(
    await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user }) }),
  )
}

/** Ends the session on the server; rejects when it could not (the person is still signed in). */
export async function signOut(): Promise<void> {
  const response = await fetch('/api/session', { method: 'DELETE' })
  if (!response.ok) await json<unknown>(response)
}

/**
 * Sent with every consent request: whom this page shows. Every tab shares the session cookie, so
 * when someone else signs in in another tab, the server refuses this page's requests (409)
 * instead of showing or changing the other person's decisions here.
 */
export const signedInAs = (user: string): Record<string, string> => ({ 'X-Signed-In-As': encodeURIComponent(user) })

export async function loadHistory(user: string): Promise<HistoryEntry[]> {
  return json<HistoryEntry[]>(
    await fetch('/api/consent/history', { headers: { Accept: 'application/json', ...signedInAs(user) }, cache: 'no-store' }),
  )
}
