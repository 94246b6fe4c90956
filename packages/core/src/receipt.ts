import { describe } from './errors'
import { readReceiptOptions, readSnapshot } from './receipt-input'
import type {
  ConsentReceipt,
  ConsentReceiptCollectionMethod,
  ConsentReceiptEntry,
  ConsentReceiptOptions,
} from './receipt-types'
import type { ChangeSource, ConsentSnapshot, ConsentStore, SettingId, SettingState } from './types'

/** The purposes of the kit's own settings, in plain English. */
const DEFAULT_PURPOSES: Readonly<Record<SettingId, string>> = {
  'improve-model': 'Use of your conversations to train and improve models for everyone.',
  'include-audio': 'Use of your audio recordings to train models, as part of model improvement.',
  'include-video': 'Use of your video recordings to train models, as part of model improvement.',
}

const METHODS: Readonly<Record<ChangeSource, ConsentReceiptCollectionMethod>> = {
  user: 'explicit-action',
  api: 'app-default',
  sync: 'synced',
  policy: 'policy-change',
  cascade: 'requirement-off',
  reset: 'reset',
}

function entry(setting: SettingId, state: SettingState, purpose: string): ConsentReceiptEntry {
  const decision = state.decision
  const lock = (state as { managed?: { reason: string } | null }).managed
  const value = lock ? false : state.value
  return {
    setting,
    purpose,
    state: value ? 'given' : state.needsReconsent && !lock ? 'expired' : 'not-given',
    value,
    effective: value && state.effective,
    decidedAt: decision?.decidedAt ?? null,
    policyVersion: decision?.policyVersion ?? null,
    source: decision?.source ?? null,
    collectionMethod: decision ? METHODS[decision.source] : 'none',
    managed: lock ? { value: false, reason: lock.reason } : null,
  }
}

/** A random UUID v4 from `crypto.getRandomValues`, which, unlike `randomUUID`, also works outside secure contexts. */
function randomUuid(): string {
  const crypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto
  if (typeof crypto?.getRandomValues !== 'function') {
    throw new TypeError('createConsentReceipt: no crypto.getRandomValues here; pass options.receiptId')
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * A consent receipt of a store's (or a snapshot's) current decisions: who decided what, when,
 * under which notice and how, shaped after ISO/IEC TS 27560 and the Kantara Consent Receipt.
 * The result is plain JSON; `JSON.stringify(receipt, null, 2)` is the file to offer as
 * "Download my choices". Each field is described on {@link ConsentReceipt}.
 *
 * @example
 * await store.ready
 * const receipt = createConsentReceipt(store, {
 *   subject: account.pseudonymousId,
 *   controller: { name: 'Example AI Ltd', contact: 'privacy@example.com' },
 *   disclosureVersion: disclosureVersion(fr), // fr: the locale set shown, from '@model-consent/react/locales/fr'
 *   locale: fr.locale,
 * })
 * @throws {TypeError} when `storeOrSnapshot` is neither a store nor a snapshot, when it has not
 *   loaded yet (await `store.ready` first), or when an option is not what its docs say.
 */
export function createConsentReceipt(
  storeOrSnapshot: ConsentStore | ConsentSnapshot,
  options: ConsentReceiptOptions = {},
): ConsentReceipt {
  const snapshot = readSnapshot(storeOrSnapshot)
  if (snapshot.status !== 'ready') {
    throw new TypeError(
      `createConsentReceipt: storeOrSnapshot has status ${describe(snapshot.status)}, expected "ready"; await store.ready first, so the receipt shows saved decisions`,
    )
  }
  // A store's settings in definition order; a snapshot's keys would put integer-like ids first.
  const definitions = (storeOrSnapshot as Partial<ConsentStore>).definitions
  const ids = Array.isArray(definitions) ? definitions.map((definition) => definition.id) : Object.keys(snapshot.settings)
  const read = readReceiptOptions(options)
  const purposes = { ...DEFAULT_PURPOSES, ...read.purposes }
  const issued = read.now()
  // A date-time with a four-digit year, as the receipt's schema requires (NaN for an invalid Date).
  const year = issued instanceof Date ? issued.getUTCFullYear() : NaN
  if (!(year >= 0 && year < 1e4)) {
    throw new TypeError(`createConsentReceipt: options.now() returned ${describe(issued)}, expected a Date in the years 0000 to 9999`)
  }
  return {
    version: 1,
    receiptId: read.receiptId ?? randomUuid(),
    issuedAt: issued.toISOString(),
    subject: read.subject === undefined ? null : { id: read.subject },
    controller: read.controller ? { name: read.controller.name, contact: read.controller.contact ?? null } : null,
    notice: {
      policyVersion: snapshot.policyVersion,
      disclosureVersion: read.disclosureVersion ?? null,
      locale: read.locale ?? null,
    },
    consents: ids.map((setting) =>
      // Own purposes only: a setting called `constructor` must not get Object's.
      entry(setting, snapshot.settings[setting]!, Object.hasOwn(purposes, setting) ? purposes[setting]! : setting),
    ),
  }
}

export type {
  ConsentReceipt,
  ConsentReceiptCollectionMethod,
  ConsentReceiptController,
  ConsentReceiptEntry,
  ConsentReceiptNotice,
  ConsentReceiptOptions,
  ConsentReceiptState,
} from './receipt-types'
