import type { ConsentChangeEvent } from '@model-consent/core'
import { ModelImprovementSetting } from '@model-consent/react'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => screen.getByRole('switch', { name: TITLE })
const audioSwitch = () => screen.getByRole('switch', { name: 'Include audio recordings' })

describe('ModelImprovementSetting, uncontrolled without a store', () => {
  it('records each change as a decision with its time, policy version and source', async () => {
    const user = userEvent.setup()
    const events: ConsentChangeEvent[] = []
    render(<ModelImprovementSetting confirm="never" policyVersion="p1" onConsentChange={(event) => events.push(event)} />)
    await user.click(mainSwitch())
    await user.click(audioSwitch())
    expect(events).toHaveLength(2)
    expect(events[1]).toEqual({
      type: 'consent-change',
      setting: 'include-audio',
      value: true,
      previousValue: false,
      effective: true,
      source: 'user',
      policyVersion: 'p1',
      timestamp: expect.any(String),
    })
    expect(Object.isFrozen(events[1])).toBe(true)
    // Each decision is dated later than the one before, as a store dates them.
    expect(Date.parse(events[1]!.timestamp)).toBeGreaterThan(Date.parse(events[0]!.timestamp))
    expect(screen.getByText(/^On since /)).toBeInTheDocument()
  })

  it('turns the recordings off with the main setting, and they count again only when turned on again', async () => {
    const user = userEvent.setup()
    const events: ConsentChangeEvent[] = []
    render(<ModelImprovementSetting confirm="never" defaultValue={{ 'improve-model': true, 'include-audio': true }} onConsentChange={(event) => events.push(event)} />)
    await waitFor(() => expect(audioSwitch()).toHaveAttribute('aria-checked', 'true'))
    await user.click(mainSwitch())
    expect(events.slice(2).map((e) => [e.setting, e.value, e.previousValue, e.effective, e.source])).toEqual([
      ['improve-model', false, true, false, 'user'],
      ['include-audio', false, true, false, 'cascade'],
    ])
    expect(events[2]!.timestamp).toBe(events[3]!.timestamp)
    await user.click(mainSwitch())
    expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
  })

  it('ignores a default for a recording without the main setting, like a store refusing it', () => {
    const onConsentChange = vi.fn()
    render(<ModelImprovementSetting defaultValue={{ 'include-audio': true }} onConsentChange={onConsentChange} />)
    expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
    expect(onConsentChange).not.toHaveBeenCalled()
  })

  it('lets earlier opt-ins lapse under a new policy version, with policy events and the re-consent notice', async () => {
    const events: ConsentChangeEvent[] = []
    const props = { defaultValue: { 'improve-model': true, 'include-audio': true }, onConsentChange: (event: ConsentChangeEvent) => events.push(event) }
    const { rerender } = render(<ModelImprovementSetting policyVersion="v1" {...props} />)
    await waitFor(() => expect(audioSwitch()).toHaveAttribute('aria-checked', 'true'))
    rerender(<ModelImprovementSetting policyVersion="v2" {...props} />)
    await waitFor(() => expect(events).toHaveLength(4))
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
    expect(audioSwitch()).toHaveAttribute('aria-checked', 'false')
    expect(mainSwitch()).toHaveAccessibleDescription(/policy has changed/)
    expect(events.slice(2).map((e) => [e.setting, e.value, e.source, e.policyVersion])).toEqual([
      ['improve-model', false, 'policy', 'v2'],
      ['include-audio', false, 'policy', 'v2'],
    ])
    // The lapse keeps the time of the opt-in it replaces.
    expect(events[2]!.timestamp).toBe(events[0]!.timestamp)
    rerender(<ModelImprovementSetting policyVersion="v2" {...props} />)
    expect(events).toHaveLength(4)
  })
})
