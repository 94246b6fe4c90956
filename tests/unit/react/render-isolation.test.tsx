import { createConsentStore, type ConsentStore } from '@model-consent/core'
import { ConsentSwitch, useConsent } from '@model-consent/react'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Profiler } from 'react'

/** A settings row the way an app builds a list with the kit: a label, ConsentSwitch, useConsent. */
function SettingRow({ id, store, onRender }: { id: string; store: ConsentStore; onRender: (id: string) => void }) {
  onRender(id)
  const { value, pending, set } = useConsent(id, store)
  return (
    <div>
      <label htmlFor={`switch-${id}`}>Setting {id}</label>
      <ConsentSwitch id={`switch-${id}`} checked={value} pending={pending} onCheckedChange={(next) => void set(next)} />
    </div>
  )
}

/** N rows on one store with custom settings `s0`…; counts renders per row and commits of the list. */
async function renderList(n: number) {
  const settings = Array.from({ length: n }, (_, i) => ({ id: `s${i}` }))
  const store = createConsentStore({ policyVersion: 'v1', settings })
  await store.ready
  const renders = new Map<string, number>()
  const counts = { commits: 0 }
  render(
    <Profiler id="settings" onRender={() => void counts.commits++}>
      {settings.map(({ id }) => (
        <SettingRow key={id} id={id} store={store} onRender={(row) => void renders.set(row, (renders.get(row) ?? 0) + 1)} />
      ))}
    </Profiler>,
  )
  const reset = () => {
    renders.clear()
    counts.commits = 0
  }
  reset()
  return { store, renders, counts, reset }
}

/**
 * The switch labelled "Setting {id}", found within its row: a document-wide role query computes
 * the accessible name of every switch, which takes minutes in jsdom with 1,000 rows.
 */
function findSwitch(id: string): HTMLElement {
  const row = screen.getByText(`Setting ${id}`, { selector: 'label' }).parentElement!
  return within(row).getByRole('switch', { name: `Setting ${id}` })
}

describe('re-render isolation', () => {
  describe.each([1, 100, 1000])('with %i settings rows bound to one store', (n) => {
    const target = `s${Math.floor((n - 1) / 2)}`

    it(
      'clicking one switch renders only that row, once, in one commit, turning it on and off',
      async () => {
        const { store, renders, counts, reset } = await renderList(n)
        const user = userEvent.setup()
        const toggle = findSwitch(target)

        await user.click(toggle)

        expect(toggle).toHaveAttribute('aria-checked', 'true')
        expect(store.getSnapshot().settings[target]?.value).toBe(true)
        expect([...renders]).toEqual([[target, 1]])
        // Storage saves synchronously, so the change commits at once: no separate "pending" commit.
        expect(counts.commits).toBe(1)

        reset()
        await user.click(toggle)

        expect(toggle).toHaveAttribute('aria-checked', 'false')
        expect(store.getSnapshot().settings[target]?.value).toBe(false)
        expect([...renders]).toEqual([[target, 1]])
        expect(counts.commits).toBe(1)
      },
      // Rendering 1,000 rows in jsdom with development React takes a few seconds on a busy machine.
      30_000,
    )
  })
})
