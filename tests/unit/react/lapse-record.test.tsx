/**
 * After an opt-in lapses under a new policy, the setting reads off and the re-consent notice says
 * why. The lapse is a decision dated like the opt-in it ends (so every copy derives the same one),
 * so "Off since <that date>" would say the setting has been off since the day the person turned it
 * on: the record in words must not misstate the history.
 */
import { createConsentStore, memoryStorage } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { act, render, screen } from '@testing-library/react'

const OPTED_IN_ON = '10 Jan 2026'
const OPT_IN_V1 = {
  formatVersion: 1,
  decisions: { 'improve-model': { value: true, decidedAt: '2026-01-10T10:00:00.000Z', policyVersion: 'v1', source: 'user' } },
} as const

describe('ModelImprovementSetting after an opt-in lapsed under a new policy', () => {
  it('with a store: shows the notice, and no "Off since" the day it was turned on', async () => {
    const store = createConsentStore({ policyVersion: 'v2', storage: memoryStorage(OPT_IN_V1) })
    await store.ready
    render(<ModelImprovementSetting store={store} />)
    expect(screen.getByText(/Our policy has changed/)).toBeInTheDocument()
    expect(screen.queryByText(`Off since ${OPTED_IN_ON}`)).not.toBeInTheDocument()
  })

  it('uncontrolled: the same when policyVersion changes', async () => {
    const { rerender } = render(<ModelImprovementSetting policyVersion="v1" defaultValue={{ 'improve-model': true }} />)
    await act(async () => {})
    expect(screen.getByText(/^On since /)).toBeInTheDocument()
    rerender(<ModelImprovementSetting policyVersion="v2" defaultValue={{ 'improve-model': true }} />)
    await act(async () => {})
    expect(screen.getByText(/Our policy has changed/)).toBeInTheDocument()
    expect(screen.queryByText(/^Off since /)).not.toBeInTheDocument()
  })
})
