import { createConsentStore, type ConsentStore } from '@model-consent/core'
import { ConsentProvider, useConsent } from '@model-consent/react'
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
