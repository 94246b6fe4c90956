import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ConsentProvider } from '../../../packages/react/src/consent-provider'
import { locales, supportedLocales, type ConsentMessages } from '../../../packages/react/src/messages'
import { stateTexts } from '../../../packages/react/src/messages/state-texts'
import {
  ConsentSwitch,
  type ConsentSwitchProps,
} from '../../../packages/react/src/switch/consent-switch'

const LABEL = 'Improve the model for everyone'

function Labelled(props: ConsentSwitchProps) {
  return (
    <>
      <label htmlFor="improve">{LABEL}</label>
      <ConsentSwitch id="improve" {...props} />
    </>
  )
}

const getSwitch = () => screen.getByRole('switch', { name: LABEL })

describe('ConsentSwitch', () => {
  it('is a switch named by its visible label, off by default', () => {
    render(<Labelled />)
    const control = getSwitch()
    expect(control).toHaveAttribute('aria-checked', 'false')
    expect(control).toHaveAttribute('data-slot', 'switch')
    expect(control).toHaveAttribute('data-state', 'unchecked')
    expect(control).not.toHaveAttribute('data-disabled')
    expect(control).not.toHaveAttribute('data-pending')
    expect(control).not.toHaveAttribute('aria-busy')
    expect(control.querySelector('[data-slot="switch-thumb"]')).toHaveAttribute('data-state', 'unchecked')
  })

  it('keeps its name when the state changes, with the state text hidden from assistive technology', async () => {
    const user = userEvent.setup()
    render(<Labelled stateText />)
    const state = getSwitch().querySelector('[data-slot="switch-state"]')
    expect(state).toHaveTextContent('Off')
    expect(state).toHaveAttribute('aria-hidden', 'true')
    await user.click(getSwitch())
    expect(getSwitch()).toHaveAccessibleName(LABEL)
    expect(state).toHaveTextContent('On')
  })

  it('uses overridden state texts', () => {
    render(<Labelled stateText defaultChecked messages={{ stateOn: 'Enabled' }} />)
    expect(getSwitch().querySelector('[data-slot="switch-state"]')).toHaveTextContent('Enabled')
  })

  describe('state texts', () => {
    const stateOf = () => getSwitch().querySelector('[data-slot="switch-state"]')

    it('come from the locale prop, matching a locale the way the other parts do', () => {
      render(<Labelled stateText locale="de-AT" />)
      expect(stateOf()).toHaveTextContent(locales.de.stateOff)
    })

    it('follow the provider locale, and the component overrides win over the provider ones', () => {
      const { rerender } = render(
        <ConsentProvider locale="fr" messages={{ stateOff: 'Pas activé' }}>
          <Labelled stateText />
        </ConsentProvider>,
      )
      expect(stateOf()).toHaveTextContent('Pas activé')
      rerender(
        <ConsentProvider locale="fr" messages={{ stateOff: 'Pas activé' }}>
          <Labelled stateText checked={false} messages={{ stateOff: 'Éteint' }} />
        </ConsentProvider>,
      )
      expect(stateOf()).toHaveTextContent('Éteint')
      rerender(
        <ConsentProvider locale="fr" messages={{ stateOff: 'Pas activé' }}>
          <Labelled stateText checked messages={{ stateOff: 'Éteint' }} />
        </ConsentProvider>,
      )
      expect(stateOf()).toHaveTextContent(locales.fr.stateOn)
    })

    it('refuse an override that is not a string with a TypeError naming the key', () => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      expect(() => render(<Labelled stateText messages={{ stateOn: 5 as unknown as string }} />)).toThrow(
        /Message "stateOn" must be a string, but got 5/,
      )
      expect(() => render(<Labelled stateText messages={'On' as unknown as Partial<ConsentMessages>} />)).toThrow(TypeError)
    })

    it('match the shipped message sets word for word', () => {
      for (const locale of supportedLocales) {
        expect(stateTexts[locale]).toEqual({ stateOn: locales[locale].stateOn, stateOff: locales[locale].stateOff })
      }
    })
  })

  describe('when uncontrolled', () => {
    it('toggles with a click, Space and Enter and reports each change', async () => {
      const user = userEvent.setup()
      const onCheckedChange = vi.fn()
      render(<Labelled onCheckedChange={onCheckedChange} />)
      await user.click(getSwitch())
      expect(getSwitch()).toHaveAttribute('aria-checked', 'true')
      expect(getSwitch()).toHaveAttribute('data-state', 'checked')
      await user.keyboard(' ')
      expect(getSwitch()).toHaveAttribute('aria-checked', 'false')
      await user.keyboard('{Enter}')
      expect(getSwitch()).toHaveAttribute('aria-checked', 'true')
      expect(onCheckedChange.mock.calls).toEqual([[true], [false], [true]])
    })

    it('is reachable with Tab', async () => {
      const user = userEvent.setup()
      render(<Labelled />)
      await user.tab()
      expect(getSwitch()).toHaveFocus()
    })

    it('starts on with defaultChecked', () => {
      render(<Labelled defaultChecked />)
      expect(getSwitch()).toHaveAttribute('aria-checked', 'true')
    })
  })

  describe('when controlled', () => {
    it('does not change until the parent updates checked', async () => {
      const user = userEvent.setup()
      const onCheckedChange = vi.fn()
      const { rerender } = render(<Labelled checked={false} onCheckedChange={onCheckedChange} />)
      await user.click(getSwitch())
      expect(onCheckedChange).toHaveBeenCalledWith(true)
      expect(getSwitch()).toHaveAttribute('aria-checked', 'false')
      rerender(<Labelled checked onCheckedChange={onCheckedChange} />)
      expect(getSwitch()).toHaveAttribute('aria-checked', 'true')
    })

    it('follows a parent that accepts each change', async () => {
      const user = userEvent.setup()
      function Parent() {
        const [checked, setChecked] = useState(false)
        return <Labelled checked={checked} onCheckedChange={setChecked} />
      }
      render(<Parent />)
      await user.click(getSwitch())
      expect(getSwitch()).toHaveAttribute('aria-checked', 'true')
    })

    it('warns in development when it becomes uncontrolled', () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      const { rerender } = render(<Labelled checked />)
      rerender(<Labelled />)
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('ConsentSwitch is changing from controlled to uncontrolled'))
      warn.mockRestore()
    })
  })

  describe('when pending', () => {
    it('is busy, stays focusable and ignores toggles', async () => {
      const user = userEvent.setup()
      const onCheckedChange = vi.fn()
      render(<Labelled pending onCheckedChange={onCheckedChange} />)
      const control = getSwitch()
      expect(control).toHaveAttribute('aria-busy', 'true')
      expect(control).toHaveAttribute('data-pending', '')
      expect(control).toBeEnabled()
      expect(control).not.toHaveAttribute('aria-disabled')
      await user.tab()
      expect(control).toHaveFocus()
      await user.click(control)
      await user.keyboard(' ')
      await user.keyboard('{Enter}')
      expect(onCheckedChange).not.toHaveBeenCalled()
      expect(control).toHaveAttribute('aria-checked', 'false')
    })
  })

  describe('when disabled', () => {
    it('is disabled, flagged with data-disabled and cannot be toggled', async () => {
      const user = userEvent.setup()
      const onCheckedChange = vi.fn()
      render(<Labelled disabled onCheckedChange={onCheckedChange} />)
      expect(getSwitch()).toBeDisabled()
      expect(getSwitch()).toHaveAttribute('data-disabled', '')
      await user.click(getSwitch())
      expect(onCheckedChange).not.toHaveBeenCalled()
    })
  })

  describe('when unavailable (not available, with a reason)', () => {
    const REASON = 'Turn on Improve the model for everyone first.'

    it('stays in the Tab order, is aria-disabled and described by the reason it renders', async () => {
      const user = userEvent.setup()
      render(<Labelled unavailableReason={REASON} aria-describedby="extra" />)
      const control = getSwitch()
      expect(control).toBeEnabled()
      expect(control).toHaveAttribute('aria-disabled', 'true')
      expect(control).toHaveAttribute('data-unavailable', '')
      expect(control).toHaveAccessibleDescription(REASON)
      expect(control.getAttribute('aria-describedby')?.split(' ')[0]).toBe('extra')
      expect(screen.getByText(REASON)).toHaveAttribute('data-slot', 'switch-reason')
      await user.tab()
      expect(control).toHaveFocus()
    })

    it('ignores clicks, Space and Enter, but still runs the consumer onClick', async () => {
      const user = userEvent.setup()
      const onCheckedChange = vi.fn()
      const onClick = vi.fn()
      render(<Labelled unavailable aria-describedby="why" onClick={onClick} onCheckedChange={onCheckedChange} />)
      const control = getSwitch()
      await user.click(control)
      control.click()
      await user.keyboard(' ')
      await user.keyboard('{Enter}')
      expect(onCheckedChange).not.toHaveBeenCalled()
      expect(onClick).toHaveBeenCalled()
      expect(control).toHaveAttribute('aria-checked', 'false')
      expect(control).toHaveAttribute('aria-describedby', 'why')
    })

    it('renders nothing extra and is an ordinary switch without it', async () => {
      const user = userEvent.setup()
      const { container } = render(<Labelled />)
      expect(getSwitch()).not.toHaveAttribute('aria-disabled')
      expect(container.querySelector('[data-slot="switch-reason"]')).toBeNull()
      await user.click(getSwitch())
      expect(getSwitch()).toHaveAttribute('aria-checked', 'true')
    })
  })

  describe('native props and handlers', () => {
    it("runs the consumer's onClick first, then toggles", async () => {
      const user = userEvent.setup()
      const order: string[] = []
      render(
        <Labelled
          onClick={() => order.push('consumer')}
          onCheckedChange={(checked) => order.push(`change:${checked}`)}
        />,
      )
      await user.click(getSwitch())
      expect(order).toEqual(['consumer', 'change:true'])
    })

    it('does not toggle when the consumer prevents the default', async () => {
      const user = userEvent.setup()
      const onCheckedChange = vi.fn()
      render(<Labelled onClick={(event) => event.preventDefault()} onCheckedChange={onCheckedChange} />)
      await user.click(getSwitch())
      expect(onCheckedChange).not.toHaveBeenCalled()
      expect(getSwitch()).toHaveAttribute('aria-checked', 'false')
    })

    it('passes native props on and forwards its ref to the button', () => {
      const ref = createRef<HTMLButtonElement>()
      render(<ConsentSwitch ref={ref} aria-label={LABEL} className="mine" aria-describedby="summary" name="improve" />)
      expect(ref.current).toBe(getSwitch())
      expect(ref.current).toBeInstanceOf(HTMLButtonElement)
      expect(getSwitch()).toHaveClass('mine')
      expect(getSwitch()).toHaveAttribute('aria-describedby', 'summary')
    })

    it('can be named with aria-labelledby', () => {
      render(
        <>
          <h3 id="title">{LABEL}</h3>
          <ConsentSwitch aria-labelledby="title" />
        </>,
      )
      expect(getSwitch()).toBeInTheDocument()
    })
  })
})
