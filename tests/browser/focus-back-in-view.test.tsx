/**
 * While the confirmation is open, the page behind it can still change: another tab or device turns
 * the main setting off, and the reason the recordings wait appears above them, pushing the switch
 * that asked further down. When the dialog closes, focus goes back to that switch; at 400 % zoom
 * (320 CSS px wide) it must also come back into view (WCAG 2.4.7, 2.4.11): a keyboard user must see
 * where focus is, not a focused switch below the fold.
 */
import { createConsentStore, type ConsentStorage, type StoredConsent } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { ar } from '@model-consent/react/locales/ar'
import { afterEach, describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../../packages/react/src/styles.css'

const decided = (value: boolean, decidedAt: string) => ({ value, decidedAt, policyVersion: 'v1', source: 'user' }) as const

afterEach(async () => {
  await page.viewport(1280, 720)
})

function inView(element: Element): boolean {
  const box = element.getBoundingClientRect()
  return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth
}

describe('focus back on a recording switch that moved while the confirmation was open', () => {
  for (const [how, locale] of [
    ['English', undefined],
    ['Arabic', ar],
  ] as const) {
    for (const answer of ['{Enter}', '{Escape}'] as const) {
      it(`is scrolled into view at 320 × 256 CSS px (${how}, ${answer === '{Enter}' ? 'Turn on' : 'Escape'})`, async () => {
        await page.viewport(320, 256)
        let data: StoredConsent = { formatVersion: 1, decisions: { 'improve-model': decided(true, '2026-11-26T10:00:00.000Z') } }
        let notify: (next: unknown) => void = () => {}
        const storage: ConsentStorage = {
          load: () => data,
          save: (next) => void (data = next),
          subscribe: (listener) => {
            notify = listener
            return () => {}
          },
        }
        const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
        await store.ready
        await render(
          <div style={{ paddingBlockEnd: '200vh' }}>
            <ModelImprovementSetting store={store} locale={locale} />
          </div>,
        )
        const switches = () => [...document.querySelectorAll('[role="switch"]')] as HTMLElement[]
        await expect.poll(() => switches()[0]!.getAttribute('aria-checked')).toBe('true')
        const audio = switches()[1]!
        audio.focus()
        // The switch just in view, at the bottom of the screen, as after scrolling down to it.
        scrollBy(0, audio.getBoundingClientRect().bottom - innerHeight + 2)
        expect(inView(audio)).toBe(true)
        await userEvent.keyboard(' ')
        await expect.element(page.getByRole('alertdialog')).toBeVisible()
        // Another tab turns the main setting off.
        data = { formatVersion: 1, decisions: { 'improve-model': decided(false, new Date(Date.now() + 1000).toISOString()) } }
        notify(data)
        await expect.poll(() => switches()[0]!.getAttribute('aria-checked')).toBe('false')
        await userEvent.keyboard(answer)
        await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument()
        expect(document.activeElement).toBe(audio)
        expect(audio.matches(':focus-visible')).toBe(true)
        expect(inView(audio)).toBe(true)
      })
    }
  }
})
