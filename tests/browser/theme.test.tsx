import axe from 'axe-core'
import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { ConsentExplainer } from '../../packages/react/src/explainer/consent-explainer'
import { en } from '../../packages/react/src/messages'
import { ConsentSwitch } from '../../packages/react/src/switch/consent-switch'
import '../../packages/react/src/styles.css'
import { emulate } from '../support/browser-a11y'

const decision = { value: true, decidedAt: '2026-11-26T12:00:00Z', policyVersion: '1', source: 'user' as const }
const LIGHT_BG = 'rgb(255, 255, 255)'
const DARK_BG = 'rgb(20, 22, 27)'

/** The composed setting's markup, using the hooks the theme styles (status, alert, retry…). */
function Setting({ theme, dir }: { theme?: 'light' | 'dark'; dir?: 'rtl' }) {
  return (
    <section data-slot="setting" data-theme={theme} dir={dir} aria-labelledby="label">
      <div data-slot="setting-header">
        <h2 data-slot="setting-label" id="label">{en.title}</h2>
        <ConsentSwitch aria-labelledby="label" aria-describedby="summary" stateText defaultChecked />
      </div>
      <ConsentExplainer checked summaryId="summary" decision={decision} learnMoreHref="/privacy" defaultOpen />
      <div data-slot="media-group" role="group" aria-label={en.mediaGroupLabel}>
        <label htmlFor="audio">{en.audioLabel}</label>
        <ConsentSwitch id="audio" stateText />
      </div>
      <p data-slot="status" role="status">{en.pending}</p>
      <div data-slot="alert" role="alert">
        <p>{en.errorStillOff}</p>
        <button type="button" data-slot="retry">{en.retry}</button>
      </div>
      <p data-slot="reconsent-notice">{en.reconsent}</p>
    </section>
  )
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa']
async function violations(root: Element) {
  const results = await axe.run(root, { runOnly: { type: 'tag', values: TAGS } })
  return results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`)
}
const slot = (name: string) => document.querySelector(`[data-slot="${name}"]`) as HTMLElement
const bg = (element: Element) => getComputedStyle(element).backgroundColor
/** The computed value of a system colour, read from a probe element. */
function systemColor(name: string): string {
  const probe = document.createElement('span')
  probe.style.color = name
  document.body.append(probe)
  const value = getComputedStyle(probe).color
  probe.remove()
  return value
}

afterEach(async () => {
  await emulate([])
  delete document.documentElement.dataset.theme
})

describe('the theme in Chromium', () => {
  it('is light by default, with its own background', async () => {
    await render(<Setting />)
    expect(bg(slot('setting'))).toBe(LIGHT_BG)
  })

  it('is dark with prefers-color-scheme: dark', async () => {
    await emulate([{ name: 'prefers-color-scheme', value: 'dark' }])
    await render(<Setting />)
    expect(bg(slot('setting'))).toBe(DARK_BG)
    expect(await violations(slot('setting'))).toEqual([])
  })

  it('is dark with data-theme="dark" on the root', async () => {
    await render(<Setting theme="dark" />)
    expect(bg(slot('setting'))).toBe(DARK_BG)
    expect(await violations(slot('setting'))).toEqual([])
  })

  it('is dark with data-theme="dark" on any ancestor', async () => {
    document.documentElement.dataset.theme = 'dark'
    await render(<ConsentSwitch aria-label="Standalone" stateText />)
    expect(bg(slot('switch'))).toBe(DARK_BG)
  })

  it('stays light with data-theme="light" inside a dark system or a dark ancestor', async () => {
    await emulate([{ name: 'prefers-color-scheme', value: 'dark' }])
    document.documentElement.dataset.theme = 'dark'
    await render(<Setting theme="light" />)
    expect(bg(slot('setting'))).toBe(LIGHT_BG)
    expect(await violations(slot('setting'))).toEqual([])
  })

  it('has no violations, enhanced contrast included, in light and right-to-left', async () => {
    await render(<Setting dir="rtl" />)
    expect(await violations(slot('setting'))).toEqual([])
  })

  it('has no violations with the explainer collapsed and expanded', async () => {
    const screen = await render(<ConsentExplainer checked={false} learnMoreHref="https://example.com/" />)
    expect(await violations(slot('explainer'))).toEqual([])
    await userEvent.click(screen.getByRole('button', { name: en.detailsToggle }))
    await expect.element(screen.getByRole('link', { name: en.learnMore })).toBeVisible()
    expect(await violations(slot('explainer'))).toEqual([])
  })

  describe('in forced-colours mode', () => {
    it('draws the track and thumb in system colours', async () => {
      await emulate([{ name: 'forced-colors', value: 'active' }])
      expect(matchMedia('(forced-colors: active)').matches).toBe(true)
      const screen = await render(<ConsentSwitch aria-label="Forced" />)
      const track = slot('switch-track')
      const thumb = slot('switch-thumb')
      expect(getComputedStyle(track).borderTopColor).toBe(systemColor('ButtonText'))
      expect(getComputedStyle(thumb).backgroundColor).toBe(systemColor('ButtonText'))
      await userEvent.click(screen.getByRole('switch'))
      await expect.poll(() => bg(track)).toBe(systemColor('Highlight'))
      expect(bg(thumb)).toBe(systemColor('HighlightText'))
      await userEvent.keyboard('{Tab}{Shift>}{Tab}{/Shift}')
      expect(document.activeElement).toBe(slot('switch'))
      expect(getComputedStyle(slot('switch')).outlineColor).toBe(systemColor('Highlight'))
      expect(getComputedStyle(slot('switch')).outlineStyle).toBe('solid')
    })
  })
})
