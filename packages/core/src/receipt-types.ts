import type { ChangeSource, SettingId } from './types'

/**
 * A consent receipt: a JSON record of what a person chose, shaped after ISO/IEC TS 27560
 * (consent record information structure) and the Kantara Initiative Consent Receipt v1.1.
 * Plain JSON (strings, booleans, `null`), so `JSON.stringify` gives the file to hand over.
 * The JSON Schema is `@model-consent/core/receipt.schema.json`.
 */
export interface ConsentReceipt {
  /** The receipt format version. Always `1` for this shape; a breaking change gets a new number. */
  readonly version: 1
  /** Unique id of this receipt (a random UUID v4 unless `receiptId` was given). */
  readonly receiptId: string
  /** ISO 8601 UTC time the receipt was issued. */
  readonly issuedAt: string
  /** The pseudonymous id of the person, or `null`. Never a name or an email address. */
  readonly subject: { readonly id: string } | null
  /** Who holds the data and answers for its use, or `null`. */
  readonly controller: ConsentReceiptController | null
  /** The notice the choices were made under. */
  readonly notice: ConsentReceiptNotice
  /**
   * One entry per setting, in definition order (`store.definitions`). A receipt made from a
   * snapshot alone lists them in the snapshot's key order, which is definition order except that
   * integer-like ids (`"2"`, `"10"`) come first, ascending, as in any JavaScript object.
   */
  readonly consents: readonly ConsentReceiptEntry[]
}

/** The data controller named on a receipt. */
export interface ConsentReceiptController {
  /** Legal or trading name. */
  readonly name: string
  /** Where to reach them about privacy: an email address or a URL. `null` if not given. */
  readonly contact: string | null
}

/** The notice (the words shown) that decisions on a receipt were made under. */
export interface ConsentReceiptNotice {
  /** The store's current `policyVersion`. */
  readonly policyVersion: string
  /** `disclosureVersion` of the exact words shown (from `@model-consent/react`), or `null` if not given. */
  readonly disclosureVersion: string | null
  /** BCP 47 locale of the words shown, such as `fr` or `pt-BR`, or `null` if not given. */
  readonly locale: string | null
}

/**
 * What the person's consent to one purpose is now, after ISO/IEC TS 27560's consent status:
 * - `given`: on, by a decision.
 * - `not-given`: off: never decided, or decided off.
 * - `expired`: was on, and lapsed because the policy changed; the person has not chosen again.
 */
export type ConsentReceiptState = 'given' | 'not-given' | 'expired'

/**
 * How the current decision was collected (Kantara "collection method"):
 * - `explicit-action`: the person turned it on or off themselves (`user`).
 * - `app-default`: the app set it explicitly (`api`, including an uncontrolled `defaultValue`).
 * - `synced`: the person's own choice, made in another tab or device (`sync`).
 * - `policy-change`: turned off because the policy changed (`policy`).
 * - `requirement-off`: turned off because a setting it needs was turned off (`cascade`).
 * - `reset`: turned off by a reset of all settings (`reset`).
 * - `none`: never collected: no decision.
 */
export type ConsentReceiptCollectionMethod =
  | 'explicit-action'
  | 'app-default'
  | 'synced'
  | 'policy-change'
  | 'requirement-off'
  | 'reset'
  | 'none'

/** One purpose on a receipt and the person's consent to it. */
export interface ConsentReceiptEntry {
  /** The setting id, such as `improve-model`. */
  readonly setting: SettingId
  /** What the data is used for, in plain English. */
  readonly purpose: string
  /** See {@link ConsentReceiptState}. */
  readonly state: ConsentReceiptState
  /** The saved value. */
  readonly value: boolean
  /** Whether it counts now: on, and every setting it requires on too. */
  readonly effective: boolean
  /** ISO 8601 time of the decision, or `null` if never decided. */
  readonly decidedAt: string | null
  /** The policy version the decision was made under, or `null` if never decided. */
  readonly policyVersion: string | null
  /** The store's source of the decision, or `null` if never decided. */
  readonly source: ChangeSource | null
  /** See {@link ConsentReceiptCollectionMethod}. */
  readonly collectionMethod: ConsentReceiptCollectionMethod
  /**
   * `{ value: false, reason }` when a rule the person cannot change holds the setting off
   * (organization, age, region or the app's own reason), else `null`. A managed setting's
   * `value` and `state` show it off; its `decidedAt`/`source` are still the person's own decision.
   */
  readonly managed: { readonly value: false; readonly reason: string } | null
}

/** Options of `createConsentReceipt`. Every one is optional. */
export interface ConsentReceiptOptions {
  /**
   * A pseudonymous id of the person (an account id or a random id, at most 200 characters).
   * An email address is refused: a receipt is often downloaded, shared and kept.
   */
  subject?: string
  /** The data controller: `{ name, contact? }`. */
  controller?: { name: string; contact?: string }
  /** `disclosureVersion(messages)` of the words the person was shown. */
  disclosureVersion?: string
  /** The locale of the words the person was shown. */
  locale?: string
  /** Purpose texts by setting id, over the defaults for `improve-model`, `include-audio`, `include-video`. */
  purposes?: Readonly<Record<SettingId, string>>
  /** The receipt id. Default: a random UUID v4. */
  receiptId?: string
  /** Clock for `issuedAt`. Default: `() => new Date()`. */
  now?: () => Date
}
