/**
 * Runs the consumer's handler first, then ours unless the consumer called
 * `event.preventDefault()`. This lets an app add an `onClick` without breaking the
 * component, and opt out of our behaviour on purpose.
 */
export function composeEventHandlers<E extends { readonly defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}
