import fc from 'fast-check'
import { createConsentStore } from '@model-consent/core'
import type { ConsentDecision, ConsentStorage, ConsentStore } from '@model-consent/core'
import { mergeDecision, sameDecision } from '../../../packages/core/src/merge'
import { flush } from './support/controllable-storage'

// Several tabs (stores) on one shared storage. Change notifications are delayed, reordered and
// duplicated; with asynchronous storage, saves are held and settle in any order, and storage
// refuses a save built on stale data (the conflict protocol, as a server with ETags does).
// Tabs reload or close at any point, even with saves in flight.

const ids = ['improve-model', 'include-audio', 'include-video'] as const
type Id = (typeof ids)[number]
const parentOf: Partial<Record<Id, Id>> = { 'include-audio': 'improve-model', 'include-video': 'improve-model' }

type Command =
  | { kind: 'set'; tab: number; id: Id; value: boolean }
  | { kind: 'deliver'; index: number; duplicate: boolean }
  | { kind: 'release'; index: number; ok: boolean }
  | { kind: 'hold'; on: boolean }
  | { kind: 'reload'; tab: number }
  | { kind: 'flush' }

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), tab: fc.nat(2), id: fc.constantFrom(...ids), value: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), index: fc.nat(9), duplicate: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('release' as const), index: fc.nat(9), ok: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hold' as const), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reload' as const), tab: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flush' as const) }) },
)

interface Shared {
  text: string | null
  version: number
  async: boolean
  /** Storage refuses a save built on data older than what it holds (ETag / If-Match). */
  conflicts: boolean
  hold: boolean
  held: { release(ok: boolean): void }[]
  /** Notifications not delivered yet: to which page, and the (possibly stale) payload. */
  inbox: { tab: number; payload: string | null }[]
  listeners: Map<number, (data: unknown) => void>
  /** Every decision storage ever accepted, merged by the rule: nothing in it may be lost. */
  committed: Map<string, ConsentDecision>
  clock: number
  problems: string[]
}

let pages = 0

/** One tab's adapter over the shared storage; remembers the version its last read saw. */
function adapter(shared: Shared): ConsentStorage {
  // Each page has its own adapter: a reloaded tab is a new page, told about its predecessor's late saves.
  const tab = ++pages
  let seen = -1
  const accept = (text: string) => {
    shared.text = text
    shared.version++
    const decisions = (JSON.parse(text) as { decisions: Record<string, ConsentDecision> }).decisions
    for (const [id, decision] of Object.entries(decisions)) shared.committed.set(id, mergeDecision(shared.committed.get(id), decision)!)
    for (const other of shared.listeners.keys()) if (other !== tab) shared.inbox.push({ tab: other, payload: text })
  }
  return {
    load() {
      if (!shared.async) return shared.text
      const version = shared.version
      const text = shared.text
      return Promise.resolve().then(() => {
        seen = version
        return text
      })
    },
    save(data) {
      const text = JSON.stringify(data)
      if (!shared.async) return accept(text)
      const basis = seen
      const settle = (ok: boolean): Promise<void> => {
        if (!ok) return Promise.reject(new Error('HTTP 500'))
        if (shared.conflicts && basis !== shared.version) return Promise.reject(Object.assign(new Error('HTTP 412'), { conflict: true }))
        accept(text)
        return Promise.resolve()
      }
      if (!shared.hold) return settle(true)
      return new Promise<void>((resolve, reject) => {
        const entry = {
          release(ok: boolean) {
            shared.held.splice(shared.held.indexOf(entry), 1)
            settle(ok).then(resolve, reject)
          },
        }
        shared.held.push(entry)
      })
    },
    subscribe(listener) {
      shared.listeners.set(tab, listener)
      return () => void shared.listeners.delete(tab)
    },
  }
}

function open(shared: Shared, tabs: ConsentStore[], tab: number): void {
  tabs[tab]?.destroy()
  const store = createConsentStore({
    policyVersion: 'v1',
    storage: adapter(shared),
    // One clock for every tab, a millisecond per reading; ties still happen between tabs' derived decisions.
    now: () => new Date(Date.UTC(2026, 0, 1) + shared.clock++),
    onError: () => undefined,
  })
  store.subscribe(() => check(shared, store))
  tabs[tab] = store
}

function check(shared: Shared, store: ConsentStore): void {
  const { settings } = store.getSnapshot()
  for (const id of ids) {
    const parent = parentOf[id]
    if (settings[id]!.effective && (!settings[id]!.value || (parent && !settings[parent]!.value))) {
      shared.problems.push(`${id} effective while it or its parent is off`)
    }
    if (settings[id]!.value && !['user', 'api', 'sync'].includes(settings[id]!.decision?.source ?? '')) {
      shared.problems.push(`${id} on without an explicit decision`)
    }
  }
}

const valuesOf = (store: ConsentStore) => JSON.stringify(ids.map((id) => store.getSnapshot().settings[id]!.value))

async function settle(shared: Shared, tabs: ConsentStore[]): Promise<void> {
  shared.hold = false
  let quiet = -1
  for (let round = 0; round < 60; round++) {
    await flush()
    while (shared.held.length > 0) shared.held[0]!.release(true)
    const inbox = shared.inbox.splice(0)
    for (const { tab, payload } of inbox) shared.listeners.get(tab)?.(payload)
    await flush()
    const busy = tabs.some((store) => store.getSnapshot().status !== 'ready' || Object.values(store.getSnapshot().settings).some((s) => s.pending))
    // Quiet, and still quiet after another round: a write back may still be on its way.
    if (!busy && shared.held.length === 0 && shared.inbox.length === 0) {
      if (quiet === shared.version) return
      quiet = shared.version
    } else quiet = -1
  }
  shared.problems.push('did not settle')
}

async function checkSettled(shared: Shared, tabs: ConsentStore[]): Promise<void> {
  const reader = createConsentStore({ policyVersion: 'v1', storage: { load: () => shared.text, save: () => undefined } })
  await reader.ready
  const stored = valuesOf(reader)
  tabs.forEach((store, tab) => {
    if (valuesOf(store) !== stored) shared.problems.push(`tab ${tab} shows ${valuesOf(store)} but storage holds ${stored}`)
  })
  const decisions = shared.text ? (JSON.parse(shared.text) as { decisions: Record<string, ConsentDecision> }).decisions : {}
  for (const [id, best] of shared.committed) {
    const kept = decisions[id]
    if (!kept || !sameDecision(mergeDecision(kept, best), kept)) {
      shared.problems.push(`storage lost ${id}: ${JSON.stringify(best)} was saved, storage now holds ${JSON.stringify(kept)}`)
    }
  }
}

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261201 : undefined

describe('several tabs on one storage, under random interleavings', () => {
  const modes = {
    'synchronous (localStorage)': { async: false, conflicts: false, reloads: true },
    'asynchronous with conflicts (a server with ETags), tabs reloading': { async: true, conflicts: true, reloads: true },
    // Without conflict detection a decision can only survive while some tab that knows it is open.
    'asynchronous, last write wins, tabs staying open': { async: true, conflicts: false, reloads: false },
  } as const
  for (const [mode, { async, conflicts, reloads }] of Object.entries(modes)) {
    it(`converge with nothing saved ever lost: ${mode}`, async () => {
      let runs = 0
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), async (commands) => {
          runs++
          const shared: Shared = {
            text: null, version: 0, async, conflicts, hold: false, held: [], inbox: [],
            listeners: new Map(), committed: new Map(), clock: 0, problems: [],
          }
          const tabs: ConsentStore[] = []
          for (const tab of [0, 1, 2]) open(shared, tabs, tab)
          for (const cmd of commands) {
            switch (cmd.kind) {
              case 'set':
                void tabs[cmd.tab]!.set(cmd.id, cmd.value).catch(() => undefined)
                break
              case 'deliver': {
                const note = shared.inbox[cmd.index % Math.max(1, shared.inbox.length)]
                if (!note) break
                if (!cmd.duplicate) shared.inbox.splice(shared.inbox.indexOf(note), 1)
                shared.listeners.get(note.tab)?.(note.payload)
                break
              }
              case 'release':
                shared.held[cmd.index % Math.max(1, shared.held.length)]?.release(cmd.ok)
                break
              case 'hold':
                shared.hold = cmd.on && shared.async
                break
              case 'reload':
                if (reloads) open(shared, tabs, cmd.tab)
                break
              case 'flush':
                await flush()
                break
            }
            await flush(2)
          }
          await settle(shared, tabs)
          await checkSettled(shared, tabs)
          for (const store of tabs) store.destroy()
          expect(shared.problems).toEqual([])
        }),
        { numRuns: 10_000, ...(SEED === undefined ? {} : { seed: SEED }) },
      )
      expect(runs).toBeGreaterThanOrEqual(10_000)
    }, 60_000)
  }
})
