import { en } from './en'
import { resolveMessages } from './resolve'
import type { ConsentMessages, MessageKey } from './types'

/**
 * The messages that tell a person what they agree to, in the fixed order they are hashed.
 * Status text, errors and buttons are left out: rewording them does not change the agreement.
 * The audio and video switch labels are in, because they name what is shared.
 */
export const DISCLOSURE_KEYS = [
  'title',
  'summaryOn',
  'summaryOff',
  'detailsOn',
  'detailsOff',
  'detailsMedia',
  'detailsFromNow',
  'detailsAnyTime',
  'audioLabel',
  'videoLabel',
  'confirmEnableTitle',
  'confirmEnableBody',
  'confirmAudioEnableTitle',
  'confirmAudioEnableBody',
  'confirmVideoEnableTitle',
  'confirmVideoEnableBody',
  'confirmDisableTitle',
  'confirmDisableBody',
  'confirmAudioDisableTitle',
  'confirmAudioDisableBody',
  'confirmVideoDisableTitle',
  'confirmVideoDisableBody',
] as const satisfies readonly MessageKey[]

/** A key of `DISCLOSURE_KEYS`. */
export type DisclosureKey = (typeof DISCLOSURE_KEYS)[number]

const FNV_OFFSET = 0xcbf29ce484222325n
const FNV_PRIME = 0x100000001b3n

/** UTF-8 bytes of `text`, encoded by hand so no `TextEncoder` is needed (older React Native). */
function utf8(text: string): number[] {
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x80) bytes.push(code)
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f))
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f))
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f))
  }
  return bytes
}

/**
 * FNV-1a, 64 bits, of the UTF-8 bytes of `text`, as 16 hex digits.
 * @internal exported for its test vectors only
 */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET
  for (const byte of utf8(text)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * FNV_PRIME)
  return hash.toString(16).padStart(16, '0')
}

/**
 * A stable id of the disclosure words, such as `"disclosure-1a2b3c4d5e6f7a8b"`: a 64-bit FNV-1a
 * hash of the `DISCLOSURE_KEYS` messages in their fixed order. Any change to those words gives a
 * new id; changes to other text (buttons, status, errors) do not. Not a security hash.
 *
 * Pass a locale (with the shipped messages) or the exact messages you show, overrides included.
 * Use it as, or inside, the store's `policyVersion`, so a change in the words asks people again:
 * @example
 * const messages = resolveMessages(locale, overrides)
 * const policyVersion = `2025-06+${disclosureVersion(messages)}`
 * @throws {TypeError} when a disclosure message is not a string.
 */
export function disclosureVersion(source?: string | ConsentMessages): string {
  const messages = typeof source === 'object' && source !== null ? source : resolveMessages(source)
  const entries = DISCLOSURE_KEYS.map((key): [DisclosureKey, string] => {
    const value: unknown = messages[key]
    if (typeof value !== 'string') {
      throw new TypeError(`[model-consent] Message "${key}" must be a string to compute disclosureVersion.`)
    }
    return [key, value]
  })
  // JSON keeps the pairs unambiguous: no text can pass for a key or a boundary.
  return `disclosure-${fnv1a64(JSON.stringify(entries))}`
}

/** `disclosureVersion` of the default English messages, without overrides. */
export const englishDisclosureVersion: string = /* @__PURE__ */ disclosureVersion(en)
