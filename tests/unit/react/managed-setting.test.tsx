import { ModelImprovementSetting } from '@model-consent/react'
import { locales } from '@model-consent/react/locales'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => screen.getByRole('switch', { name: TITLE })
const audioSwitch = () => screen.getByRole('switch', { name: 'Include audio recordings' })
const videoSwitch = () => screen.getByRole('switch', { name: 'Include video recordings' })
const byOrganization = { 'improve-model': { value: false, reason: 'organization' } } as const

describe('ModelImprovementSetting with managed settings', () => {
  describe('when uncontrolled', () => {
    it('shows a managed switch off, focusable, aria-disabled, with the reason as its description', async () => {
      const user = userEvent.setup()
      const onConsentChange = vi.fn()
      render(<ModelImprovementSetting managed={byOrganization} defaultValue={{ 'improve-model': true }} onConsentChange={onConsentChange} />)
      const control = mainSwitch()
      expect(control).toHaveAttribute('aria-checked', 'false')
      expect(control).toHaveAttribute('aria-disabled', 'true')
      expect(control).not.toBeDisabled()
      expect(control).not.toHaveAttribute('disabled')
      expect(control).toHaveAccessibleDescription(expect.stringContaining('Your organization has turned this off.'))
      await user.tab()
      expect(control).toHaveFocus()
      await user.click(control)
      await user.keyboard(' ')
      await user.keyboard('{Enter}')
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
      expect(control).toHaveAttribute('aria-checked', 'false')
      expect(onConsentChange).toHaveBeenCalledTimes(1) // only the `api` default, before any press
      expect(screen.queryByText(/On since/)).not.toBeInTheDocument()
    })

    it('holds the dependents off too, with the same reason', () => {
      render(<ModelImprovementSetting managed={{ 'improve-model': { value: false, reason: 'age' } }} defaultValue={{ 'improve-model': true, 'include-audio': true }} />)
      for (const control of [audioSwitch(), videoSwitch()]) {
        expect(control).toHaveAttribute('aria-checked', 'false')
        expect(control).toHaveAttribute('aria-disabled', 'true')
        expect(control).toHaveAccessibleDescription('This is turned off because of your age.')
      }
    })

    it('brings back the person’s own value when the lock is lifted', async () => {
      function App() {
        const [locked, setLocked] = useState(true)
        return (
          <>
            <button type="button" onClick={() => setLocked(false)}>Lift</button>
            <ModelImprovementSetting confirm="never" managed={locked ? byOrganization : undefined} defaultValue={{ 'improve-model': true }} />
          </>
        )
      }
      render(<App />)
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      await userEvent.setup().click(screen.getByRole('button', { name: 'Lift' }))
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
      expect(mainSwitch()).not.toHaveAttribute('aria-disabled')
    })

    it('locks one recordings switch by region while the main setting stays yours', async () => {
      render(<ModelImprovementSetting managed={{ 'include-video': { value: false, reason: 'region' } }} defaultValue={{ 'improve-model': true }} />)
      await waitFor(() => expect(mainSwitch()).toHaveAttribute('aria-checked', 'true'))
      expect(mainSwitch()).not.toHaveAttribute('aria-disabled')
      expect(audioSwitch()).not.toHaveAttribute('aria-disabled')
      expect(videoSwitch()).toHaveAttribute('aria-disabled', 'true')
      expect(videoSwitch()).toHaveAccessibleDescription('This is turned off where you live.')
    })

    it('words a reason of the app’s own with the managedOther message', () => {
      render(
        <ModelImprovementSetting
          managed={{ 'improve-model': { value: false, reason: 'school-account' } }}
          messages={{ managedOther: 'Your school has turned this off.' }}
        />,
      )
      expect(mainSwitch()).toHaveAccessibleDescription(expect.stringContaining('Your school has turned this off.'))
    })

    it.each([
      ['de', 'Ihre Organisation hat dies ausgeschaltet.'],
      ['ja', 'この設定は組織によってオフになっています。'],
      ['ar', 'أوقفت مؤسستك هذا الإعداد.'],
    ] as const)('says the reason in %s', (tag, text) => {
      render(<ModelImprovementSetting locale={locales[tag]} managed={byOrganization} />)
      expect(screen.getAllByRole('switch')[0]).toHaveAccessibleDescription(expect.stringContaining(text))
    })
  })

  describe('when controlled', () => {
    it('reads off and never asks the parent, even when value says on', async () => {
      const user = userEvent.setup()
      const onValueChange = vi.fn()
      render(<ModelImprovementSetting value={{ 'improve-model': true }} onValueChange={onValueChange} managed={byOrganization} />)
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      await user.click(mainSwitch())
      await user.click(audioSwitch())
      expect(onValueChange).not.toHaveBeenCalled()
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    })
  })

  describe('refuses a managed value that is not off', () => {
    it('with a TypeError naming the setting for value: true', () => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      const managed = { 'include-audio': { value: true, reason: 'organization' } } as never
      expect(() => render(<ModelImprovementSetting managed={managed} />)).toThrow(TypeError)
      expect(() => render(<ModelImprovementSetting managed={managed} />)).toThrow(/"include-audio".*only be held off/)
      expect(() => render(<ModelImprovementSetting managed={{ 'improve-model': { value: false, reason: '' } } as never} />)).toThrow(/reason/)
      vi.restoreAllMocks()
    })

    it('in production too, with a short message that still names the setting', () => {
      vi.stubEnv('NODE_ENV', 'production')
      vi.spyOn(console, 'error').mockImplementation(() => {})
      const managed = { 'include-audio': { value: true, reason: 'organization' } } as never
      expect(() => render(<ModelImprovementSetting managed={managed} />)).toThrow(TypeError)
      expect(() => render(<ModelImprovementSetting managed={managed} />)).toThrow(/"include-audio"/)
      expect(() => render(<ModelImprovementSetting managed={{ 'improve-model': { value: false, reason: ' ' } } as never} />)).toThrow(/"improve-model"/)
      expect(() => render(<ModelImprovementSetting managed={'organization' as never} />)).toThrow(TypeError)
      vi.restoreAllMocks()
      vi.unstubAllEnvs()
    })
  })
})
