/** @jsxImportSource ../shared/jsx */
import * as SwitchPrimitive from '@radix-ui/react-switch'
import type { MouseEvent, ReactNode } from 'react'
import { forwardRef, useId } from '../shared/react'
import type { LocaleInput } from '../messages/locale-set'
import type { ConsentMessages } from '../messages/types'
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
   * "Not available, with a reason": the switch cannot be changed right now, and the person
   * should be able to find it and hear why. Unlike `disabled` it stays in the Tab order,
   * reports `aria-disabled="true"`, and presses, clicks and keys do nothing (consumer
   * `onClick` handlers still run). Say why: point `aria-describedby` at the element that
   * explains it (for example one reason shared by several switches), or pass
   * `unavailableReason` to render it next to the switch.
   */
  unavailable?: boolean
  /**
   * Why the switch is unavailable, in words ("Turn on … first", "Set by your organisation").
   * Rendered right after the switch as `[data-slot="switch-reason"]` and added to its
   * `aria-describedby`. Giving a reason makes the switch unavailable (see `unavailable`).
   */
  unavailableReason?: ReactNode
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
  /** Locale of the default texts: a set such as `fr` from `@model-consent/react/locales/fr`, or an English tag. Default: the provider's, else English. */
  locale?: LocaleInput | undefined
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
 * @selector [data-unavailable] - present on every part while `unavailable` (focusable, `aria-disabled`).
 * @selector [data-slot="switch-reason"] - the `unavailableReason` text, after the button.
 */
export const ConsentSwitch = forwardRef<HTMLButtonElement, ConsentSwitchProps>(
  function ConsentSwitch(
    {
      checked: checkedProp,
      defaultChecked = false,
      onCheckedChange,
      disabled = false,
      unavailable = false,
      unavailableReason,
      pending = false,
      stateText = false,
      locale,
      messages: overrides,
      onClick,
      'aria-describedby': describedByProp,
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
    const reasonId = useId()
    const hasReason = unavailableReason !== undefined && unavailableReason !== null && unavailableReason !== false
    const blocked = unavailable || hasReason
    // Space and Enter on a button fire `click` too, so this one guard covers pointer, keys and AT.
    // Radix skips its toggle when the click's default is prevented.
    const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
      onClick?.(event)
      if (blocked) event.preventDefault()
    }
    const describedBy = hasReason ? (describedByProp ? `${describedByProp} ${reasonId}` : reasonId) : describedByProp || undefined
    // Radix puts `data-state` and `data-disabled` on the button and the thumb itself.
    const marks = {
      'data-pending': pending ? '' : undefined,
      'data-unavailable': blocked ? '' : undefined,
    }
    const flags = { 'data-state': checked ? 'checked' : 'unchecked', 'data-disabled': disabled ? '' : undefined, ...marks }

    const root = (
      <SwitchPrimitive.Root
        data-slot="switch"
        {...buttonProps}
        ref={ref}
        aria-busy={pending ? true : buttonProps['aria-busy']}
        aria-disabled={blocked ? true : buttonProps['aria-disabled']}
        aria-describedby={describedBy}
        {...marks}
        checked={checked}
        // Radix is always controlled by us, so a toggle while pending or unavailable is simply not applied.
        onCheckedChange={(next) => !pending && !blocked && setChecked(next)}
        onClick={handleClick}
        disabled={disabled}
      >
        <span data-slot="switch-track" {...flags}>
          <SwitchPrimitive.Thumb data-slot="switch-thumb" {...marks} />
        </span>
        {texts ? (
          <span data-slot="switch-state" aria-hidden="true" {...flags}>
            {checked ? texts.stateOn : texts.stateOff}
          </span>
        ) : null}
      </SwitchPrimitive.Root>
    )
    if (!hasReason) return root
    return (
      <>
        {root}
        <span data-slot="switch-reason" id={reasonId} {...flags}>
          {unavailableReason}
        </span>
      </>
    )
  },
)
