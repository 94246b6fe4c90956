import { createConsentStore, memoryStorage } from '@model-consent/core'
import { ModelImprovementPrompt } from '@model-consent/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../../packages/react/src/styles.css'
import { emulate, violations } from '../support/browser-a11y'

const QUESTION = 'Improve the model for everyone?'

/** Every computed property of an element, so two buttons can be compared property by property. */
function computed(element: Element): Record<string, string> {
  const style = getComputedStyle(element)
  return Object.fromEntries(Array.from(style, (name) => [name, style.getPropertyValue(name)]))
}
const answers = () =>
  [page.getByRole('button', { name: 'Turn on' }).element(), page.getByRole('button', { name: 'Keep off' }).element()] as const

async function loadedStore() {
  const store = createConsentStore({ policyVersion: '2026-12', storage: memoryStorage() })
  await store.ready
  return store
}

afterEach(async () => {
  await emulate([])
})

describe('ModelImprovementPrompt in Chromium', () => {
  it.each([
    ['light', []],
    ['dark', [{ name: 'prefers-color-scheme', value: 'dark' }]],
  ])('gives the two answers identical computed styles and boxes (%s theme)', async (_theme, features) => {
    await emulate(features)
    await render(<ModelImprovementPrompt store={await loadedStore()} />)
    await expect.element(page.getByRole('region', { name: QUESTION })).toBeVisible()
    const [on, off] = answers()
    const a = computed(on)
    const b = computed(off)
    // Only the text differs, so compare everything that is not laid out from it.
    const differing = Object.keys(a).filter((name) => a[name] !== b[name])
    expect(differing).toEqual([])
    const boxA = on.getBoundingClientRect()
    const boxB = off.getBoundingClientRect()
    expect(boxA.width).toBeCloseTo(boxB.width, 0)
    expect(boxA.height).toBeCloseTo(boxB.height, 0)
    expect(boxA.height).toBeGreaterThanOrEqual(44)
    expect(await violations()).toEqual([])
  })

  it('keeps identical styles on hover and focus of either answer', async () => {
    await render(<ModelImprovementPrompt store={await loadedStore()} />)
    const [on, off] = answers()
    await userEvent.hover(on)
    const hoveredOn = computed(on)
    await userEvent.hover(off)
    expect(computed(off)).toEqual(hoveredOn)
    await userEvent.unhover(off)
    on.focus()
    const focusedOn = computed(on)
    off.focus()
    expect(computed(off)).toEqual(focusedOn)
  })

  it('does not move focus when it appears, and is reached and answered with the keyboard', async () => {
    const onChoice = vi.fn()
    const store = await loadedStore()
    const screen = await render(
      <>
        <button type="button">Before</button>
        <ModelImprovementPrompt store={store} onChoice={onChoice} />
      </>,
    )
    await expect.element(screen.getByRole('region', { name: QUESTION })).toBeVisible()
    expect(document.activeElement).toBe(document.body)
    screen.getByRole('button', { name: 'Before' }).element().focus()
    await userEvent.tab()
    expect(document.activeElement).toHaveAccessibleName('What does this mean?')
    await userEvent.keyboard('{Enter}')
    await expect.element(screen.getByText('You can change this at any time.')).toBeVisible()
    await userEvent.tab()
    expect(document.activeElement).toHaveAccessibleName('Turn on')
    await userEvent.tab()
    expect(document.activeElement).toHaveAccessibleName('Keep off')
    await userEvent.tab({ shift: true })
    await userEvent.keyboard('{Enter}')
    await expect.element(screen.getByText('You can change this in Settings.')).toBeVisible()
    expect(store.getSetting('improve-model')).toMatchObject({ value: true, decision: expect.objectContaining({ source: 'user' }) })
    expect(onChoice).toHaveBeenCalledTimes(1)
    // The answers are gone, so focus goes to what happened next, not to the page.
    expect(document.activeElement?.getAttribute('data-slot')).toBe('prompt-result')
    await expect.element(document.activeElement as HTMLElement).toHaveTextContent('You turned this on.')
    expect(await violations()).toEqual([])
  })

  it('answers with Space too, and Close records nothing', async () => {
    const onChoice = vi.fn()
    const screen = await render(<ModelImprovementPrompt onChoice={onChoice} />)
    screen.getByRole('button', { name: 'Keep off' }).element().focus()
    await userEvent.keyboard(' ')
    await expect.element(screen.getByText('You kept this off.')).toBeVisible()
    expect(onChoice).toHaveBeenCalledWith(expect.objectContaining({ value: false, source: 'user' }))
    screen.getByRole('button', { name: 'Close' }).element().focus()
    await userEvent.keyboard('{Enter}')
    await expect.element(screen.getByRole('region')).not.toBeInTheDocument()
    expect(onChoice).toHaveBeenCalledTimes(1)
  })
})
