/**
 * Issue 12: the focus, announcement, pending, target-size and direction defects found by a
 * keyboard, virtual screen reader and forced-colours pass, each checked in real Chromium.
 */
import { createConsentStore } from '@model-consent/core'
import { ConsentSwitch, ModelImprovementSetting } from '@model-consent/react'
import { ar } from '@model-consent/react/locales/ar'
import { afterEach, describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../../packages/react/src/styles.css'
import { heldStorage } from '../support/held-storage'
import { emulate } from '../support/browser-a11y'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => page.getByRole('switch', { name: TITLE })
const audioSwitch = () => page.getByRole('switch', { name: 'Include audio recordings' })
const active = () => document.activeElement

afterEach(async () => {
  await emulate([])
  await page.viewport(1280, 720)
})

async function failedSave() {
  const { storage, saves } = heldStorage()
  const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
  await store.ready
  await render(<ModelImprovementSetting store={store} confirm="never" />)
  await mainSwitch().click()
  saves[0]!.reject(new Error('offline'))
  const retry = page.getByRole('button', { name: 'Try again' })
  await expect.element(retry).toBeVisible()
  return { saves, retry }
}

describe('Try again', () => {
  it('keeps focus on the button, aria-disabled, while the retry saves; then focus goes to the switch', async () => {
    const { saves, retry } = await failedSave()
    ;(retry.element() as HTMLElement).focus()
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => saves.length).toBe(2)
    await expect.element(retry).toHaveAttribute('aria-disabled', 'true')
    expect(active()).toBe(retry.element())
    await userEvent.keyboard('{Enter}') // pressing again while it saves does nothing
    expect(saves).toHaveLength(2)
    saves[1]!.resolve()
    await expect.element(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument()
    expect(active()).toBe(mainSwitch().element())
  })

  it('keeps focus on Try again when the retry fails too, and the button works again', async () => {
    const { saves, retry } = await failedSave()
    ;(retry.element() as HTMLElement).focus()
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => saves.length).toBe(2)
    saves[1]!.reject(new Error('still offline'))
    await expect.element(retry).not.toHaveAttribute('aria-disabled')
    expect(active()).toBe(retry.element())
    await expect.element(page.getByRole('alert')).toHaveTextContent('It is still off.')
  })
})

describe('focus after the confirmation', () => {
  for (const [how, close] of [
    ['Escape', () => userEvent.keyboard('{Escape}')],
    ['Cancel', () => page.getByRole('button', { name: 'Cancel' }).click()],
    ['Turn on', () => page.getByRole('button', { name: 'Turn on' }).click()],
  ] as const) {
    it(`returns to the main switch after ${how} when a script or AT clicked the switch without focusing it`, async () => {
      await render(<ModelImprovementSetting />)
      ;(active() as HTMLElement | null)?.blur()
      ;(mainSwitch().element() as HTMLElement).click()
      await expect.element(page.getByRole('alertdialog')).toBeVisible()
      expect(active()).toHaveAccessibleName('Cancel')
      await close()
      await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument()
      expect(active()).toBe(mainSwitch().element())
    })
  }

  it('returns to the main switch after Escape when the dialog was opened by clicking the label', async () => {
    await render(<ModelImprovementSetting />)
    await page.getByText(TITLE, { exact: true }).click()
    await expect.element(page.getByRole('alertdialog')).toBeVisible()
    await userEvent.keyboard('{Escape}')
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument()
    expect(active()).toBe(mainSwitch().element())
  })

  it('returns to the recordings switch that asked, not to the main one', async () => {
    await render(<ModelImprovementSetting defaultValue={{ 'improve-model': true }} />)
    await expect.element(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    ;(active() as HTMLElement | null)?.blur()
    ;(audioSwitch().element() as HTMLElement).click()
    await expect.element(page.getByRole('alertdialog', { name: 'Include audio recordings?' })).toBeVisible()
    await userEvent.keyboard('{Escape}')
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument()
    expect(active()).toBe(audioSwitch().element())
  })
})

describe('the recordings while the main setting is off', () => {
  it('are reached by Tab, aria-disabled, described by the reason, and ignore Space', async () => {
    await render(<ModelImprovementSetting />)
    ;(mainSwitch().element() as HTMLElement).focus()
    await userEvent.keyboard('{Tab}') // the disclosure button
    await userEvent.keyboard('{Tab}')
    expect(active()).toBe(audioSwitch().element())
    await expect.element(audioSwitch()).toHaveAttribute('aria-disabled', 'true')
    await expect.element(audioSwitch()).toHaveAccessibleDescription('Turn on Improve the model for everyone first.')
    await expect.element(page.getByText('Turn on Improve the model for everyone first.')).toBeVisible()
    await userEvent.keyboard(' ')
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument()
    await expect.element(audioSwitch()).toHaveAttribute('aria-checked', 'false')
  })
})

/** An element's screenshot as luminance (0-255) per pixel, so a change of hue alone cannot count. */
async function luminance(element: Element): Promise<{ width: number; pixels: number[] }> {
  const base64 = await page.screenshot({ element, save: false })
  const image = new Image()
  image.src = `data:image/png;base64,${base64}`
  await image.decode()
  const canvas = document.createElement('canvas')
  canvas.width = image.naturalWidth
  canvas.height = image.naturalHeight
  const context = canvas.getContext('2d')!
  context.drawImage(image, 0, 0)
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
  const pixels: number[] = []
  for (let i = 0; i < data.length; i += 4) pixels.push(0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!)
  return { width: canvas.width, pixels }
}

/**
 * How many pixels of the thumb area differ clearly in lightness between two switches: the union
 * of both thumbs' boxes, relative to each switch. The track's border is left out on purpose, so a
 * dashed border drawn in the track's own colour (the old pending style) counts for nothing.
 */
async function thumbPixelsThatDiffer(a: Element, b: Element): Promise<number> {
  const box = (root: Element) => {
    const outer = root.getBoundingClientRect()
    const thumb = root.querySelector('[data-slot="switch-thumb"]')!.getBoundingClientRect()
    return { left: thumb.left - outer.left, top: thumb.top - outer.top, right: thumb.right - outer.left, bottom: thumb.bottom - outer.top }
  }
  const [one, two] = [box(a), box(b)]
  const area = { left: Math.min(one.left, two.left), top: Math.min(one.top, two.top), right: Math.max(one.right, two.right), bottom: Math.max(one.bottom, two.bottom) }
  const [first, second] = [await luminance(a), await luminance(b)]
  expect(first.pixels.length).toBe(second.pixels.length)
  const scale = first.width / a.getBoundingClientRect().width
  let count = 0
  for (let y = Math.floor(area.top * scale); y < Math.ceil(area.bottom * scale); y++) {
    for (let x = Math.floor(area.left * scale); x < Math.ceil(area.right * scale); x++) {
      const i = y * first.width + x
      if (Math.abs((first.pixels[i] ?? 0) - (second.pixels[i] ?? 0)) > 40) count++
    }
  }
  return count
}

describe('pending shows without colour on the switch itself', () => {
  const modes = [
    ['default colours', []],
    ['forced colours', [{ name: 'forced-colors', value: 'active' }]],
  ] as const
  for (const [mode, features] of modes) {
    for (const checked of [true, false]) {
      it(`a standalone switch, ${checked ? 'on' : 'off'}, in ${mode}: saving differs in lightness, by shape`, async () => {
        // Reduced motion stops the spinner, so both screenshots are stable.
        await emulate([...features, { name: 'prefers-reduced-motion', value: 'reduce' }])
        await render(
          <div>
            <ConsentSwitch aria-label="Saving" checked={checked} pending data-testid="pending" />
            <ConsentSwitch aria-label="Idle" checked={checked} data-testid="idle" />
          </div>,
        )
        const pending = page.getByTestId('pending').element()
        const idle = page.getByTestId('idle').element()
        expect(await thumbPixelsThatDiffer(pending, idle)).toBeGreaterThan(25)
      })
    }
  }
})

describe('reduced motion', () => {
  it('stops the pending spinner', async () => {
    await render(<ConsentSwitch aria-label="Saving" checked pending />)
    const thumb = () => document.querySelector('[data-slot="switch-thumb"]') as HTMLElement
    expect(getComputedStyle(thumb()).animationName).toBe('mc-spin')
    await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }])
    expect(getComputedStyle(thumb()).animationName).toBe('none')
  })
})

describe('targets', () => {
  const interactive = () =>
    [...document.querySelectorAll('button, a[href], input, select, textarea, [role="switch"], [tabindex]')].filter(
      (element) => element.getClientRects().length > 0,
    )
  const tooSmall = () =>
    interactive()
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ element, box }) => `${element.textContent || element.getAttribute('aria-label')}: ${box.width}x${box.height}`)

  it('every interactive element of the setting is at least 44×44 CSS px with the theme (Learn more, details, switches, Try again)', async () => {
    const { storage, saves } = heldStorage()
    const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
    await store.ready
    await render(<ModelImprovementSetting store={store} confirm="never" learnMoreHref="/privacy" />)
    await mainSwitch().click()
    saves[0]!.reject(new Error('offline'))
    await expect.element(page.getByRole('button', { name: 'Try again' })).toBeVisible()
    await page.getByRole('button', { name: 'What does this mean?' }).click()
    expect(interactive().length).toBeGreaterThanOrEqual(6)
    expect(tooSmall()).toEqual([])
  })

  it('the dialog buttons are at least 44×44 CSS px too, also at 320 px wide', async () => {
    await page.viewport(320, 640)
    await render(<ModelImprovementSetting learnMoreHref="/privacy" />)
    expect(tooSmall()).toEqual([])
    await mainSwitch().click()
    await expect.element(page.getByRole('alertdialog')).toBeVisible()
    expect(tooSmall()).toEqual([])
  })
})

/** Where the chevron's point goes: the corner between its two drawn borders, turned by its transform. */
function chevronDirection(toggle: Element): { x: number; y: number; width: number; height: number } {
  const style = getComputedStyle(toggle, '::after')
  const drawn = (side: string) => Number.parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0 && style.getPropertyValue(`border-${side}-style`) !== 'none'
  const corner = { x: (drawn('right') ? 1 : 0) - (drawn('left') ? 1 : 0), y: (drawn('bottom') ? 1 : 0) - (drawn('top') ? 1 : 0) }
  const { a, b, c, d } = new DOMMatrix(style.transform === 'none' ? undefined : style.transform)
  // `+ 0` turns the -0 that rounding a tiny negative product gives into 0: the direction is the same.
  return {
    x: Math.round(a * corner.x + c * corner.y) + 0,
    y: Math.round(b * corner.x + d * corner.y) + 0,
    width: Number.parseFloat(style.width),
    height: Number.parseFloat(style.height),
  }
}

describe('the disclosure arrow', () => {
  for (const locale of ['en', ar] as const) {
    const tag = typeof locale === 'string' ? locale : locale.locale
    it(`points down when closed and up when open in ${tag} (${tag === 'ar' ? 'rtl' : 'ltr'})`, async () => {
      await render(<ModelImprovementSetting locale={locale} />)
      const toggle = document.querySelector('[data-slot="explainer-toggle"]')!
      expect(chevronDirection(toggle)).toMatchObject({ x: 0, y: 1 })
      ;(toggle as HTMLElement).click()
      await expect.element(page.elementLocator(toggle)).toHaveAttribute('aria-expanded', 'true')
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(chevronDirection(toggle)).toMatchObject({ x: 0, y: -1 })
    })
  }

  it('stays square when a long label wraps at 320 px', async () => {
    await page.viewport(320, 640)
    const detailsToggle = 'What does this mean for my conversations, my recordings and everything I have shared so far?'
    await render(<ModelImprovementSetting locale={ar} messages={{ detailsToggle }} />)
    const toggle = document.querySelector('[data-slot="explainer-toggle"]') as HTMLElement
    expect(toggle.getBoundingClientRect().height).toBeGreaterThan(50) // it did wrap
    const { width, height } = chevronDirection(toggle)
    expect(width).toBeGreaterThan(5)
    expect(width).toBeCloseTo(height, 1)
  })
})
