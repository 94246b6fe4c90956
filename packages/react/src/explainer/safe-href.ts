/** The URL schemes a "Learn more" link may use. Relative URLs are accepted too. */
export const ALLOWED_SCHEMES: readonly string[] = ['https:', 'http:', 'mailto:']

/** The result of {@link checkHref}: the cleaned href to render, or the reason it was refused. */
export type HrefCheck =
  | { readonly ok: true; readonly href: string }
  | { readonly ok: false; readonly error: TypeError }

// Browsers drop leading and trailing C0 controls and spaces, and every tab and newline
// anywhere, before they read the scheme: `java\nscript:` runs as `javascript:`.
// Unicode spaces are dropped at the edges too, which is stricter than a browser: good.
const EDGE_JUNK = /^[\u0000-\u0020\s]+|[\u0000-\u0020\s]+$/g
const TAB_OR_NEWLINE = /[\t\n\r]/g
// Any control character left in the middle makes the href suspicious.
const CONTROL = /[\u0000-\u001f\u007f]/
const SCHEME = /^([a-z][a-z0-9+.-]*):/i
// Two slashes or backslashes in any mix start a scheme-relative URL (`//host/x`, `\\host`, `/\host`):
// browsers read it as another host, so it is not "relative" in the sense this check allows.
const SCHEME_RELATIVE = /^[/\\]{2}/

/** The text with what browsers drop before reading a URL dropped (see `EDGE_JUNK`). */
const clean = (text: string): string => text.replace(TAB_OR_NEWLINE, '').replace(EDGE_JUNK, '')

/**
 * Whether `text` is scheme-relative, as it is or percent-decoded up to three times (enough for
 * double encoding): routers and servers that decode before redirecting would turn `%2F%2Fhost`
 * into `//host`. Decoding never removes a leading `//`, so checking each round is the same as
 * checking the last one.
 */
function schemeRelative(text: string): boolean {
  for (let round = 0; round < 4; round++) {
    if (SCHEME_RELATIVE.test(clean(text))) return true
    let next: string
    try {
      next = decodeURIComponent(text)
    } catch {
      return false
    }
    if (next === text) return false
    text = next
  }
  return false
}

/** Why `cleaned` is refused (development builds only, for the error message). */
function reasonFor(cleaned: string, scheme: string | undefined): string {
  if (cleaned === '') return 'it is empty'
  if (CONTROL.test(cleaned)) return 'it contains control characters'
  if (schemeRelative(cleaned)) return 'it is protocol-relative, so it would lead to another site'
  return `the ${scheme?.toLowerCase()}: scheme is not allowed`
}

/**
 * Checks a link target the way a browser will read it, so that tricks such as
 * `" JavaScript:"` or `"java\tscript:"` cannot slip through. Returns the cleaned href.
 */
export function checkHref(href: string): HrefCheck {
  const cleaned = clean(href)
  const scheme = SCHEME.exec(cleaned)?.[1]
  const refused =
    cleaned === '' ||
    CONTROL.test(cleaned) ||
    schemeRelative(cleaned) ||
    (scheme !== undefined && !ALLOWED_SCHEMES.includes(`${scheme.toLowerCase()}:`))
  if (!refused) return { ok: true, href: cleaned }
  const shown = JSON.stringify(href)
  // Production names the refused href; why, and what is accepted, is development-only text.
  const message =
    process.env.NODE_ENV !== 'production'
      ? `ConsentExplainer: learnMoreHref ${shown} was refused (${reasonFor(cleaned, scheme)}). ` +
        'Only https:, http:, mailto: and relative URLs (/path, ./path, path, #hash, ?query) are accepted.'
      : `learnMoreHref ${shown}`
  return { ok: false, error: new TypeError(message) }
}
