import { useSyncExternalStore } from './react'

const unchanging = () => () => {}

/**
 * The time zone for decision dates: UTC on the server and while hydrating, then the person's own
 * (`undefined`). A server renders in a zone of its own, so near midnight its date and the
 * browser's can differ by a day; UTC on both sides keeps the server HTML and the hydrating render
 * the same, and React renders the person's date right after hydration.
 */
export const useDateZone = (): string | undefined => useSyncExternalStore(unchanging, () => undefined, () => 'UTC')

/**
 * Formats an ISO 8601 time as a short date in the person's locale and time zone (or in
 * `timeZone`, see {@link useDateZone}), for example "26 Nov 2026". Returns `null` when the time cannot be read.
 */
export function formatDecisionDate(iso: string, locale = 'en', timeZone?: string): string | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  // Plain `en` follows day-month-year ("26 Nov 2026"): it reads the same to everyone and is
  // never ambiguous. Regional English (`en-US`) keeps its own order.
  const tag = locale.toLowerCase() === 'en' ? 'en-GB' : locale
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone }
  // `toLocaleDateString` is `Intl.DateTimeFormat(tag, options).format(date)` (ECMA-402), in fewer bytes.
  try {
    return date.toLocaleDateString(tag, options)
  } catch {
    // An invalid locale tag (RangeError) must not break the page.
    return date.toLocaleDateString('en-GB', options)
  }
}
