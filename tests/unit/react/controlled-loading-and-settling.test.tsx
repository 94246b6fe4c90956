import type { ConsentChangeEvent } from '@model-consent/core'
import { ModelImprovementSetting, type ModelImprovementSettingProps } from '@model-consent/react'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode, useState } from 'react'

const TITLE = 'Improve the model for everyone'
const mainSwitch = () => screen.getByRole('switch', { name: TITLE })
const allSwitches = () => screen.getAllByRole('switch')
const status = () => screen.getByRole('status')

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('ModelImprovementSetting, controlled', () => {
  describe('while value is null (not known yet)', () => {
    it('shows its words, busy switches that cannot be used, and a polite loading status', async () => {
      const user = userEvent.setup()
      const onValueChange = vi.fn()
      render(<ModelImprovementSetting value={null} onValueChange={onValueChange} />)
      expect(screen.getByText(TITLE)).toBeInTheDocument()
      expect(allSwitches()).toHaveLength(3)
      for (const control of allSwitches()) {
        expect(control).toHaveAttribute('aria-busy', 'true')
        expect(control).toBeDisabled()
      }
      expect(status()).toHaveTextContent('Loading your choice…')
      expect(status()).toHaveAttribute('aria-live', 'polite')
      // No "Off" shown as if it were the saved answer.
      expect(screen.queryByText('Off')).not.toBeInTheDocument()
      await user.click(mainSwitch())
      expect(onValueChange).not.toHaveBeenCalled()
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    })

    it('shows the record when it arrives, without a mode warning', () => {
      const warn = vi.spyOn(console, 'warn')
      const error = vi.spyOn(console, 'error')
      const { rerender, container } = render(<ModelImprovementSetting value={null} onValueChange={() => {}} />)
      expect(container.firstElementChild).toHaveAttribute('data-loading', '')
      rerender(<ModelImprovementSetting value={{ 'improve-model': true }} onValueChange={() => {}} />)
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
      expect(mainSwitch()).not.toHaveAttribute('aria-busy')
      expect(mainSwitch()).toBeEnabled()
      expect(screen.getByRole('switch', { name: 'Include audio recordings' })).toBeEnabled()
      expect(status()).toBeEmptyDOMElement()
      expect(container.firstElementChild).not.toHaveAttribute('data-loading')
      expect(warn).not.toHaveBeenCalled()
      expect(error).not.toHaveBeenCalled()
    })

    it('says "loading" in every shipped locale', () => {
      const { rerender } = render(<ModelImprovementSetting value={null} locale="de" />)
      expect(status()).toHaveTextContent('Ihre Auswahl wird geladen…')
      rerender(<ModelImprovementSetting value={null} locale="ja" />)
      expect(status()).toHaveTextContent('選択内容を読み込んでいます…')
    })
  })

  describe('after onValueChange resolves', () => {
    function Parent(props: { save: (next: Record<string, boolean>) => Promise<unknown> } & Partial<ModelImprovementSettingProps>) {
      const { save, ...rest } = props
      return <ModelImprovementSetting value={{}} onValueChange={(next) => save(next)} confirm="never" {...rest} />
    }

    it('stays pending until the parent shows the change, and fires the event then, once', async () => {
      const user = userEvent.setup()
      const seen: string[] = []
      const onConsentChange = vi.fn((event: ConsentChangeEvent) => {
        // What the screen shows when the app hears of the change.
        seen.push(`${event.value}:${mainSwitch().getAttribute('aria-checked')}`)
      })
      const save = vi.fn(() => Promise.resolve())
      const { rerender } = render(<Parent save={save} onConsentChange={onConsentChange} />)
      await user.click(mainSwitch())
      await act(async () => {})
      expect(save).toHaveBeenCalledTimes(1)
      expect(mainSwitch()).toHaveAttribute('aria-busy', 'true')
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(status()).toHaveTextContent('Saving your choice…')
      expect(onConsentChange).not.toHaveBeenCalled()
      // The parent re-renders with the old value (an unrelated render): still waiting.
      rerender(<Parent save={save} onConsentChange={onConsentChange} value={{}} />)
      expect(mainSwitch()).toHaveAttribute('aria-busy', 'true')
      rerender(<Parent save={save} onConsentChange={onConsentChange} value={{ 'improve-model': true }} />)
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
      expect(mainSwitch()).not.toHaveAttribute('aria-busy')
      // "Saved" is said only now, when the screen shows the saved value.
      expect(status()).toHaveTextContent('Your choice is saved.')
      expect(seen).toEqual(['true:true'])
      rerender(<Parent save={save} onConsentChange={onConsentChange} value={{ 'improve-model': true }} />)
      expect(onConsentChange).toHaveBeenCalledTimes(1)
    })

    it('fires at once when the parent already shows the change (an optimistic update)', async () => {
      const user = userEvent.setup()
      const onConsentChange = vi.fn()
      let resolve!: () => void
      function Optimistic() {
        const [value, setValue] = useState<Record<string, boolean>>({})
        return (
          <ModelImprovementSetting
            value={value}
            confirm="never"
            onConsentChange={onConsentChange}
            onValueChange={(next) => {
              setValue(next)
              return new Promise<void>((r) => (resolve = r))
            }}
          />
        )
      }
      render(<Optimistic />)
      await user.click(mainSwitch())
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
      expect(mainSwitch()).toHaveAttribute('aria-busy', 'true')
      expect(onConsentChange).not.toHaveBeenCalled()
      await act(async () => resolve())
      expect(mainSwitch()).not.toHaveAttribute('aria-busy')
      expect(onConsentChange).toHaveBeenCalledTimes(1)
      expect(onConsentChange).toHaveBeenCalledWith(expect.objectContaining({ setting: 'improve-model', value: true, source: 'user' }))
    })

    it('stops waiting when a newer value arrives that does not show it, and fires nothing', async () => {
      const user = userEvent.setup()
      const onConsentChange = vi.fn()
      const save = vi.fn(() => Promise.resolve())
      const { rerender } = render(<Parent save={save} onConsentChange={onConsentChange} />)
      await user.click(mainSwitch())
      await act(async () => {})
      expect(mainSwitch()).toHaveAttribute('aria-busy', 'true')
      // Another device turned the video opt-in's record off meanwhile; the main setting stays off.
      rerender(<Parent save={save} onConsentChange={onConsentChange} value={{ 'improve-model': false }} />)
      expect(mainSwitch()).not.toHaveAttribute('aria-busy')
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(onConsentChange).not.toHaveBeenCalled()
    })

    it('gives up after 10 s, shows what value says, and warns in development', async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true })
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      const onConsentChange = vi.fn()
      render(<Parent save={() => Promise.resolve()} onConsentChange={onConsentChange} />)
      await user.click(mainSwitch())
      await act(async () => vi.advanceTimersByTimeAsync(9_000))
      expect(mainSwitch()).toHaveAttribute('aria-busy', 'true')
      expect(warn).not.toHaveBeenCalled()
      await act(async () => vi.advanceTimersByTimeAsync(1_500))
      expect(mainSwitch()).not.toHaveAttribute('aria-busy')
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
      expect(warn).toHaveBeenCalledTimes(1)
      expect(warn.mock.calls[0]![0]).toMatch(/onValueChange resolved 10 s ago, but `value` still does not show "improve-model" on/)
      expect(onConsentChange).not.toHaveBeenCalled()
    })
  })

  describe('in StrictMode', () => {
    it('fires each accepted change once, synchronous or resolved', async () => {
      const user = userEvent.setup()
      const onConsentChange = vi.fn()
      function Parent({ async }: { async: boolean }) {
        const [value, setValue] = useState<Record<string, boolean>>({})
        return (
          <ModelImprovementSetting
            value={value}
            confirm="never"
            onConsentChange={onConsentChange}
            onValueChange={(next) => {
              if (!async) return setValue(next)
              return Promise.resolve().then(() => setValue(next))
            }}
          />
        )
      }
      const { unmount } = render(<StrictMode><Parent async={false} /></StrictMode>)
      await user.click(mainSwitch())
      expect(onConsentChange).toHaveBeenCalledTimes(1)
      unmount()
      render(<StrictMode><Parent async /></StrictMode>)
      await user.click(mainSwitch())
      await act(async () => {})
      expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
      expect(mainSwitch()).not.toHaveAttribute('aria-busy')
      expect(onConsentChange).toHaveBeenCalledTimes(2)
    })
  })

  describe('when onValueChange answers synchronously', () => {
    it('calls it in the same event, and fires the event once the parent state is on screen', async () => {
      const user = userEvent.setup()
      const seen: string[] = []
      let calledDuringClick = false
      function Parent() {
        const [value, setValue] = useState<Record<string, boolean>>({})
        return (
          <ModelImprovementSetting
            value={value}
            confirm="never"
            onValueChange={(next) => {
              calledDuringClick = true
              setValue(next)
            }}
            onConsentChange={(event) => seen.push(`${event.value}:${mainSwitch().getAttribute('aria-checked')}`)}
          />
        )
      }
      render(<Parent />)
      mainSwitch().click()
      expect(calledDuringClick).toBe(true)
      await act(async () => {})
      expect(seen).toEqual(['true:true'])
      await user.click(mainSwitch())
      expect(seen).toEqual(['true:true', 'false:false'])
      expect(mainSwitch()).not.toHaveAttribute('aria-busy')
    })
  })
})
