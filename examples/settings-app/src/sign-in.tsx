import { useId, useState, type FormEvent } from 'react'

/** The demo sign-in: a name is enough. A real app uses its own authentication. */
export function SignIn({ onSignIn }: { onSignIn: (user: string) => Promise<void> }) {
  const id = useId()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const user = String(new FormData(event.currentTarget).get('user') ?? '')
    setBusy(true)
    setError(null)
    try {
      await onSignIn(user)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
      setBusy(false)
    }
  }

  return (
    <main className="sign-in">
      <h1>Sign in</h1>
      <p className="app-hint">This demo signs you in with a name only. A real app uses its own authentication.</p>
      <form className="app-card" onSubmit={submit}>
        <div className="app-field">
          <label htmlFor={`${id}-user`}>Your name</label>
          <input id={`${id}-user`} name="user" autoComplete="username" required maxLength={64} />
        </div>
        {error ? <p role="alert">{error}</p> : null}
        <div className="app-actions">
          <button type="submit" className="app-button" disabled={busy}>
            Sign in
          </button>
        </div>
      </form>
    </main>
  )
}
