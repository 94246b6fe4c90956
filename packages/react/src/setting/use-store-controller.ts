import {
  createConsentStore,
  memoryStorage,
  type ConsentChangeEvent,
  type ConsentStore,
  type SettingState,
} from '@model-consent/core'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react'
import { MAIN_SETTING, MEDIA_SETTINGS, OFF_VIEW, type SettingController } from './setting-view'

const noop = () => {}
const SETTING_IDS: readonly string[] = [MAIN_SETTING, MEDIA_SETTINGS.audio, MEDIA_SETTINGS.video]
const ignore = () => () => {}

/** One setting of a store, or `null` when there is no store or the store lacks the id. */
function useStoreSetting(store: ConsentStore | null, id: string): SettingState | null {
  const known = store?.definitions.some((definition) => definition.id === id) ?? false
  const subscribe = useCallback(
    (onChange: () => void) => (store && known ? store.subscribe(onChange, id) : noop),
    [store, known, id],
  )
  return useSyncExternalStore(
    store && known ? subscribe : ignore,
    () => (store && known ? store.getSetting(id) : null),
    () => (store && known ? (store.getServerSnapshot().settings[id] ?? null) : null),
  )
}

/**
 * The internal store of uncontrolled mode: in memory, with `defaultValue` applied once as
 * `api` changes. A new `policyVersion` makes a new store over the same memory, so earlier
 * opt-ins lapse exactly as they would with real storage.
 */
export function useInternalStore(
  enabled: boolean,
  policyVersion: string,
  defaultValue: Readonly<Record<string, boolean>> | undefined,
  ids: readonly string[],
  onErrorRef: RefObject<((error: Error) => void) | undefined>,
): ConsentStore | null {
  const [storage] = useState(memoryStorage)
  const store = useMemo(
    () =>
      enabled
        ? createConsentStore({ policyVersion, storage, onError: (error) => onErrorRef.current?.(error) })
        : null,
    [enabled, policyVersion, storage, onErrorRef],
  )
  const defaultsApplied = useRef(false)
  useEffect(() => {
    if (!store || defaultsApplied.current) return
    defaultsApplied.current = true
    for (const id of ids) {
      if (defaultValue?.[id] === true) store.set(id, true, { source: 'api' }).catch(noop)
    }
    // Applied once, like any uncontrolled default: later `defaultValue` changes are ignored.
  }, [store, defaultValue, ids])
  return store
}

/** Drives the setting from a consent store (given, from a provider, or internal). */
export function useStoreController(
  store: ConsentStore | null,
  internal: boolean,
  onConsentChangeRef: RefObject<((event: ConsentChangeEvent) => void) | undefined>,
  onErrorRef: RefObject<((error: Error) => void) | undefined>,
): Pick<SettingController, 'read' | 'change' | 'retry'> {
  const byId = new Map([
    [MAIN_SETTING, useStoreSetting(store, MAIN_SETTING)],
    [MEDIA_SETTINGS.audio, useStoreSetting(store, MEDIA_SETTINGS.audio)],
    [MEDIA_SETTINGS.video, useStoreSetting(store, MEDIA_SETTINGS.video)],
  ])

  useEffect(() => {
    if (!store) return
    return store.onConsentChange((event) => {
      if (SETTING_IDS.includes(event.setting)) onConsentChangeRef.current?.(event)
    })
  }, [store, onConsentChangeRef])

  const read = (id: string) => byId.get(id) ?? OFF_VIEW
  const change = (id: string, value: boolean) => {
    store?.set(id, value, { source: 'user' }).catch((error: Error & { code?: string }) => {
      // The internal store reports its own save failures through onError already.
      if (!(internal && error.code === 'save-failed')) onErrorRef.current?.(error)
    })
  }
  const retry = (id: string) => {
    const view = byId.get(id)
    if (view?.error) change(id, !view.value)
  }
  return { read, change, retry }
}
