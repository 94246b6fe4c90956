import type { ChangeSource, ConsentDecision } from '@model-consent/core'
import { useEffect, useRef, useState } from '../shared/react'
import type { RefObject } from 'react'
import type { ModelImprovementSettingProps } from './model-improvement-setting'
import { MAIN_SETTING, MEDIA_IDS, OFF_VIEW, requirementOff, type SettingController } from './setting-view'

type Decisions = Readonly<Record<string, ConsentDecision>>

const decide = (value: boolean, decidedAt: string, policyVersion: string, source: ChangeSource): ConsentDecision =>
  Object.freeze({ value, decidedAt, policyVersion, source })

/**
 * An opt-in made under another policy version reads off, as a `policy` decision dated like the
 * opt-in (the store's rule), so `needsReconsent` shows until the person decides again.
 */
const current = (decision: ConsentDecision | undefined, policyVersion: string): ConsentDecision | undefined =>
  decision?.value && decision.policyVersion !== policyVersion ? decide(false, decision.decidedAt, policyVersion, 'policy') : decision

/**
 * Uncontrolled mode without a store: the decisions live in the component, with the rules a
 * consent store applies to them. Each change is a decision (`decidedAt`, `policyVersion`,
 * `source`) dated later than every earlier one; turning the main setting off turns the
 * recordings off (`cascade`), which cannot be turned on while it is off; a new `policyVersion`
 * makes earlier opt-ins lapse (`policy`). Every change that turns a value fires one event, as the
 * store's would. `defaultValue` applies once, after mount, as `api` changes, so the server and
 * the hydrating browser both render everything off first.
 */
export function useLocalController(
  enabled: boolean,
  policyVersion: string,
  defaultValue: Readonly<Record<string, boolean>> | undefined,
  latest: RefObject<ModelImprovementSettingProps>,
): Pick<SettingController, 'read' | 'change' | 'retry'> {
  const [decisions, setDecisions] = useState<Decisions>({})
  // What the next change starts from: a change may follow another before React renders it.
  const recordedRef = useRef({ decisions, time: -Infinity })

  const apply = (id: string | null, value: boolean, source: ChangeSource) => {
    const recorded = recordedRef.current
    const version = policyVersion
    const all: Record<string, ConsentDecision> = {}
    const events: Array<[string, ConsentDecision, boolean]> = []
    const on = (key: string) => all[key]?.value === true
    const record = (key: string, decision: ConsentDecision, previousValue = on(key)) => {
      all[key] = decision
      if (previousValue !== decision.value) events.push([key, decision, previousValue])
    }
    // Opt-ins of another policy version lapse first: they are decisions too, with their events.
    for (const key in recorded.decisions) record(key, current(recorded.decisions[key], version)!, recorded.decisions[key]!.value)
    let changed = events.length > 0
    if (id !== null) {
      if (value && id !== MAIN_SETTING && !on(MAIN_SETTING)) {
        latest.current.onError?.(requirementOff(id))
        return
      }
      if (value !== on(id) || all[id]?.source === 'policy') {
        const at = new Date((recorded.time = Math.max(Date.now(), recorded.time + 1))).toISOString()
        record(id, decide(value, at, version, source))
        if (!value && id === MAIN_SETTING) for (const media of MEDIA_IDS) if (on(media)) record(media, decide(false, at, version, 'cascade'))
        changed = true
      }
    }
    if (!changed) return
    recorded.decisions = all
    setDecisions(all)
    for (const [setting, decision, previousValue] of events) {
      latest.current.onConsentChange?.(
        Object.freeze({
          type: 'consent-change',
          setting,
          value: decision.value,
          previousValue,
          effective: decision.value && (setting === MAIN_SETTING || on(MAIN_SETTING)),
          source: decision.source,
          policyVersion: version,
          timestamp: decision.decidedAt,
        }),
      )
    }
  }

  const defaultsApplied = useRef(false)
  useEffect(() => {
    if (!enabled) return
    // Opt-ins of an earlier policy version lapse, with their events.
    apply(null, false, 'policy')
    if (defaultsApplied.current) return
    defaultsApplied.current = true
    // Applied once, like any uncontrolled default: later `defaultValue` changes are ignored.
    for (const id of [MAIN_SETTING, ...MEDIA_IDS]) if (defaultValue?.[id] === true) apply(id, true, 'api')
  }, [enabled, policyVersion])

  const shown = (id: string) => current(decisions[id], policyVersion)
  return {
    read(id) {
      const decision = shown(id)
      if (!decision) return OFF_VIEW
      const value = decision.value
      const effective = value && (id === MAIN_SETTING || shown(MAIN_SETTING)?.value === true)
      return { ...OFF_VIEW, value, effective, decision, needsReconsent: decision.source === 'policy' && !value }
    },
    change: (id, value) => apply(id, value, 'user'),
    retry() {},
  }
}
