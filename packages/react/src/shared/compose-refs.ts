import { useCallback } from './react'
import type { Ref, RefCallback } from 'react'

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value)
  else if (ref) (ref as { current: T | null }).current = value
}

/** One callback ref that sets every given ref (object or callback). Stable while the refs are. */
export function useComposedRefs<T>(...refs: ReadonlyArray<Ref<T> | undefined>): RefCallback<T> {
  // The refs themselves are the dependencies, so the callback only changes when one does.
  return useCallback((node: T | null) => refs.forEach((ref) => assignRef(ref, node)), refs)
}
