import { createConsentStore, httpStorage, type ConsentStore } from '@model-consent/core'
import { useEffect, useState } from 'react'
import { currentSession, signedInAs, signIn, signOut, type Session } from './api'
import { SettingsPage } from './settings-page'
import { SignIn } from './sign-in'

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out' }
  | { readonly status: 'signed-in'; readonly session: Session; readonly store: ConsentStore }

/** One consent store per signed-in person, kept on the server through the example's API. */
function signedIn(session: Session): State {
  const store = createConsentStore({
    policyVersion: session.policyVersion,
    storage: httpStorage({ url: '/api/consent', headers: signedInAs(session.user) }),
  })
  return { status: 'signed-in', session, store }
}

/** The example app: a demo sign-in, then the settings page. */
export function App() {
  const [state, setState] = useState<State>({ status: 'loading' })

  useEffect(() => {
    let active = true
    currentSession()
      .then((session) => active && setState(session ? signedIn(session) : { status: 'signed-out' }))
      .catch(() => active && setState({ status: 'signed-out' }))
    return () => {
      active = false
    }
  }, [])

  useEffect(() => (state.status === 'signed-in' ? () => state.store.destroy() : undefined), [state])

  if (state.status === 'loading') return <p className="app-loading">Loading…</p>
  if (state.status === 'signed-out') {
    return <SignIn onSignIn={async (user) => setState(signedIn(await signIn(user)))} />
  }
  return (
    <SettingsPage
      user={state.session.user}
      store={state.store}
      onSignOut={async () => {
        await signOut()
        setState({ status: 'signed-out' })
      }}
    />
  )
}
