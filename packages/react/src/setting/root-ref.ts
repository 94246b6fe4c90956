import { useCallback, type Ref, type RefCallback, type RefObject } from 'react'
import { useComposedRefs } from '../shared/compose-refs'

/**
 * The root's ref: hands the root element to `forwarded`, with its `focus()` moving focus to the
 * main switch. A `<div>` cannot take focus itself, and form libraries focus a field through its
 * ref (react-hook-form's `setFocus` and focus on a validation error), so the root delegates focus
 * as a shadow root with `delegatesFocus` would.
 */
export function useRootRef(
  forwarded: Ref<HTMLDivElement> | undefined,
  mainSwitch: RefObject<HTMLButtonElement | null>,
): RefCallback<HTMLDivElement> {
  const delegate = useCallback(
    (node: HTMLDivElement | null) => {
      if (node) node.focus = (options?: FocusOptions) => mainSwitch.current?.focus(options)
    },
    [mainSwitch],
  )
  return useComposedRefs(delegate, forwarded)
}
