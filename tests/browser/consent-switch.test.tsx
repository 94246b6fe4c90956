import axe from 'axe-core'
import { afterEach, describe, expect, it } from 'vitest'
import { cdp, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { ConsentSwitch, type ConsentSwitchProps } from '../../packages/react/src/switch/consent-switch'
import '../../packages/react/src/styles.css'

const LABEL = 'Improve the model for everyone'

function Setting({ dir = 'ltr', ...props }: ConsentSwitchProps & { dir?: 'ltr' | 'rtl' }) {
  return (
    <div dir={dir} style={{ padding: '16px' }}>
      <label htmlFor="improve">{LABEL}</label>
      <ConsentSwitch id="improve" stateText {...props} />
    </div>
  )
}

async function renderSwitch(props: ConsentSwitchProps & { dir?: 'ltr' | 'rtl' } = {}) {
  const screen = await render(<Setting {...props} />)
  const button = screen.getByRole('switch', { name: LABEL }).element() as HTMLButtonElement
  const part = (slot: string) => button.querySelector(`[data-slot="${slot}"]`) as HTMLElement
  return { screen, button, track: part('switch-track'), thumb: part('switch-thumb') }
}

function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
  const linear = [r, g, b].map((value) => {
    const c = value / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * (linear[0] ?? 0) + 0.7152 * (linear[1] ?? 0) + 0.0722 * (linear[2] ?? 0)
}
const contrast = (a: string, b: string) => {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (high + 0.05) / (low + 0.05)
}
/** The colour actually behind an element: its own background or the nearest opaque ancestor's. */
function backgroundBehind(element: Element | null): string {
  for (let node = element; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor
    if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color
  }
  return 'rgb(255, 255, 255)'
}
const center = (element: Element) => {
  const box = element.getBoundingClientRect()
  return box.left + box.width / 2
}

afterEach(async () => {
  await cdp().send('Emulation.setEmulatedMedia', { features: [] })
})

describe('ConsentSwitch in Chromium with the theme', () => {
  it('has a pointer target of at least 44 x 44 CSS px', async () => {
    const { button, track } = await renderSwitch({ stateText: false })
    const box = button.getBoundingClientRect()
    expect(box.width).toBeGreaterThanOrEqual(44)
    expect(box.height).toBeGreaterThanOrEqual(44)
    expect(track.getBoundingClientRect().height).toBeLessThan(44)
  })

  it('toggles with a real click on the edge of the hit area', async () => {
    const { screen, button } = await renderSwitch({ stateText: false })
    const box = button.getBoundingClientRect()
    const track = button.querySelector('[data-slot="switch-track"]')?.getBoundingClientRect()
    // 2 px inside the top edge of the hit area, outside the visible track.
    expect(track && track.top > box.top + 2).toBe(true)
    await userEvent.click(screen.getByRole('switch'), { position: { x: box.width / 2, y: 2 } })
    expect(button).toHaveAttribute('aria-checked', 'true')
  })

  it('shows a focus ring with at least 3:1 contrast when reached with Tab', async () => {
    const { button } = await renderSwitch()
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement).toBe(button)
    const style = getComputedStyle(button)
    expect(style.outlineStyle).toBe('solid')
    expect(parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2)
    expect(contrast(style.outlineColor, backgroundBehind(button))).toBeGreaterThanOrEqual(3)
  })

  it('has a track with at least 3:1 contrast against the background, on and off', async () => {
    const { screen, button, track } = await renderSwitch()
    const background = backgroundBehind(button)
    expect(contrast(getComputedStyle(track).borderTopColor, background)).toBeGreaterThanOrEqual(3)
    await userEvent.click(screen.getByRole('switch'))
    // Wait for the colour transition to finish.
    await expect.poll(() => contrast(getComputedStyle(track).backgroundColor, background)).toBeGreaterThanOrEqual(3)
  })

  it('shows the state by thumb position and size, not only colour', async () => {
    const { screen, track, thumb } = await renderSwitch()
    const offWidth = thumb.getBoundingClientRect().width
    expect(center(thumb)).toBeLessThan(center(track))
    await userEvent.click(screen.getByRole('switch'))
    await expect.poll(() => center(thumb) > center(track)).toBe(true)
    expect(thumb.getBoundingClientRect().width).toBeGreaterThan(offWidth)
  })

  it('moves the thumb to the left when on in a right-to-left page', async () => {
    const { screen, track, thumb } = await renderSwitch({ dir: 'rtl' })
    expect(center(thumb)).toBeGreaterThan(center(track))
    await userEvent.click(screen.getByRole('switch'))
    await expect.poll(() => center(thumb) < center(track)).toBe(true)
  })

  it('animates the thumb, except with prefers-reduced-motion', async () => {
    const { thumb } = await renderSwitch()
    expect(getComputedStyle(thumb).transitionDuration).not.toMatch(/^0s(, 0s)*$/)
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-reduced-motion', value: 'reduce' }],
    })
    expect(getComputedStyle(thumb).transitionDuration).toMatch(/^0s(, 0s)*$/)
  })

  describe('axe (WCAG 2.2 AA and enhanced contrast)', () => {
    const states: Array<[string, ConsentSwitchProps & { dir?: 'ltr' | 'rtl' }]> = [
      ['off', {}],
      ['on', { defaultChecked: true }],
      ['pending', { pending: true }],
      ['disabled', { disabled: true }],
      ['right-to-left', { dir: 'rtl', defaultChecked: true }],
    ]
    it.each(states)('has no violations when %s', async (_, props) => {
      const { screen } = await renderSwitch(props)
      const results = await axe.run(screen.container, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa'] },
      })
      expect(results.violations.map(({ id, nodes }) => `${id} (${nodes.length})`)).toEqual([])
    })
  })
})
