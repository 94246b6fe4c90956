import { createConsentStore, localStorageAdapter, memoryStorage } from '@model-consent/core'
import { ConsentProvider, ModelImprovementSetting, useConsent } from '@model-consent/react'
import { ar } from '@model-consent/react/locales/ar'
import { hydrateHtml } from '../support/hydrate'
import { renderToString } from 'react-dom/server'

const OPT_IN = {
  formatVersion: 1,
  decisions: {
    'improve-model': { value: true, decidedAt: '2026-11-26T10:00:00.000Z', policyVersion: 'v1', source: 'user' },
  },
} as const

async function hydrate(element: React.ReactElement) {
  const html = renderToString(element)
  const { container, logged: errors, recoverable, unmount } = await hydrateHtml(html, element)
  return { html, container, errors, recoverable, unmount }
}

describe('server rendering', () => {
  it('renders everything off on the server, even when the store holds an opt-in', () => {
    const store = createConsentStore({ policyVersion: 'v1', storage: memoryStorage(OPT_IN) })
    const html = renderToString(<ModelImprovementSetting store={store} />)
    expect(html).toContain('role="switch"')
    expect(html).not.toContain('aria-checked="true"')
    expect(html.match(/aria-checked="false"/g)).toHaveLength(3)
  })

  it('renders uncontrolled defaults as off on the server (privacy by default)', () => {
    const html = renderToString(<ModelImprovementSetting defaultValue={{ 'improve-model': true }} />)
    expect(html).not.toContain('aria-checked="true"')
  })

  it('hydrates the uncontrolled setting without any warning', async () => {
    const result = await hydrate(<ModelImprovementSetting policyVersion="v1" />)
    expect(result.errors).toEqual([])
    expect(result.recoverable).toEqual([])
    await result.unmount()
  })

  it('hydrates a store-backed setting without warnings, then shows the saved opt-in', async () => {
    const store = createConsentStore({ policyVersion: 'v1', storage: memoryStorage(OPT_IN) })
    await store.ready
    const result = await hydrate(
      <ConsentProvider store={store}>
        <ModelImprovementSetting />
      </ConsentProvider>,
    )
    expect(result.errors).toEqual([])
    expect(result.recoverable).toEqual([])
    const main = result.container.querySelector('[role="switch"]')
    expect(main).toHaveAttribute('aria-checked', 'true')
    await result.unmount()
  })

  it('hydrates a controlled setting and a bare useConsent reader without warnings', async () => {
    function Reader() {
      const { value } = useConsent('improve-model')
      return <output>{value ? 'on' : 'off'}</output>
    }
    const result = await hydrate(
      <>
        <ModelImprovementSetting value={{ 'improve-model': true }} onValueChange={() => {}} locale={ar} />
        <Reader />
      </>,
    )
    expect(result.errors).toEqual([])
    expect(result.recoverable).toEqual([])
    await result.unmount()
  })

  it('server-renders initialData and hydrates a store given the same data with no warning and no flash', async () => {
    const serverStore = createConsentStore({ policyVersion: 'v1', storage: memoryStorage(), initialData: OPT_IN })
    const html = renderToString(<ModelImprovementSetting store={serverStore} />)
    expect(html.match(/aria-checked="true"/g)).toHaveLength(1)
    const clientStore = createConsentStore({ policyVersion: 'v1', storage: memoryStorage(), initialData: JSON.stringify(OPT_IN) })
    const result = await hydrate(<ModelImprovementSetting store={clientStore} />)
    expect(result.html).toBe(html)
    expect(result.errors).toEqual([])
    expect(result.recoverable).toEqual([])
    expect(result.container.querySelector('[role="switch"]')).toHaveAttribute('aria-checked', 'true')
    await result.unmount()
  })

  it('creates a localStorage-backed store without touching localStorage until it loads', () => {
    const getItem = vi.spyOn(Storage.prototype, 'getItem')
    const store = createConsentStore({ policyVersion: 'v1', storage: localStorageAdapter({ key: 'ssr' }) })
    expect(getItem).not.toHaveBeenCalled()
    renderToString(<ModelImprovementSetting store={store} />)
    expect(getItem).not.toHaveBeenCalled()
    store.destroy()
  })
})
