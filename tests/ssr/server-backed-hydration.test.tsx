import { createConsentStore, localStorageAdapter, type StoredConsent } from '@model-consent/core'
import { ConsentProvider, ModelImprovementSetting } from '@model-consent/react'
import { act } from '@testing-library/react'
import { useState, type ReactElement } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'

const SAVED: StoredConsent = {
  formatVersion: 1,
  decisions: {
    'improve-model': { value: true, decidedAt: '2026-11-26T10:00:00.000Z', policyVersion: '2026-11', source: 'user' },
    'include-audio': { value: true, decidedAt: '2026-11-26T10:00:05.000Z', policyVersion: '2026-11', source: 'user' },
  },
}

/** The client provider of the README's Next.js example: a store made once, from initialData. */
function ConsentSettings({ initialData }: { initialData: StoredConsent | string | null }) {
  const [store] = useState(() =>
    createConsentStore({ policyVersion: '2026-11', storage: localStorageAdapter({ key: 'ssr-flow' }), initialData }),
  )
  return (
    <ConsentProvider store={store}>
      <ModelImprovementSetting />
    </ConsentProvider>
  )
}

/** Server-renders `server`, then hydrates `client` over that HTML, collecting every warning. */
async function serverThenHydrate(server: ReactElement, client: ReactElement = server) {
  const html = renderToString(server)
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  const logged: unknown[] = []
  const error = vi.spyOn(console, 'error').mockImplementation((...args) => void logged.push(args))
  const warn = vi.spyOn(console, 'warn').mockImplementation((...args) => void logged.push(args))
  const recoverable: unknown[] = []
  let root!: ReturnType<typeof hydrateRoot>
  await act(async () => {
    root = hydrateRoot(container, client, { onRecoverableError: (e) => void recoverable.push(e) })
  })
  const switches = () => [...container.querySelectorAll('[role="switch"]')].map((s) => s.getAttribute('aria-checked'))
  return {
    html,
    switches,
    container,
    async done() {
      await act(async () => root.unmount())
      error.mockRestore()
      warn.mockRestore()
      container.remove()
      return { logged, recoverable }
    },
  }
}

afterEach(() => localStorage.clear())

describe('server render and hydrateRoot with the person’s real state', () => {
  it('renders initialData on the server and hydrates it with zero warnings and no flash', async () => {
    localStorage.setItem('ssr-flow', JSON.stringify(SAVED))
    const page = await serverThenHydrate(<ConsentSettings initialData={SAVED} />)
    expect(page.html.match(/aria-checked="true"/g)).toHaveLength(2)
    expect(page.switches()).toEqual(['true', 'true', 'false'])
    // After the browser storage has loaded and merged, still the same.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(page.switches()).toEqual(['true', 'true', 'false'])
    expect(page.container.querySelector('[data-slot="explainer-decision"]')?.textContent).toMatch(/26/)
    expect(await page.done()).toEqual({ logged: [], recoverable: [] })
  })

  it('takes initialData as the JSON string a server read, and reads invalid data as off (reported, no hydration error)', async () => {
    const fromString = await serverThenHydrate(<ConsentSettings initialData={JSON.stringify(SAVED)} />)
    expect(fromString.switches()).toEqual(['true', 'true', 'false'])
    expect(await fromString.done()).toEqual({ logged: [], recoverable: [] })

    // The first store saved what it knew; start the second from an empty browser storage.
    localStorage.clear()
    const bad = '{"formatVersion":1,"decisions":{"improve-model":{"value":"yes"}}}'
    const invalid = await serverThenHydrate(<ConsentSettings initialData={bad} />)
    expect(invalid.html).not.toContain('aria-checked="true"')
    expect(invalid.switches()).toEqual(['false', 'false', 'false'])
    const { logged, recoverable } = await invalid.done()
    expect(recoverable).toEqual([])
    // Reported through the default onError (console.error) with storage-invalid; nothing else.
    expect(logged).toHaveLength(1)
    expect(logged[0]).toEqual([expect.objectContaining({ code: 'storage-invalid' })])
  })

  it('server-renders a controlled value={null} as loading and hydrates it, then shows the record without warnings', async () => {
    const props = { onValueChange: () => {} }
    const page = await serverThenHydrate(<ModelImprovementSetting value={null} {...props} />)
    expect(page.html).toContain('aria-busy="true"')
    expect(page.html).toContain('Loading your choice…')
    let rerender!: (value: Record<string, boolean>) => void
    function Parent() {
      const [value, setValue] = useState<Record<string, boolean> | null>(null)
      rerender = setValue
      return <ModelImprovementSetting value={value} {...props} />
    }
    const again = await serverThenHydrate(<Parent />)
    await act(async () => rerender({ 'improve-model': true }))
    expect(again.switches()).toEqual(['true', 'false', 'false'])
    expect(again.container.querySelector('[role="status"]')?.textContent).toBe('')
    expect(await again.done()).toEqual({ logged: [], recoverable: [] })
    expect(await page.done()).toEqual({ logged: [], recoverable: [] })
  })
})
