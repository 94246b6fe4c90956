import { useEffect, useMemo, useRef } from '../shared/react'
import { checkHref } from './safe-href'

/**
 * The explainer's "Learn more" target: `href` checked (see `checkHref`) and cleaned, or
 * `undefined` when there is none or it is refused. A refusal is reported through `onError` after
 * render (never during it), once per distinct href.
 */
export function useLearnMoreHref(href: string | undefined, onError: ((error: Error) => void) | undefined): string | undefined {
  const result = useMemo(() => (href === undefined ? undefined : checkHref(href)), [href])
  const reported = useRef(new Set<string>())

  // Runs only when the href changes; `onError` is then the one of that render.
  useEffect(() => {
    if (href === undefined || !result || result.ok || reported.current.has(href)) return
    reported.current.add(href)
    if (process.env.NODE_ENV !== 'production') console.error(result.error)
    onError?.(result.error)
  }, [result, href])

  return result?.ok ? result.href : undefined
}
