import {
  ConsentProvider,
  createConsentStore,
  memoryStorage,
  ModelImprovementSetting,
  type ModelImprovementSettingProps,
  type StoredConsent,
} from '@model-consent/react'
import { useMemo, useState } from 'react'
import { createSimulatedServer, type ServerFailure } from './simulated-server'

/** Story args that drive the simulated server. */
export interface ServerArgs {
  /** Milliseconds the simulated server takes to answer. */
  serverLatency: number
  /** Whether the simulated server's saves fail: never, always, or only the first one. */
  serverFailure: ServerFailure
}

const showValue = (value: Readonly<Record<string, boolean>>) =>
  ['improve-model', 'include-audio', 'include-video'].map((id) => `${id}: ${value[id] ? 'on' : 'off'}`).join(', ')

/**
 * Controlled mode against a simulated server: the app keeps `value`, and `onValueChange` returns
 * the server's promise, so the setting shows "saving" until it settles and rolls back on a failure.
 */
export function ControlledSetting({
  serverLatency,
  serverFailure,
  onValueChange,
  value: initialValue,
  ...props
}: ModelImprovementSettingProps & ServerArgs) {
  const server = useMemo(
    () => createSimulatedServer({ latency: serverLatency, failure: serverFailure }),
    [serverLatency, serverFailure],
  )
  const [value, setValue] = useState<Readonly<Record<string, boolean>>>(initialValue ?? {})
  return (
    <div className="story-stack">
      <ModelImprovementSetting
        {...props}
        value={value}
        onValueChange={async (next, event) => {
          await onValueChange?.(next, event)
          await server.save(next)
          setValue(next)
        }}
      />
      <p className="story-note">
        The app’s <code>value</code>: {showValue(value)}
      </p>
    </div>
  )
}

/**
 * Store-backed mode: a consent store whose storage is the simulated server (async `load` and
 * `save`), shared through a `ConsentProvider`.
 */
export function StoreBackedSetting({
  serverLatency,
  serverFailure,
  policyVersion = '2026-11',
  ...props
}: ModelImprovementSettingProps & ServerArgs) {
  const store = useMemo(
    () =>
      createConsentStore({
        policyVersion,
        storage: createSimulatedServer({ latency: serverLatency, failure: serverFailure }).storage,
        // The component reports failed saves through its own `onError` (see the Actions panel).
        onError: () => {},
      }),
    [policyVersion, serverLatency, serverFailure],
  )
  return (
    <ConsentProvider store={store}>
      <ModelImprovementSetting {...props} />
    </ConsentProvider>
  )
}

/** Decisions saved under an older policy: the person had turned training and audio on in May. */
const savedUnderOldPolicy: StoredConsent = {
  formatVersion: 1,
  decisions: {
    'improve-model': { value: true, decidedAt: '2026-05-04T09:00:00.000Z', policyVersion: '2026-05', source: 'user' },
    'include-audio': { value: true, decidedAt: '2026-05-04T09:01:00.000Z', policyVersion: '2026-05', source: 'user' },
  },
}

/**
 * Re-consent after a policy change: a store over `memoryStorage` seeded with opt-ins made under
 * policy `2026-05`, opened under `2026-11`. The opt-ins lapse and the notice asks again.
 */
export function ReconsentSetting(props: ModelImprovementSettingProps) {
  const store = useMemo(
    () => createConsentStore({ policyVersion: '2026-11', storage: memoryStorage(savedUnderOldPolicy) }),
    [],
  )
  return <ModelImprovementSetting store={store} {...props} />
}
