/** @jsxImportSource ../shared/jsx */
import { useEffect, useMemo, useRef } from '../shared/react'
import type { ReactNode } from 'react'
import { checkHref } from './safe-href'

/** Props of {@link LearnMoreLink}. */
export interface LearnMoreLinkProps {
  /** The link target as the app gave it; checked before use. */
  href: string
  /** Receives the `TypeError` when `href` is refused, once per distinct href. */
  onError?: ((error: Error) => void) | undefined
  children: ReactNode
}

/**
 * The explainer's "Learn more" link. Renders nothing when the href is refused, and
 * reports the refusal after render (never during it), once per distinct href.
 *
 * @selector [data-slot="explainer-learn-more"]
 */
export function LearnMoreLink({ href, onError, children }: LearnMoreLinkProps) {
  const result = useMemo(() => checkHref(href), [href])
  const onErrorRef = useRef(onError)
  useEffect(() => {
    onErrorRef.current = onError
  })
  const reported = useRef(new Set<string>())

  useEffect(() => {
    if (result.ok || reported.current.has(href)) return
    reported.current.add(href)
    if (process.env.NODE_ENV !== 'production') console.error(result.error)
    onErrorRef.current?.(result.error)
  }, [result, href])

  if (!result.ok) return null
  return (
    <a data-slot="explainer-learn-more" href={result.href}>
      {children}
    </a>
  )
}
