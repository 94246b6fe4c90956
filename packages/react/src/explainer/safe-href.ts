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

function refuse(href: string, reason: string): HrefCheck {
  const shown = JSON.stringify(href)
  return {
    ok: false,
    error: new TypeError(
      `ConsentExplainer: learnMoreHref ${shown} was refused (${reason}). ` +
        'Only https:, http:, mailto: and relative URLs (/path, ./path, path, #hash, ?query) are accepted.',
    ),
  }
}

/**
 * Checks a link target the way a browser will read it, so that tricks such as
 * `" JavaScript:"` or `"java\tscript:"` cannot slip through. Returns the cleaned href.
 */
export function checkHref(href: string): HrefCheck {
  const cleaned = href.replace(TAB_OR_NEWLINE, '').replace(EDGE_JUNK, '')
  if (cleaned === '') return refuse(href, 'it is empty')
  if (CONTROL.test(cleaned)) return refuse(href, 'it contains control characters')
  const scheme = SCHEME.exec(cleaned)?.[1]
  if (scheme === undefined) return { ok: true, href: cleaned }
  const protocol = `${scheme.toLowerCase()}:`
  if (!ALLOWED_SCHEMES.includes(protocol)) return refuse(href, `the ${protocol} scheme is not allowed`)
  return { ok: true, href: cleaned }
}
