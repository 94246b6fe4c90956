import type { ConsentStore } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { useId, useState } from 'react'
import { ConsentHistory } from './consent-history'
import { DownloadChoices } from './download-choices'

interface SettingsPageProps {
  readonly user: string
  readonly store: ConsentStore
  /** Rejects when the session could not be ended. */
  readonly onSignOut: () => Promise<void>
}

/** The settings page of a chat app: account, notifications, privacy (the kit) and your data. */
export function SettingsPage({ user, store, onSignOut }: SettingsPageProps) {
  const id = useId()
  const field = (name: string) => `${id}-${name}`
  // Every change the store accepts (here or, after focus, on another device) adds to the history.
  const [revision, setRevision] = useState(0)
  // A sign-out that failed must say so: a page that looked signed out would leave the next person
  // at this computer acting as this one.
  const [signOutFailure, setSignOutFailure] = useState<string | null>(null)
  const signOut = () =>
    onSignOut().catch((failure: unknown) => {
      const reason = failure instanceof TypeError ? 'the server could not be reached.' : failure instanceof Error ? failure.message : String(failure)
      setSignOutFailure(`You are still signed in: ${reason} Try again.`)
    })
  return (
    <div className="app-page">
      <header className="app-header">
        <p>Chat app</p>
        <span>Signed in as {user}</span>
        <button type="button" className="app-button" data-variant="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
        {signOutFailure ? <p role="alert">{signOutFailure}</p> : null}
      </header>
      <div className="app-body">
        <nav className="app-nav" aria-label="Settings sections">
          <ul>
            <li><a href={`#${field('account')}`}>Account</a></li>
            <li><a href={`#${field('notifications')}`}>Notifications</a></li>
            <li><a href={`#${field('privacy')}`}>Privacy</a></li>
            <li><a href={`#${field('data')}`}>Your data</a></li>
          </ul>
        </nav>
        <main className="app-main">
          <h1>Settings</h1>

          <section className="app-section" id={field('account')} aria-labelledby={field('account-h')}>
            <h2 id={field('account-h')}>Account</h2>
            <div className="app-card">
              <div className="app-field">
                <label htmlFor={field('name')}>Name</label>
                <input id={field('name')} name="name" readOnly value={user} />
              </div>
              <p className="app-hint">In this demo your name is how you signed in.</p>
            </div>
          </section>

          <section className="app-section" id={field('notifications')} aria-labelledby={field('notifications-h')}>
            <h2 id={field('notifications-h')}>Notifications</h2>
            <fieldset className="app-card">
              <legend className="app-hint">Email me about (not saved in this demo)</legend>
              <label className="app-check"><input type="checkbox" defaultChecked /> Replies to my shared chats</label>
              <label className="app-check"><input type="checkbox" /> New features</label>
              <label className="app-check"><input type="checkbox" defaultChecked disabled /> Security alerts (always on)</label>
            </fieldset>
          </section>

          <section className="app-section" id={field('privacy')} aria-labelledby={field('privacy-h')}>
            <h2 id={field('privacy-h')}>Privacy</h2>
            <ModelImprovementSetting store={store} headingLevel={3} onConsentChange={() => setRevision((n) => n + 1)} />
          </section>

          <section className="app-section" id={field('data')} aria-labelledby={field('data-h')}>
            <h2 id={field('data-h')}>Your data</h2>
            <ConsentHistory user={user} revision={revision} />
            <DownloadChoices store={store} />
          </section>
        </main>
      </div>
    </div>
  )
}
