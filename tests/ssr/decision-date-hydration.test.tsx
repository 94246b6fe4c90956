/**
 * The decision record ("On since 26 Nov 2026") is a date in the person's time zone. A server
 * renders in its own zone (often UTC), so near midnight the two can name different days; the
 * hydrating browser must still match the server HTML (no hydration error, no client re-render
 * from scratch) and then show the person's own date.
 */
import { createConsentStore, type StoredConsent } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { hydrateHtml } from '../support/hydrate'
import { renderToString } from 'react-dom/server'

// 02:00 UTC on 26 November is still 25 November in Los Angeles (and 26 November in Tokyo).
const SAVED: StoredConsent = {
  formatVersion: 1,
  decisions: {
    'improve-model': { value: true, decidedAt: '2026-11-26T02:00:00.000Z', policyVersion: 'v1', source: 'user' },
  },
}

const originalZone = process.env.TZ
afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ
  else process.env.TZ = originalZone
})

const setting = () => <ModelImprovementSetting store={createConsentStore({ policyVersion: 'v1', initialData: SAVED })} />
const record = (container: Element) => container.querySelector('[data-slot="explainer-decision"]')?.textContent

describe('the decision record across a server render and hydration in another time zone', () => {
  for (const [serverZone, personZone, personDate] of [
    ['UTC', 'America/Los_Angeles', '25 Nov 2026'],
    ['America/Los_Angeles', 'Asia/Tokyo', '26 Nov 2026'],
  ] as const) {
    it(`hydrates server HTML made in ${serverZone} in a browser in ${personZone} without a mismatch, then shows the person's date`, async () => {
      process.env.TZ = serverZone
      const html = renderToString(setting())
      process.env.TZ = personZone
      const { container, logged, recoverable, unmount } = await hydrateHtml(html, setting())
      expect(recoverable).toEqual([])
      expect(logged).toEqual([])
      expect(record(container)).toBe(`On since ${personDate}`)
      await unmount()
    })
  }
})
