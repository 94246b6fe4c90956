import type { ConsentStore, SettingState } from '@model-consent/core'
import { useCallback, useEffect, useSyncExternalStore } from '../shared/react'
import type { RefObject } from 'react'
import type { ModelImprovementSettingProps } from './model-improvement-setting'
import { MAIN_SETTING, MEDIA_IDS, OFF_VIEW, type SettingController } from './setting-view'

const noop = () => {}
const SETTING_IDS: readonly string[] = [MAIN_SETTING, ...MEDIA_IDS]
/** One setting of a store, or `null` when there is no store or the store lacks the id. */
function useStoreSetting(store: ConsentStore | null, id: string): SettingState | null {
  const active = store?.definitions.some((definition) => definition.id === id) ? store : null
  // One subscription per setting, so a change elsewhere in a large store does not re-render the setting.
  const subscribe = useCallback((onChange: () => void) => active?.subscribe(onChange, id) ?? noop, [active, id])
  return useSyncExternalStore(
    subscribe,
    () => active?.getSetting(id) ?? null,
    () => active?.getServerSnapshot().settings[id] ?? null,
  )
}

/**
 * Whether the store has not read its storage yet (an HTTP load, say): what it holds then is not the
 * saved choice. Only `ready` is waited for, so later changes of other settings cost nothing here.
 */
function useStoreLoading(store: ConsentStore | null): boolean {
  // `ready` settles once; a call after unmounting is ignored by React.
  const subscribe = useCallback((onChange: () => void) => (store?.ready.then(onChange), noop), [store])
  return useSyncExternalStore(
    subscribe,
    () => store?.getSnapshot().status === 'loading',
    () => store?.getServerSnapshot().status === 'loading',
  )
}

/** Drives the setting from a consent store (given, or from a provider), through its methods only. */
export function useStoreController(
  store: ConsentStore | null,
  latest: RefObject<ModelImprovementSettingProps>,
): Pick<SettingController, 'read' | 'change' | 'retry'> & { loading: boolean } {
  const loading = useStoreLoading(store)
  const views = [useStoreSetting(store, MAIN_SETTING), useStoreSetting(store, MEDIA_IDS[0]!), useStoreSetting(store, MEDIA_IDS[1]!)]
  useEffect(
    () => store?.onConsentChange((event) => SETTING_IDS.includes(event.setting) && latest.current.onConsentChange?.(event)),
    [store, latest],
  )
  const read = (id: string) => views[SETTING_IDS.indexOf(id)] ?? OFF_VIEW
  const change = (id: string, value: boolean) =>
    void store?.set(id, value, { source: 'user' }).catch((error: Error) => latest.current.onError?.(error))
  return {
    loading,
    read,
    change,
    retry(id) {
      const view = read(id)
      if (view.error) change(id, !view.value)
    },
  }
}
