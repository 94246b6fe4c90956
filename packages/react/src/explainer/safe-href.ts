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

/**
 * `href` percent-decoded up to three times (enough for double encoding), then cleaned as a browser
 * would. Routers and servers that decode before redirecting would turn `%2F%2Fhost` into `//host`.
 */
function decoded(href: string): string {
  let text = href
  for (let round = 0; round < 3; round++) {
    let next: string
    try {
      next = decodeURIComponent(text)
    } catch {
      break
    }
    if (next === text) break
    text = next
  }
  return text.replace(TAB_OR_NEWLINE, '').replace(EDGE_JUNK, '')
}

// Bundlers fold this constant, so the reasons below leave production builds.
const DEV = process.env.NODE_ENV !== 'production'

function refuse(href: string, reason: string | false): HrefCheck {
  const shown = JSON.stringify(href)
  return {
    ok: false,
    // Production names the refused href; why, and what is accepted, is development-only text.
    error: new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `ConsentExplainer: learnMoreHref ${shown} was refused (${reason}). ` +
            'Only https:, http:, mailto: and relative URLs (/path, ./path, path, #hash, ?query) are accepted.'
        : `learnMoreHref ${shown}`,
    ),
  }
}

/**
 * Checks a link target the way a browser will read it, so that tricks such as
 * `" JavaScript:"` or `"java\tscript:"` cannot slip through. Returns the cleaned href.
 */
export function checkHref(href: string): HrefCheck {
  const cleaned = href.replace(TAB_OR_NEWLINE, '').replace(EDGE_JUNK, '')
  if (cleaned === '') return refuse(href, DEV && 'it is empty')
  if (CONTROL.test(cleaned)) return refuse(href, DEV && 'it contains control characters')
  if (SCHEME_RELATIVE.test(cleaned) || SCHEME_RELATIVE.test(decoded(cleaned))) {
    return refuse(href, DEV && 'it is protocol-relative, so it would lead to another site')
  }
  const scheme = SCHEME.exec(cleaned)?.[1]
  if (scheme === undefined) return { ok: true, href: cleaned }
  const protocol = `${scheme.toLowerCase()}:`
  if (!ALLOWED_SCHEMES.includes(protocol)) return refuse(href, DEV && `the ${protocol} scheme is not allowed`)
  return { ok: true, href: cleaned }
}
