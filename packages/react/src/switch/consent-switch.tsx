import * as SwitchPrimitive from '@radix-ui/react-switch'
import { forwardRef, useCallback } from 'react'
import type { ConsentMessages } from '../messages'
import { useControllableState } from '../shared/use-controllable-state'
import { useStateTexts } from '../shared/use-messages'

type NativeSwitchProps = Omit<
  SwitchPrimitive.SwitchProps,
  'asChild' | 'children' | 'checked' | 'defaultChecked' | 'onCheckedChange'
>

/**
 * Props of {@link ConsentSwitch}. Every native `<button>` prop is accepted and passed
 * on; event handlers run before ours, and `event.preventDefault()` in `onClick` stops
 * the toggle.
 */
export interface ConsentSwitchProps extends NativeSwitchProps {
  /** Whether the switch is on (controlled). Pair with `onCheckedChange`. */
  checked?: boolean | undefined
  /** Whether the switch starts on when uncontrolled. Default `false`: privacy by default. */
  defaultChecked?: boolean | undefined
  /** Called with the requested state when the person toggles the switch. */
  onCheckedChange?: ((checked: boolean) => void) | undefined
  /** The switch cannot be focused or toggled. */
  disabled?: boolean | undefined
  /**
   * A save is in flight: the switch stays focusable but ignores toggles and reports
   * `aria-busy="true"`. Announce the saving state in a live region near it.
   */
  pending?: boolean | undefined
  /**
   * Shows the state as visible text ("On"/"Off") after the track. The text is
   * `aria-hidden`: the role already announces the state, and the accessible name
   * must stay the label alone.
   */
  stateText?: boolean | undefined
  /** Locale of the default texts. */
  locale?: string | undefined
  /** Overrides for the texts (`stateOn`, `stateOff` are used here). */
  messages?: Partial<ConsentMessages> | undefined
}

/**
 * An on/off switch for a consent setting, built on Radix Switch (APG switch pattern:
 * `role="switch"`, `aria-checked`, Space and Enter toggle). It has no name of its own:
 * give it a visible label with `<label htmlFor>` or `aria-labelledby`.
 *
 * @selector [data-slot="switch"] - the button (hit area).
 * @selector [data-slot="switch-track"] - the visible track.
 * @selector [data-slot="switch-thumb"] - the thumb inside the track.
 * @selector [data-slot="switch-state"] - the optional On/Off text.
 * @selector [data-state="checked" | "unchecked"] - on every part.
 * @selector [data-disabled] - present on every part when disabled.
 * @selector [data-pending] - present on every part while a save is in flight.
 */
export const ConsentSwitch = forwardRef<HTMLButtonElement, ConsentSwitchProps>(
  function ConsentSwitch(
    {
      checked: checkedProp,
      defaultChecked = false,
      onCheckedChange,
      disabled = false,
      pending = false,
      stateText = false,
      locale,
      messages: overrides,
      ...buttonProps
    },
    ref,
  ) {
    const texts = useStateTexts(stateText, locale, overrides)
    const [checked, setChecked] = useControllableState({
      prop: checkedProp,
      defaultProp: defaultChecked,
      onChange: onCheckedChange,
      caller: 'ConsentSwitch',
      propName: 'checked',
    })
    // Radix is always controlled by us, so a toggle while pending is simply not applied.
    const requestChange = useCallback(
      (next: boolean) => {
        if (!pending) setChecked(next)
      },
      [pending, setChecked],
    )
    const state = checked ? 'checked' : 'unchecked'
    const flags = {
      'data-state': state,
      'data-disabled': disabled ? '' : undefined,
      'data-pending': pending ? '' : undefined,
    }

    return (
      <SwitchPrimitive.Root
        data-slot="switch"
        {...buttonProps}
        ref={ref}
        aria-busy={pending ? true : buttonProps['aria-busy']}
        data-pending={pending ? '' : undefined}
        checked={checked}
        onCheckedChange={requestChange}
        disabled={disabled}
      >
        <span data-slot="switch-track" {...flags}>
          <SwitchPrimitive.Thumb data-slot="switch-thumb" {...flags} />
        </span>
        {texts ? (
          <span data-slot="switch-state" aria-hidden="true" {...flags}>
            {checked ? texts.stateOn : texts.stateOff}
          </span>
        ) : null}
      </SwitchPrimitive.Root>
    )
  },
)
