import { checkOverrides, checkText } from './check'
import { warnOnce } from './dev-warning'
import { resolveLocale } from './locale'
import { locales } from './locales'
import type { ConsentMessages, MessageKey } from './types'

export { getDirection, resolveLocale } from './locale'

/**
 * The messages for a locale with the app's overrides on top. Unknown locales fall back to
 * English (see `resolveLocale`). Overrides set to `undefined` are ignored; unknown keys are
 * ignored with a development warning.
 * @throws {TypeError} when an override for a known key is not a string, naming the key and value.
 * @example resolveMessages('de', { learnMore: 'Datenschutzerklärung' })
 */
export function resolveMessages(
  locale?: string,
  overrides?: Partial<ConsentMessages>,
): ConsentMessages {
  const base = locales[resolveLocale(locale)]
  checkOverrides(overrides)
  if (overrides === undefined || overrides === null) return base
  const result: ConsentMessages = { ...base }
  let changed = false
  for (const [key, value] of Object.entries(overrides) as [string, unknown][]) {
    if (!Object.prototype.hasOwnProperty.call(base, key)) {
      warnOnce(`override:${key}`, `Unknown message key "${key}" in \`messages\`; it is ignored.`)
      continue
    }
    checkText(key, value)
    if (value === undefined) continue
    result[key as MessageKey] = value
    changed = true
  }
  return changed ? result : base
}
