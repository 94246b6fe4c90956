// @vitest-environment node
describe('importing on a server', () => {
  it('touches no window, document or localStorage at import time', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    const core = await import('@model-consent/core')
    const react = await import('@model-consent/react')
    expect(typeof core.createConsentStore).toBe('function')
    // forwardRef components are objects; what matters is that the import ran without a DOM.
    expect(react.ModelImprovementSetting).toBeTruthy()
  })

  it('runs a store in memory when localStorage does not exist, reporting and logging nothing', async () => {
    const { createConsentStore, localStorageAdapter } = await import('@model-consent/core')
    const onError = vi.fn()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const store = createConsentStore({ policyVersion: 'v1', storage: localStorageAdapter(), onError })
    const silent = createConsentStore({ policyVersion: 'v1', storage: localStorageAdapter() })
    await Promise.all([store.ready, silent.ready])
    expect(store.getSnapshot().status).toBe('ready')
    await store.set('improve-model', true)
    expect(store.getSnapshot().settings['improve-model']!.value).toBe(true)
    expect(onError).not.toHaveBeenCalled()
    expect(logged).not.toHaveBeenCalled()
    logged.mockRestore()
  })

  it('server-renders with react-dom/server in Node', async () => {
    const { renderToString } = await import('react-dom/server')
    const { createElement } = await import('react')
    const { ModelImprovementSetting } = await import('@model-consent/react')
    const html = renderToString(createElement(ModelImprovementSetting, { policyVersion: '2026-11' }))
    expect(html).toContain('aria-checked="false"')
    expect(html).toContain('Improve the model for everyone')
  })
})
