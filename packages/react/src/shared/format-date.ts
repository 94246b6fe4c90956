const OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }

/**
 * Formats an ISO 8601 time as a short date in the person's locale and time zone,
 * for example "26 Nov 2026". Returns `null` when the time cannot be read.
 */
export function formatDecisionDate(iso: string, locale = 'en'): string | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  // Plain `en` follows day-month-year ("26 Nov 2026"): it reads the same to everyone and is
  // never ambiguous. Regional English (`en-US`) keeps its own order.
  const tag = locale.toLowerCase() === 'en' ? 'en-GB' : locale
  // `toLocaleDateString` is `Intl.DateTimeFormat(tag, OPTIONS).format(date)` (ECMA-402), in fewer bytes.
  try {
    return date.toLocaleDateString(tag, OPTIONS)
  } catch {
    // An invalid locale tag (RangeError) must not break the page.
    return date.toLocaleDateString('en-GB', OPTIONS)
  }
}
