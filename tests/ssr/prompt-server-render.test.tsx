import { createConsentStore, memoryStorage } from '@model-consent/core'
import { ModelImprovementPrompt } from '@model-consent/react'
import { fr } from '@model-consent/react/locales/fr'
import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'

describe('ModelImprovementPrompt on the server', () => {
  it('renders nothing with a store (it has not loaded), then asks after hydration without a mismatch', async () => {
    const store = createConsentStore({ policyVersion: 'v1', storage: memoryStorage() })
    await store.ready
    const element = <ModelImprovementPrompt store={store} />
    const html = renderToString(element)
    expect(html).toBe('')
    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)
    const recoverable: unknown[] = []
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    let root!: ReturnType<typeof hydrateRoot>
    await act(async () => {
      root = hydrateRoot(container, element, { onRecoverableError: (e) => void recoverable.push(e) })
    })
    expect(error).not.toHaveBeenCalled()
    error.mockRestore()
    expect(recoverable).toEqual([])
    expect(container.querySelector('[data-slot="prompt"]')).not.toBeNull()
    act(() => root.unmount())
    container.remove()
  })

  it('renders the question when controlled', () => {
    const html = renderToString(<ModelImprovementPrompt onChoice={() => {}} locale={fr} />)
    expect(html).toContain('Améliorer le modèle pour tous ?')
    expect(html).toContain('Laisser désactivé')
  })
})
