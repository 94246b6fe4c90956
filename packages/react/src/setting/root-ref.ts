import { useCallback } from '../shared/react'
import type { Ref, RefCallback, RefObject } from 'react'
import { useComposedRefs } from '../shared/compose-refs'

/**
 * The root's ref: hands the root element to `refs` (the forwarded one among them), with its `focus()` moving focus to the
 * main switch. A `<div>` cannot take focus itself, and form libraries focus a field through its
 * ref (react-hook-form's `setFocus` and focus on a validation error), so the root delegates focus
 * as a shadow root with `delegatesFocus` would.
 */
export function useRootRef(
  mainSwitch: RefObject<HTMLButtonElement | null>,
  ...refs: ReadonlyArray<Ref<HTMLDivElement> | undefined>
): RefCallback<HTMLDivElement> {
  const delegate = useCallback(
    (node: HTMLDivElement | null) => {
      if (!node) return
      const inherited = Object.getPrototypeOf(node).focus as HTMLElement['focus']
      // Some test tools re-use an element's `focus` for other elements (Storybook's instrumented
      // user-event): for anything but this root it stays the inherited one.
      node.focus = function focus(this: HTMLElement, options?: FocusOptions) {
        if (this === node) mainSwitch.current?.focus(options)
        else inherited.call(this, options)
      }
    },
    [mainSwitch],
  )
  return useComposedRefs(delegate, ...refs)
}
