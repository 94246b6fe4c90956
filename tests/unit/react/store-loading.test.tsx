/**
 * A store-backed setting before its store has read storage (an HTTP GET, an async database):
 * what it shows and submits then is not the saved choice, so it must not present it as one.
 * The same promise as a controlled `value={null}`.
 */
import { createConsentStore, type ConsentStorage } from '@model-consent/core'
import { ConsentProvider, ModelImprovementSetting } from '@model-consent/react'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import '../../support/resize-observer'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => screen.getByRole('switch', { name: TITLE })

const OPT_IN = {
  formatVersion: 1,
  decisions: {
    'improve-model': { value: true, decidedAt: '2026-11-26T10:00:00.000Z', policyVersion: 'v1', source: 'user' },
  },
} as const

/** Storage whose first load waits until the test lets it answer. */
function slowLoad() {
  let answer!: (data: unknown) => void
  const loaded = new Promise((resolve) => (answer = resolve))
  const storage: ConsentStorage = { load: () => loaded, save: () => {} }
  return { storage, answer: (data: unknown) => act(async () => answer(data)) }
}

describe('ModelImprovementSetting with a store that is still loading', () => {
  it('shows the loading state, not "Off" as if it were saved, and cannot be changed yet', async () => {
    const user = userEvent.setup()
    const { storage, answer } = slowLoad()
    const store = createConsentStore({ policyVersion: 'v1', storage })
    render(
      <ConsentProvider store={store}>
        <ModelImprovementSetting />
      </ConsentProvider>,
    )
    expect(mainSwitch()).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByRole('status')).toHaveTextContent('Loading your choice…')
    expect(screen.queryByText('Off')).not.toBeInTheDocument()
    await user.click(mainSwitch())
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    await answer(OPT_IN)
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    expect(mainSwitch()).not.toHaveAttribute('aria-busy')
    expect(mainSwitch()).toBeEnabled()
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })

  it('submits nothing as a form field until the saved choice is known, then the saved choice', async () => {
    const { storage, answer } = slowLoad()
    const store = createConsentStore({ policyVersion: 'v1', storage })
    render(
      <form data-testid="form">
        <ModelImprovementSetting store={store} name="consent" />
      </form>,
    )
    const fields = () => Object.fromEntries(new FormData(screen.getByTestId('form') as HTMLFormElement))
    // A form sent now must not overwrite the saved opt-in with "false".
    expect(fields()).toEqual({})
    await answer(OPT_IN)
    expect(fields()).toEqual({
      'consent[improve-model]': 'true',
      'consent[include-audio]': 'false',
      'consent[include-video]': 'false',
    })
  })

  // The summary is the switch's description: "We do not use your conversations…" is the off state,
  // said in words as if it were the saved choice.
  it('does not state the off state in words either, until the saved choice is known', async () => {
    const { storage, answer } = slowLoad()
    const store = createConsentStore({ policyVersion: 'v1', storage })
    render(<ModelImprovementSetting store={store} />)
    expect(mainSwitch()).not.toHaveAccessibleDescription(/do not use your conversations/)
    expect(screen.queryByText('We do not use your conversations to train our models.')).not.toBeInTheDocument()
    await answer(OPT_IN)
    expect(mainSwitch()).toHaveAccessibleDescription('We may use your conversations to train our models.')
  })

  it('nor does a controlled setting while value is null', () => {
    const { rerender } = render(<ModelImprovementSetting value={null} onValueChange={() => {}} />)
    expect(mainSwitch()).not.toHaveAccessibleDescription(/do not use your conversations/)
    expect(screen.queryByText('We do not use your conversations to train our models.')).not.toBeInTheDocument()
    rerender(<ModelImprovementSetting value={{}} onValueChange={() => {}} />)
    expect(mainSwitch()).toHaveAccessibleDescription('We do not use your conversations to train our models.')
  })
})
