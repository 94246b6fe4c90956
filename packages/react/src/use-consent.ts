'use client'
import {
  createConsentStore,
  type ConsentStore,
  type SetOptions,
  type SettingId,
  type SettingState,
} from '@model-consent/core'
// One namespace import: `use` must be read through it (React 18 has none), and a second import line costs bytes.
import * as React from 'react'
import { ConsentContext } from './consent-context'
import { describe } from './messages/check'

/** What `useConsent` returns: the setting's saved state and a setter. */
export interface UseConsentResult extends SettingState {
  /** Saves a new value (source `user` unless told otherwise). Resolves once saved; rejects if it fails. */
  set: (value: boolean, options?: SetOptions) => Promise<void>
}

let fallbackStore: ConsentStore | undefined
/** One in-memory store, private to the kit, shared by hooks used without a provider or store. */
const getFallbackStore = (): ConsentStore => (fallbackStore ??= createConsentStore({ policyVersion: 'unversioned' }))

/**
 * React 19's `use`, which reads a context without taking a hook slot and so may be skipped.
 * `undefined` on React 18 (read through the namespace: a named import would fail there).
 */
const readContext = (React as { use?: <T>(context: React.Context<T>) => T }).use

/** The store `useConsent` would use here: the argument, else the provider's, else the kit's private one. */
export function useResolvedStore(store?: ConsentStore): ConsentStore {
  // With a store argument, React 19 skips the context: a component that does not read the
  // context is not re-checked against it, which React does for every row of a long list.
  const contextStore = readContext
    ? store ?? readContext(ConsentContext).store
    : React.useContext(ConsentContext).store
  const resolved = store ?? contextStore ?? getFallbackStore()
  if (process.env.NODE_ENV !== 'production' && typeof resolved?.getSetting !== 'function') {
    throw new TypeError(`[model-consent] store must be a consent store from createConsentStore, but got ${describe(resolved)}.`)
  }
  return resolved
}

/**
 * Reads one consent setting and re-renders only when that setting changes.
 * Uses the `store` argument, else the nearest `ConsentProvider`'s store, else a private in-memory
 * store. On the server and during hydration it reads the privacy-by-default state (all off).
 *
 * @example
 * const { value, pending, set } = useConsent('improve-model')
 */
export function useConsent(setting: SettingId = 'improve-model', store?: ConsentStore): UseConsentResult {
  const active = useResolvedStore(store)
  // One hook for both functions: a row renders fewer hooks.
  const [subscribe, set] = React.useMemo(
    () => [(onChange: () => void) => active.subscribe(onChange, setting), (value: boolean, options?: SetOptions) => active.set(setting, value, options)] as const,
    [active, setting],
  )
  const state = React.useSyncExternalStore(
    subscribe,
    () => active.getSetting(setting),
    // `getSetting` throws the TypeError naming an unknown setting (the snapshot's settings are a
    // plain object: `constructor` there is Object's); a known one is always in the server snapshot.
    () => (active.getSetting(setting), active.getServerSnapshot().settings[setting]!),
  )
  return React.useMemo(() => ({ ...state, set }), [state, set])
}
