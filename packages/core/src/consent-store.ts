import { ConsentError, describe } from './errors'
import { readManaged } from './managed'
import { createSettingGraph, modelImprovementSettings } from './settings'
import { memoryStorage } from './storage/memory-storage'
import { loadAndSync } from './store-load'
import { createStoreState } from './store-state'
import { createWriter } from './store-writes'
import { unknownSetting, validateOptions, validateSetArguments } from './validate-options'
import type { ConsentErrorLike, ConsentStore, ConsentStoreOptions, SetOptions, SettingId } from './types'

/**
 * Creates a consent store: the saved decisions for a set of boolean settings, which all start off.
 * Built from closures, so every method works unbound.
 *
 * @example
 * const store = createConsentStore({ policyVersion: '2026-11', storage: localStorageAdapter() })
 * store.onConsentChange((event) => analytics.track(event))
 * await store.set('improve-model', true)
 */
export function createConsentStore(options: ConsentStoreOptions): ConsentStore {
  validateOptions(options)
  const graph = createSettingGraph(options.settings ?? modelImprovementSettings)
  const managed = readManaged(options.managed, 'createConsentStore', graph.ids)
  const report = (error: ConsentErrorLike): void => {
    try {
      ;(options.onError ?? console.error)(error)
    } catch {
      // An onError that throws must not break the store.
    }
  }
  const state = createStoreState(
    graph,
    options.policyVersion,
    options.storage ?? memoryStorage(),
    options.now ?? (() => new Date()),
    report,
    options.eventTarget,
    'initialData' in options && options.initialData !== undefined ? { data: options.initialData } : undefined,
    managed,
  )
  // Nothing outside this store can read its default in-memory storage: keep changes in the
  // store's own state and skip building a stored record nobody would load.
  if (options.storage === undefined) state.memoryOnly = true
  // The writer reads storage through the loader (one parser, one record of reads); the loader asks the writer for repairs.
  let loader: ReturnType<typeof loadAndSync> | undefined
  const writer = createWriter(state, {
    read: () => loader!.readForSave(),
    committed: () => loader!.committed(),
    hints: () => loader!.hints(),
    reread: () => loader!.reread(),
  })
  loader = loadAndSync(state, writer.repair)
  writer.after(loader.ready)

  const unknown = (setting: unknown) => unknownSetting(graph, setting)
  const destroyedError = (setting?: SettingId) =>
    new ConsentError('destroyed', 'This consent store was destroyed.', { setting })

  return {
    getSnapshot: () => state.keeper.snapshot(),
    getSetting(setting: SettingId) {
      const found = state.keeper.setting(setting)
      if (!found) throw unknown(setting)
      return found
    },
    getServerSnapshot: () => state.serverSnapshot,
    subscribe(listener: () => void, setting?: SettingId): () => void {
      if (typeof listener !== 'function') {
        throw new TypeError(
          process.env.NODE_ENV !== 'production'
            ? `subscribe expects a function, got ${describe(listener)}`
            : 'listener',
        )
      }
      // A wrapper per registration, so the same function subscribed twice is removed once each.
      const wrapper = () => listener()
      if (setting === undefined) {
        state.listeners.add(wrapper)
        return () => void state.listeners.delete(wrapper)
      }
      if (!graph.has(setting)) throw unknown(setting)
      const forSetting = state.settingListeners.get(setting) ?? new Set()
      forSetting.add(wrapper)
      state.settingListeners.set(setting, forSetting)
      return () => void forSetting.delete(wrapper)
    },
    onConsentChange: (handler) => state.emitter.on(handler),
    set(setting: SettingId, value: boolean, setOptions?: SetOptions): Promise<void> {
      let source: 'user' | 'api'
      try {
        source = validateSetArguments(graph, setting, value, setOptions)
      } catch (error) {
        return Promise.reject(error)
      }
      if (state.destroyed) return Promise.reject(destroyedError(setting))
      const lock = managed.get(setting)
      if (lock) {
        return Promise.reject(new ConsentError('managed', `${describe(setting)} is managed (${lock.reason}): it stays off.`, { setting }))
      }
      return writer.set(setting, value, source, setOptions?.record === true)
    },
    reset: () => (state.destroyed ? Promise.reject(destroyedError()) : writer.reset()),
    ready: loader.ready,
    definitions: graph.definitions,
    destroy(): void {
      // Writes already made still run on the loaded base and save (or reject and report): no choice is dropped.
      state.destroyed = true
      loader.stop()
      state.listeners.clear()
      state.settingListeners.clear()
      state.emitter.clear()
    },
  }
}
