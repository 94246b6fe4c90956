import { useCallback, useSyncExternalStore } from 'react'
import { switchId, useRowProbe, write, type CreateList, type RowProbe } from './list'
import * as Switch from './radix-switch'

/** The smallest per-key store an app might write by hand: a Map of booleans and a listener set per key. */
export function createKeyedStore(ids: readonly string[]) {
  const values = new Map<string, boolean>(ids.map((id) => [id, false]))
  const listeners = new Map<string, Set<() => void>>()
  return {
    get: (id: string): boolean => values.get(id) ?? false,
    set(id: string, value: boolean): void {
      if (values.get(id) === value) return
      values.set(id, value)
      for (const listener of [...(listeners.get(id) ?? [])]) listener()
    },
    subscribe(id: string, listener: () => void): () => void {
      const set = listeners.get(id) ?? new Set()
      listeners.set(id, set)
      set.add(listener)
      return () => void set.delete(listener)
    },
  }
}

type KeyedStore = ReturnType<typeof createKeyedStore>

function useKeyed(store: KeyedStore, id: string): boolean {
  const subscribe = useCallback((listener: () => void) => store.subscribe(id, listener), [store, id])
  return useSyncExternalStore(subscribe, () => store.get(id), () => false)
}

interface RowProps {
  id: string
  store: KeyedStore
  probe?: RowProbe | undefined
}

/** The baseline row: the same label, a bare Radix Switch, one `useSyncExternalStore` per key. */
function BaselineRow({ id, store, probe }: RowProps) {
  useRowProbe(probe, id)
  const checked = useKeyed(store, id)
  return (
    <div className="row">
      <label htmlFor={switchId(id)}>Setting {id}</label>
      <Switch.Root id={switchId(id)} className="sw" checked={checked} onCheckedChange={(next) => write(probe, () => store.set(id, next))}>
        <Switch.Thumb />
      </Switch.Root>
    </div>
  )
}

export const createBaselineList: CreateList = (ids) => {
  const store = createKeyedStore(ids)
  function List({ probe }: { probe?: RowProbe | undefined }) {
    return (
      <div className="list">
        {ids.map((id) => (
          <BaselineRow key={id} id={id} store={store} probe={probe} />
        ))}
      </div>
    )
  }
  return { List, ready: Promise.resolve(), read: store.get }
}
