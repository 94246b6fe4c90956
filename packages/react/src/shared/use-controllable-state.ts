import { useEffect, useRef, useState } from './react'

/** Options for {@link useControllableState}. */
export interface UseControllableStateOptions<T> {
  /** The controlled value. `undefined` means uncontrolled. */
  prop: T | undefined
  /** The initial value when uncontrolled. */
  defaultProp: T
  /** Called with the next value whenever a change is requested and differs from the current one. */
  onChange?: ((value: T) => void) | undefined
  /** Component name used in the development warning, for example `ConsentSwitch`. */
  caller: string
  /** Name of the controlled prop in the warning. Default `value`. */
  propName?: string
}

/**
 * A value that is either controlled by the parent (`prop` defined) or kept here
 * (`defaultProp`), with one setter for both. In controlled mode the setter only asks
 * the parent through `onChange`; what is shown changes when the parent passes a new
 * `prop`. Warns in development when a component flips between the two modes.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
  caller,
  propName = 'value',
}: UseControllableStateOptions<T>): readonly [T, (next: T) => void] {
  const [uncontrolled, setUncontrolled] = useState<T>(defaultProp)
  const isControlled = prop !== undefined
  const value = isControlled ? prop : uncontrolled

  // The check exists in development builds only: bundlers fold the condition to a constant, so
  // the hooks it calls are the same on every render of a given build.
  if (process.env.NODE_ENV !== 'production') {
    useModeFlipWarning(isControlled, caller, propName)
  }

  // Not memoised: it changes with `value` and with an inline `onChange` anyway, and a plain
  // closure is cheaper than comparing dependencies on every render of a long list.
  const setValue = (next: T) => {
    if (Object.is(next, value)) return
    if (!isControlled) setUncontrolled(next)
    onChange?.(next)
  }

  return [value, setValue] as const
}

/** Warns (development only) when a component flips between controlled and uncontrolled. */
function useModeFlipWarning(isControlled: boolean, caller: string, propName: string): void {
  const wasControlled = useRef(isControlled)
  useEffect(() => {
    if (wasControlled.current === isControlled) return
    const from = wasControlled.current ? 'controlled' : 'uncontrolled'
    const to = isControlled ? 'controlled' : 'uncontrolled'
    console.warn(
      `${caller} is changing from ${from} to ${to}. Decide between a controlled ` +
        `(\`${propName}\`) and an uncontrolled value for the lifetime of the component.`,
    )
    wasControlled.current = isControlled
  }, [isControlled, caller, propName])
}
