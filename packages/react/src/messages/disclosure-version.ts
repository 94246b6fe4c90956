import { en } from './en'
import { resolveMessages } from './resolve'
import type { LocaleInput } from './locale-set'
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

/**
 * FNV-1a, 64 bits, of the UTF-8 bytes of `text` (as `TextEncoder` writes them), as 16 hex
 * digits. The 64-bit state is four 16-bit limbs (most significant first), so plain number
 * arithmetic stays exact and no `BigInt` is needed: multiplying by the prime 2^40 + 0x1b3 is
 * `h * 0x1b3` plus `h` shifted left by 40 bits, carried limb by limb.
 * @internal exported for its test vectors only
 */
export function fnv1a64(text: string): string {
  let h3 = 0xcbf2
  let h2 = 0x9ce4
  let h1 = 0x8422
  let h0 = 0x2325
  for (const byte of new TextEncoder().encode(text)) {
    h0 ^= byte
    const t0 = h0 * 0x1b3
    const t1 = h1 * 0x1b3 + (t0 >>> 16)
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16)
    h3 = (h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16)) & 0xffff
    h2 = t2 & 0xffff
    h1 = t1 & 0xffff
    h0 = t0 & 0xffff
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('')
}

/** Versions already computed, by messages object: the shipped tables are hashed once per page or server. */
const versions = new WeakMap<object, string>()

/**
 * A stable id of the disclosure words, such as `"disclosure-1a2b3c4d5e6f7a8b"`: a 64-bit FNV-1a
 * hash of the `DISCLOSURE_KEYS` messages in their fixed order. Any change to those words gives a
 * new id; changes to other text (buttons, status, errors) do not. Not a security hash.
 *
 * Pass the exact messages you show (overrides included) or a locale set; with nothing or an English
 * tag it hashes the built-in English. A tag of another language hashes English, with a development
 * warning: pass that language's set instead.
 * Use it as, or inside, the store's `policyVersion`, so a change in the words asks people again:
 * @example
 * const messages = resolveMessages(locale, overrides)
 * const policyVersion = `2025-06+${disclosureVersion(messages)}`
 * @throws {TypeError} when a disclosure message is not a string.
 */
export function disclosureVersion(source?: LocaleInput | ConsentMessages): string {
  return versionOf(typeof source === 'object' && source !== null ? source : resolveMessages(source))
}

/**
 * `disclosureVersion` of messages already resolved: what the setting uses, so that it does not
 * bundle the resolution of a tag (and the prompt's English words with it).
 * @internal
 */
export function versionOf(messages: Pick<ConsentMessages, DisclosureKey>): string {
  const known = versions.get(messages)
  if (known !== undefined) return known
  const entries = DISCLOSURE_KEYS.map((key): [DisclosureKey, string] => {
    const value: unknown = messages[key]
    if (typeof value !== 'string') {
      throw new TypeError(
        process.env.NODE_ENV !== 'production' ? `[model-consent] Message "${key}" must be a string to compute disclosureVersion.` : `Message "${key}"`,
      )
    }
    return [key, value]
  })
  // JSON keeps the pairs unambiguous: no text can pass for a key or a boundary.
  const version = `disclosure-${fnv1a64(JSON.stringify(entries))}`
  // Only frozen messages are remembered: words changed in place must give a new version.
  if (Object.isFrozen(messages)) versions.set(messages, version)
  return version
}

/** `disclosureVersion` of the default English messages, without overrides. */
export const englishDisclosureVersion: string = /* @__PURE__ */ disclosureVersion(en)
