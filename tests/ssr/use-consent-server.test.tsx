import { createConsentStore, memoryStorage, type ConsentStore } from '@model-consent/core'
import { ConsentProvider, useConsent } from '@model-consent/react'
import { StrictMode } from 'react'
import { hydrateHtml } from '../support/hydrate'
import { renderToString } from 'react-dom/server'

function Reader({ setting, store }: { setting: string; store?: ConsentStore }) {
  const { value } = useConsent(setting, store)
  return <output>{String(value)}</output>
}

describe('useConsent on the server', () => {
  // The server snapshot's settings are a plain object: `constructor` or `toString` on it is Object's, not a setting.
  for (const setting of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    it(`throws the TypeError naming an unknown setting ${JSON.stringify(setting)}, as in the browser`, () => {
      const store = createConsentStore({ policyVersion: 'v1' })
      expect(() => renderToString(<Reader setting={setting} store={store} />)).toThrow(TypeError)
      expect(() =>
        renderToString(
          <ConsentProvider store={store}>
            <Reader setting={setting} />
          </ConsentProvider>,
        ),
      ).toThrow(new RegExp(`Unknown setting "${setting}"`))
    })
  }

  it('renders a known setting off (privacy by default)', () => {
    const store = createConsentStore({ policyVersion: 'v1' })
    expect(renderToString(<Reader setting="include-audio" store={store} />)).toBe('<output>false</output>')
  })
})

describe('useConsent hydrating server HTML', () => {
  const SAVED = {
    formatVersion: 1,
    decisions: {
      'improve-model': { value: true, decidedAt: '2026-11-26T10:00:00.000Z', policyVersion: 'v1', source: 'user' },
      'include-audio': { value: true, decidedAt: '2026-11-26T10:00:01.000Z', policyVersion: 'v1', source: 'user' },
    },
  } as const

  function Page({ store }: { store: ConsentStore }) {
    return (
      <StrictMode>
        <ConsentProvider store={store}>
          <Reader setting="improve-model" />
          <Reader setting="include-audio" />
          <Reader setting="include-video" />
        </ConsentProvider>
      </StrictMode>
    )
  }

  it('in StrictMode, with initialData and browser storage that holds a newer withdrawal: no mismatch, then the withdrawal', async () => {
    const html = renderToString(<Page store={createConsentStore({ policyVersion: 'v1', initialData: SAVED })} />)
    expect(html).toBe('<output>true</output><output>true</output><output>false</output>')
    const withdrawn = { ...SAVED.decisions['improve-model'], value: false, decidedAt: '2026-11-27T10:00:00.000Z' }
    const storage = memoryStorage({ formatVersion: 1, decisions: { ...SAVED.decisions, 'improve-model': withdrawn } })
    const client = createConsentStore({ policyVersion: 'v1', storage, initialData: SAVED })
    const { container, logged, recoverable, unmount } = await hydrateHtml(html, <Page store={client} />, () => client.ready)
    expect(recoverable).toEqual([])
    expect(logged).toEqual([])
    expect(container.innerHTML).toBe('<output>false</output><output>false</output><output>false</output>')
    await unmount()
  })
})
