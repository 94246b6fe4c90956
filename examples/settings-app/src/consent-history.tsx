import { useEffect, useState } from 'react'
import { loadHistory, type HistoryEntry } from './api'
import { describeDecision, describeDevice, describeTime } from './history-words'

/**
 * "Your data": every decision the server accepted, newest first, in plain words, with the policy
 * version it was made under. Re-read after each change and when the page gets focus.
 */
export function ConsentHistory({ user, revision }: { user: string; revision: number }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let active = true
    const read = () =>
      loadHistory(user)
        .then((next) => {
          if (!active) return
          setEntries(next)
          setError(null)
        })
        .catch((failure: unknown) => active && setError(failure instanceof Error ? failure.message : String(failure)))
    void read()
    window.addEventListener('focus', read)
    return () => {
      active = false
      window.removeEventListener('focus', read)
    }
  }, [user, revision])

  return (
    <div className="app-card">
      <h3>Your privacy choices</h3>
      <p className="app-hint">
        Every choice you make here is kept with the time you made it and the version of the words you were shown.
      </p>
      {error ? <p role="alert">The history could not be loaded: {error}</p> : null}
      {entries === null ? null : entries.length === 0 ? (
        <p>You have not made any privacy choices yet.</p>
      ) : (
        <ol className="history" aria-label="History of your privacy choices">
          {entries.map((entry, index) => {
            const device = describeDevice(entry.userAgent)
            return (
              <li key={`${entry.receivedAt}-${index}`}>
                <time dateTime={entry.decidedAt}>{describeTime(entry.decidedAt)}</time>: {describeDecision(entry)}{' '}
                <span className="app-hint">
                  Policy version {entry.policyVersion}
                  {device ? `, from ${device}` : ''}.
                </span>
              </li>
            )
          })}
        </ol>
      )}
    </div>
  )
}
