/**
 * ModelImprovementPrompt is inline content that can go away while focus is in it: after its Close
 * button, or when the question is answered elsewhere (another tab, device or component on the same
 * store). Focus must then go to a logical place, never to <body>: the next thing Tab would have
 * reached after the prompt, else the last focusable thing before it (WAI-ARIA APG, WCAG 2.4.3).
 *
 * An app may also open the prompt under the pointer (a "Privacy choices" button it replaces): the
 * second click of that double click lands on an answer the person never saw, and decides nothing.
 */
import { createConsentStore, memoryStorage } from '@model-consent/core'
import { ModelImprovementPrompt } from '@model-consent/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../../packages/react/src/styles.css'

const QUESTION = 'Improve the model for everyone?'

async function loadedStore() {
  const store = createConsentStore({ policyVersion: '2026-12', storage: memoryStorage() })
  await store.ready
  return store
}

describe('ModelImprovementPrompt going away with focus inside', () => {
  it('moves focus after Close to what follows the prompt', async () => {
    const screen = await render(
      <main>
        <button type="button">Before</button>
        <ModelImprovementPrompt onChoice={vi.fn()} />
        <p>Some text</p>
        <button type="button">Start chatting</button>
      </main>,
    )
    screen.getByRole('button', { name: 'Close' }).element().focus()
    await userEvent.keyboard('{Enter}')
    await expect.element(screen.getByRole('region', { name: QUESTION })).not.toBeInTheDocument()
    expect(document.activeElement).toHaveAccessibleName('Start chatting')
  })

  it('moves focus after Close to what comes before the prompt when nothing follows it', async () => {
    const screen = await render(
      <main>
        <a href="#settings">Settings</a>
        <ModelImprovementPrompt onChoice={vi.fn()} />
      </main>,
    )
    await screen.getByRole('button', { name: 'Close' }).click()
    await expect.element(screen.getByRole('region', { name: QUESTION })).not.toBeInTheDocument()
    expect(document.activeElement).toHaveAccessibleName('Settings')
  })

  it('moves focus to what follows the prompt when the question is answered elsewhere', async () => {
    const store = await loadedStore()
    const screen = await render(
      <main>
        <ModelImprovementPrompt store={store} />
        <button type="button">Start chatting</button>
      </main>,
    )
    screen.getByRole('button', { name: 'Keep off' }).element().focus()
    // Another tab of the same person answered: the store no longer needs an answer.
    await store.set('improve-model', true)
    await expect.element(screen.getByRole('region', { name: QUESTION })).not.toBeInTheDocument()
    expect(document.activeElement).toHaveAccessibleName('Start chatting')
  })

  it('leaves focus alone when it is not in the prompt', async () => {
    const store = await loadedStore()
    const screen = await render(
      <main>
        <input aria-label="Message" />
        <ModelImprovementPrompt store={store} />
        <button type="button">Start chatting</button>
      </main>,
    )
    screen.getByRole('textbox', { name: 'Message' }).element().focus()
    await store.set('improve-model', false, { record: true })
    await expect.element(screen.getByRole('region', { name: QUESTION })).not.toBeInTheDocument()
    expect(document.activeElement).toHaveAccessibleName('Message')
  })
})

const center = (element: Element) => {
  const box = element.getBoundingClientRect()
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
}

describe('ModelImprovementPrompt opened under the pointer', () => {
  it('does not take the second click of the double click that opened it as an answer', async () => {
    await page.viewport(390, 844)
    // Where "Turn on" appears in this layout.
    const probe = await render(<ModelImprovementPrompt onChoice={vi.fn()} />)
    const at = center(page.getByRole('button', { name: 'Turn on' }).element())
    await probe.unmount()
    const onChoice = vi.fn()
    function App() {
      const [open, setOpen] = useState(false)
      return open ? (
        <ModelImprovementPrompt onChoice={onChoice} />
      ) : (
        <button
          type="button"
          style={{ position: 'fixed', left: at.x - 20, top: at.y - 10, width: 40, height: 20 }}
          onClick={() => setOpen(true)}
        >
          Privacy choices
        </button>
      )
    }
    const screen = await render(<App />)
    await userEvent.dblClick(screen.getByRole('button', { name: 'Privacy choices' }))
    await expect.element(screen.getByRole('region', { name: QUESTION })).toBeVisible()
    expect(onChoice).not.toHaveBeenCalled()
    const turnOn = screen.getByRole('button', { name: 'Turn on' })
    // The second click landed on the answer: it was right under the pointer.
    expect(center(turnOn.element())).toEqual(at)
    // A click of its own on an answer is a decision.
    await turnOn.click()
    await expect.element(screen.getByText('You turned this on.')).toBeVisible()
    expect(onChoice).toHaveBeenCalledTimes(1)
  })
})
