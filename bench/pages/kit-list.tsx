import { ConsentSwitch, createConsentStore, useConsent, type ConsentStore } from '@model-consent/react'
import { switchId, useRowProbe, write, type CreateList, type RowProbe } from './list'

interface RowProps {
  id: string
  store: ConsentStore
  probe?: RowProbe | undefined
}

/** One setting the way an app builds it with the kit: a label, `ConsentSwitch`, `useConsent`. */
function KitRow({ id, store, probe }: RowProps) {
  useRowProbe(probe, id)
  const { value, pending, set } = useConsent(id, store)
  return (
    <div className="row">
      <label htmlFor={switchId(id)}>Setting {id}</label>
      <ConsentSwitch
        id={switchId(id)}
        className="sw"
        checked={value}
        pending={pending}
        onCheckedChange={(next) => write(probe, () => void set(next))}
      />
    </div>
  )
}

/** N rows bound to one consent store with custom settings `[{ id: 's0' }, …]` (in-memory storage). */
export const createKitList: CreateList = (ids) => {
  const store = createConsentStore({ policyVersion: 'bench-1', settings: ids.map((id) => ({ id })) })
  function List({ probe }: { probe?: RowProbe | undefined }) {
    return (
      <div className="list">
        {ids.map((id) => (
          <KitRow key={id} id={id} store={store} probe={probe} />
        ))}
      </div>
    )
  }
  return { List, ready: store.ready, read: (id) => store.getSetting(id).value }
}
