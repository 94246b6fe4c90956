import { en } from './en'
import type { ConsentMessages } from './types'

export type { ConsentMessages, MessageKey } from './types'
export { en }

/**
 * The messages for a locale with the app's overrides on top.
 * Unknown locales fall back to English.
 */
export function resolveMessages(
  _locale?: string,
  overrides?: Partial<ConsentMessages>,
): ConsentMessages {
  return overrides ? { ...en, ...overrides } : en
}

/** Fills `{name}` placeholders. Unknown placeholders are left as they are. */
export function formatMessage(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? (values[name] as string) : match,
  )
}
