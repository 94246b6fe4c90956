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
 * digits. `BigInt` keeps the 64-bit arithmetic exact in a few tokens (ES2020, inside the ES2022
 * target); it runs once per message set (see `versions` below), so its speed does not matter.
 * @internal exported for its test vectors only
 */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n
  for (const byte of new TextEncoder().encode(text)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n)
  return hash.toString(16).padStart(16, '0')
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
