import { describe } from './errors'
import type { ConsentReceiptOptions } from './receipt-types'
import type { ConsentSnapshot, ConsentStore } from './types'

/** The first three are the only sources that can turn a setting on (as in stored data). */
const SOURCES = ['user', 'api', 'sync', 'policy', 'cascade', 'reset']
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function fail(what: string, value: unknown, expected: string): never {
  throw new TypeError(`createConsentReceipt: ${what} is ${describe(value)}, expected ${expected}`)
}

function checkDecision(id: string, decision: unknown): void {
  if (decision === null) return
  const ok =
    isObject(decision) &&
    typeof decision.value === 'boolean' &&
    typeof decision.decidedAt === 'string' &&
    typeof decision.policyVersion === 'string' &&
    SOURCES.indexOf(decision.source as string) >>> 0 < (decision.value ? 3 : 6)
  if (!ok) fail(`storeOrSnapshot.settings[${JSON.stringify(id)}].decision`, decision, 'null or a ConsentDecision')
}

/** The snapshot of a store, or the snapshot itself after checking its shape. */
export function readSnapshot(input: unknown): ConsentSnapshot {
  const expected = 'a consent store or a snapshot from store.getSnapshot()'
  if (isObject(input) && typeof input.getSnapshot === 'function') {
    return readSnapshot((input as unknown as ConsentStore).getSnapshot())
  }
  if (!isObject(input) || !isObject(input.settings) || typeof input.policyVersion !== 'string') {
    fail('storeOrSnapshot', input, expected)
  }
  for (const [id, state] of Object.entries(input.settings)) {
    const ok =
      isObject(state) &&
      typeof state.value === 'boolean' &&
      typeof state.effective === 'boolean' &&
      typeof state.needsReconsent === 'boolean' &&
      'decision' in state &&
      // A receipt attests only what a decision says: on only by an opt-in, effective only when on.
      (!state.value || (state.decision as { value?: unknown } | null)?.value === true) &&
      (!state.effective || state.value)
    if (!ok) fail(`storeOrSnapshot.settings[${JSON.stringify(id)}]`, state, 'a SettingState')
    checkDecision(id, state.decision)
    const lock = state.managed
    if (lock !== undefined && lock !== null && !(isObject(lock) && lock.value === false && isText(lock.reason))) {
      fail(`storeOrSnapshot.settings[${JSON.stringify(id)}].managed`, lock, 'null or { value: false, reason }')
    }
  }
  return input as unknown as ConsentSnapshot
}

/** The options, checked one by one. */
export function readReceiptOptions(options: unknown): Required<Pick<ConsentReceiptOptions, 'now'>> & ConsentReceiptOptions {
  if (!isObject(options)) fail('options', options, 'an object or undefined')
  const { subject, controller, disclosureVersion, locale, purposes, receiptId, now } = options
  if (subject !== undefined) {
    if (!isText(subject) || subject.length > 200) fail('options.subject', subject, 'a non-empty string of at most 200 characters')
    if (EMAIL.test(subject.trim())) fail('options.subject', subject, 'a pseudonymous id, not an email address')
  }
  if (controller !== undefined) {
    const ok = isObject(controller) && isText(controller.name) && (controller.contact === undefined || isText(controller.contact))
    if (!ok) fail('options.controller', controller, '{ name: string, contact?: string } with non-empty strings')
  }
  if (disclosureVersion !== undefined && !isText(disclosureVersion)) {
    fail('options.disclosureVersion', disclosureVersion, 'a non-empty string from disclosureVersion()')
  }
  if (locale !== undefined && (typeof locale !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(locale))) {
    fail('options.locale', locale, 'a BCP 47 locale such as "en" or "pt-BR"')
  }
  if (purposes !== undefined) {
    if (!isObject(purposes)) fail('options.purposes', purposes, 'an object of purpose texts by setting id')
    for (const [id, text] of Object.entries(purposes)) {
      if (!isText(text)) fail(`options.purposes[${JSON.stringify(id)}]`, text, 'a non-empty string')
    }
  }
  if (receiptId !== undefined && !isText(receiptId)) fail('options.receiptId', receiptId, 'a non-empty string')
  if (now !== undefined && typeof now !== 'function') fail('options.now', now, 'a function returning a Date')
  return { ...(options as ConsentReceiptOptions), now: (now as (() => Date) | undefined) ?? (() => new Date()) }
}
