import type { ChangeSource, ConsentDecision, StoredConsent } from '@model-consent/core'

/** A valid stored decision. */
export function decision(
  value: boolean,
  policyVersion = 'v1',
  source: ChangeSource = 'user',
  decidedAt = '2025-06-01T12:00:00.000Z',
): ConsentDecision {
  return { value, decidedAt, policyVersion, source }
}

/** Valid stored data with the given decisions. */
export function stored(decisions: Record<string, ConsentDecision>): StoredConsent {
  return { formatVersion: 1, decisions }
}

/** The JSON text of valid stored data. */
export function storedText(decisions: Record<string, ConsentDecision>): string {
  return JSON.stringify(stored(decisions))
}

/** Values by setting id, for terse assertions. */
export function values(snapshot: { settings: Readonly<Record<string, { value: boolean }>> }): Record<string, boolean> {
  return Object.fromEntries(Object.entries(snapshot.settings).map(([id, state]) => [id, state.value]))
}
