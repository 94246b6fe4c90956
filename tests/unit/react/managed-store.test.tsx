import { createConsentStore, memoryStorage } from '@model-consent/core'
import { ConsentProvider, ModelImprovementPrompt, ModelImprovementSetting } from '@model-consent/react'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'

const TITLE = 'Improve the model for everyone'
const OPTED_IN = {
  formatVersion: 1 as const,
  decisions: { 'improve-model': { value: true, decidedAt: '2026-11-01T10:00:00.000Z', policyVersion: 'v1', source: 'user' as const } },
}

describe('A store with managed settings, in React', () => {
  it('shows the store’s managed setting off with its reason, and pressing changes nothing', async () => {
    const user = userEvent.setup()
    const storage = memoryStorage(OPTED_IN)
    const store = createConsentStore({ policyVersion: 'v1', storage, managed: { 'improve-model': { value: false, reason: 'age' } } })
    await store.ready
    const onError = vi.fn()
    render(
      <ConsentProvider store={store}>
        <ModelImprovementSetting onError={onError} />
      </ConsentProvider>,
    )
    const control = screen.getByRole('switch', { name: TITLE })
    expect(control).toHaveAttribute('aria-checked', 'false')
    expect(control).toHaveAttribute('aria-disabled', 'true')
    expect(control).toHaveAccessibleDescription(expect.stringContaining('This is turned off because of your age.'))
    await user.click(control)
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(onError).not.toHaveBeenCalled()
    expect(storage.load()).toEqual(OPTED_IN)
  })

  it('never asks about a managed setting in the prompt', async () => {
    const store = createConsentStore({ policyVersion: 'v1', managed: { 'improve-model': { value: false, reason: 'organization' } } })
    await store.ready
    render(<ModelImprovementPrompt store={store} />)
    expect(screen.queryByRole('region')).not.toBeInTheDocument()
  })
})
