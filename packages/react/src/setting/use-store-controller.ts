import type { ConsentStore, SettingState } from '@model-consent/core'
import { useCallback, useEffect, useSyncExternalStore, type RefObject } from 'react'
import type { ModelImprovementSettingProps } from './model-improvement-setting'
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

/** Drives the setting from a consent store (given, or from a provider), through its methods only. */
export function useStoreController(
  store: ConsentStore | null,
  latest: RefObject<ModelImprovementSettingProps>,
): Pick<SettingController, 'read' | 'change' | 'retry'> {
  const byId = new Map([
    [MAIN_SETTING, useStoreSetting(store, MAIN_SETTING)],
    [MEDIA_SETTINGS.audio, useStoreSetting(store, MEDIA_SETTINGS.audio)],
    [MEDIA_SETTINGS.video, useStoreSetting(store, MEDIA_SETTINGS.video)],
  ])

  useEffect(() => {
    if (!store) return
    return store.onConsentChange((event) => {
      if (SETTING_IDS.includes(event.setting)) latest.current.onConsentChange?.(event)
    })
  }, [store, latest])

  const read = (id: string) => byId.get(id) ?? OFF_VIEW
  const change = (id: string, value: boolean) => {
    store?.set(id, value, { source: 'user' }).catch((error: Error) => latest.current.onError?.(error))
  }
  const retry = (id: string) => {
    const view = byId.get(id)
    if (view?.error) change(id, !view.value)
  }
  return { read, change, retry }
}
