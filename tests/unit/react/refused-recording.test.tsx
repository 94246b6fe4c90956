/**
 * The audio confirmation is open when the main setting goes off elsewhere (another tab, another
 * device, the parent). Pressing "Turn on" is then refused (a recording needs the main setting on),
 * and the person is told why in the polite status region, not only the app's `onError`.
 */
import { createConsentStore, memoryStorage } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import '../../support/resize-observer'

const NEEDS_MAIN = 'Turn on Improve the model for everyone first.'
const audioSwitch = () => screen.getByRole('switch', { name: 'Include audio recordings' })

async function confirmAudioAfter(mainGoesOff: () => void | Promise<void>) {
  const user = userEvent.setup()
  await user.click(audioSwitch())
  expect(screen.getByRole('alertdialog', { name: 'Include audio recordings?' })).toBeInTheDocument()
  await act(mainGoesOff)
  const before = screen.getByRole('status').firstElementChild
  await user.click(screen.getByRole('button', { name: 'Turn on' }))
  expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
  // Said in the polite live region: a new node there, so it is announced.
  expect(screen.getByRole('status')).toHaveTextContent(NEEDS_MAIN)
  expect(screen.getByRole('status').firstElementChild).not.toBe(before)
  return user
}

describe('ModelImprovementSetting, a recording confirmed after the main setting went off', () => {
  it('says why it stays off, with a store', async () => {
    const store = createConsentStore({ policyVersion: 'v1', storage: memoryStorage() })
    await store.ready
    await store.set('improve-model', true)
    const onError = vi.fn()
    render(<ModelImprovementSetting store={store} onError={onError} />)
    await confirmAudioAfter(() => store.set('improve-model', false, { source: 'api' }).then(() => undefined))
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'requirement-off' }))
    expect(store.getSetting('include-audio').value).toBe(false)
  })

  it('says why it stays off, controlled', async () => {
    const onValueChange = vi.fn()
    const { rerender } = render(<ModelImprovementSetting value={{ 'improve-model': true }} onValueChange={onValueChange} />)
    await confirmAudioAfter(() => rerender(<ModelImprovementSetting value={{ 'improve-model': false }} onValueChange={onValueChange} />))
    expect(onValueChange).not.toHaveBeenCalled()
  })

  it('says it again for a second refusal, and no more once the main setting is on', async () => {
    const onValueChange = vi.fn()
    const at = (main: boolean) => <ModelImprovementSetting value={{ 'improve-model': main }} onValueChange={onValueChange} />
    const { rerender } = render(at(true))
    expect(screen.getByRole('status')).toHaveTextContent('')
    await confirmAudioAfter(() => rerender(at(false)))
    // Not said once the main setting is on again.
    rerender(at(true))
    expect(screen.getByRole('status')).toHaveTextContent('')
    // A second refusal is said again (a new node in the live region).
    await confirmAudioAfter(() => rerender(at(false)))
    expect(onValueChange).not.toHaveBeenCalled()
  })
})
