import fc from 'fast-check'
import { createConsentStore, memoryStorage } from '@model-consent/core'
import type { ConsentChangeEvent, ConsentErrorLike, ConsentSnapshot, ConsentStore, SetSource } from '@model-consent/core'
import { controllableStorage, flush } from './support/controllable-storage'
import type { ControllableStorage, SaveMode } from './support/controllable-storage'

const ids = ['improve-model', 'include-audio', 'include-video'] as const
type Id = (typeof ids)[number]
const parentOf: Partial<Record<Id, Id>> = { 'include-audio': 'improve-model', 'include-video': 'improve-model' }

type Command =
  | { kind: 'set'; id: Id; value: boolean; source: SetSource }
  | { kind: 'bad-set'; variant: 'id' | 'value' | 'source' }
  | { kind: 'external'; decisions: { id: Id; value: boolean; oldPolicy: boolean }[] }
  | { kind: 'mode'; mode: SaveMode }
  | { kind: 'settle-one'; index: number; ok: boolean }
  | { kind: 'policy-bump'; blocked: boolean }
  | { kind: 'reset' }
  | { kind: 'flush' }

const id = fc.constantFrom(...ids)
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), id, value: fc.boolean(), source: fc.constantFrom<SetSource>('user', 'api') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bad-set' as const), variant: fc.constantFrom('id' as const, 'value' as const, 'source' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('external' as const),
      decisions: fc.array(fc.record({ id, value: fc.boolean(), oldPolicy: fc.boolean() }), { maxLength: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('mode' as const), mode: fc.constantFrom<SaveMode>('pass', 'hold', 'fail') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('settle-one' as const), index: fc.nat(8), ok: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('policy-bump' as const), blocked: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reset' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flush' as const) }) },
)

/** One "tab" under test: the store, what it reported, and what the model allows. */
interface World {
  storage: ControllableStorage
  store: ConsentStore
  policyVersion: string
  generation: number
  /** Settings a user/api set or a current-policy external opt-in may have turned on since the last policy bump. */
  allowedOn: Set<Id>
  errors: ConsentErrorLike[]
  /** `storage.commits` when a merge with another tab's change failed to save; storage may differ until the next save lands. */
  divergedAt: number | null
  memoryOnly: boolean
  outstanding: Promise<unknown>[]
  /** The value of each setting as told by events since ready; `null` before ready. */
  told: Record<Id, boolean> | null
  problems: string[]
}

const valuesOf = (snapshot: ConsentSnapshot) => Object.fromEntries(ids.map((i) => [i, snapshot.settings[i]!.value])) as Record<Id, boolean>

function open(world: World, policyVersion: string): void {
  const generation = ++world.generation
  world.policyVersion = policyVersion
  world.told = null
  const store = createConsentStore({
    policyVersion,
    storage: world.storage,
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, world.generation * 1000 + world.storage.attempts.length)),
    onError: (error) => {
      world.errors.push(error)
      if (/another tab/.test(error.message)) world.divergedAt = world.storage.commits
      if (error.code === 'storage-unavailable') world.memoryOnly = true
    },
  })
  world.store = store
  let seen = store.getSnapshot()
  store.subscribe(() => {
    const next = store.getSnapshot()
    if (next === seen) world.problems.push('subscribers were notified but the snapshot object did not change')
    else if (fingerprint(next) === fingerprint(seen)) world.problems.push('a new snapshot object was published though nothing changed')
    seen = next
  })
  store.onConsentChange((event) => checkEvent(world, store, event))
  world.outstanding.push(
    store.ready.then(() => {
      if (world.generation === generation) world.told = valuesOf(store.getSnapshot())
    }),
  )
}

/** Snapshot contents as text; each error object counts as itself (a new failure is a change). */
const errorIds = new WeakMap<object, number>()
let errorCount = 0
function fingerprint(snapshot: unknown): string {
  return JSON.stringify(snapshot, (_key, value: unknown) => {
    if (!(value instanceof Error)) return value
    if (!errorIds.has(value)) errorIds.set(value, ++errorCount)
    return `${value.message}#${errorIds.get(value)}`
  })
}

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261126 : undefined

function checkEvent(world: World, store: ConsentStore, event: ConsentChangeEvent): void {
  const setting = event.setting as Id
  const state = store.getSnapshot().settings[setting]
  if (event.value === event.previousValue) world.problems.push(`event without a change: ${JSON.stringify(event)}`)
  if (state?.value !== event.value) world.problems.push(`event value ${event.value} but the snapshot shows ${state?.value}`)
  if (state?.effective !== event.effective) world.problems.push(`event effective ${event.effective} disagrees with the snapshot`)
  if (event.value && !['user', 'api', 'sync'].includes(event.source)) world.problems.push(`turned on by ${event.source}`)
  if (!Object.isFrozen(event)) world.problems.push('event not frozen')
  if (event.policyVersion !== world.policyVersion) world.problems.push('event names another policy version')
  if (world.told) {
    if (world.told[setting] !== event.previousValue) world.problems.push(`event previousValue ${event.previousValue} but it was ${world.told[setting]}`)
    world.told[setting] = event.value
  } else if (event.value && event.source !== 'sync') {
    // Before `ready`, only another tab (which a person drove) may turn something on.
    world.problems.push(`a load-time event turned ${setting} on`)
  }
}

function checkStep(world: World): void {
  const snapshot = world.store.getSnapshot()
  if (world.store.getSnapshot() !== snapshot) world.problems.push('getSnapshot returned a new object with no change')
  for (const i of ids) {
    const state = snapshot.settings[i]!
    if (state.value && !world.allowedOn.has(i)) world.problems.push(`${i} is on though nothing turned it on`)
    const parent = parentOf[i]
    if (state.effective && (!state.value || (parent && !snapshot.settings[parent]!.value))) {
      world.problems.push(`${i} is effective while it or its parent is off`)
    }
    if (world.told && world.told[i] !== state.value) world.problems.push(`${i} changed from ${world.told[i]} to ${state.value} without an event`)
  }
}

async function settle(world: World): Promise<void> {
  world.storage.mode = 'pass'
  for (let round = 0; round < 50; round++) {
    await flush()
    while (world.storage.held.length > 0) world.storage.held[0]!.release()
    await flush()
    const busy = Object.values(world.store.getSnapshot().settings).some((s) => s.pending)
    if (!busy && world.storage.held.length === 0 && world.store.getSnapshot().status === 'ready') break
  }
  await Promise.allSettled(world.outstanding)
  await flush()
}

async function checkSettled(world: World): Promise<void> {
  const snapshot = world.store.getSnapshot()
  if (snapshot.status !== 'ready') world.problems.push('still loading after settling')
  for (const i of ids) {
    const state = snapshot.settings[i]!
    if (state.pending) world.problems.push(`${i} still pending after settling`)
    const parent = parentOf[i]
    if (state.value && parent && !snapshot.settings[parent]!.value) world.problems.push(`${i} on while ${parent} is off after settling`)
  }
  if (world.memoryOnly || world.divergedAt === world.storage.commits) return
  // What a fresh load of storage shows must be what this store shows.
  const fresh = createConsentStore({ policyVersion: world.policyVersion, storage: memoryStorage(world.storage.text), onError: () => undefined })
  await fresh.ready
  const stored = valuesOf(fresh.getSnapshot())
  const shown = valuesOf(snapshot)
  if (JSON.stringify(stored) !== JSON.stringify(shown)) {
    world.problems.push(`storage holds ${JSON.stringify(stored)} but the snapshot shows ${JSON.stringify(shown)}`)
  }
  for (const i of ids) {
    if (fresh.getSnapshot().settings[i]!.needsReconsent !== snapshot.settings[i]!.needsReconsent) {
      world.problems.push(`needsReconsent of ${i} differs from storage`)
    }
  }
}

async function run(world: World, cmd: Command): Promise<void> {
  const { store, storage } = world
  switch (cmd.kind) {
    case 'set': {
      if (cmd.value) world.allowedOn.add(cmd.id)
      world.outstanding.push(store.set(cmd.id, cmd.value, { source: cmd.source }).catch(() => undefined))
      break
    }
    case 'bad-set': {
      const before = store.getSnapshot()
      const args: [string, unknown, unknown] =
        cmd.variant === 'id' ? ['no-such-setting', true, undefined] : cmd.variant === 'value' ? ['improve-model', 'true', undefined] : ['improve-model', true, { source: 'sync' }]
      const result = store.set(args[0], args[1] as boolean, args[2] as { source: SetSource } | undefined)
      if (store.getSnapshot() !== before) world.problems.push('bad input changed the snapshot')
      await result.then(
        () => world.problems.push('bad input resolved'),
        (error: unknown) => {
          if (!(error instanceof TypeError)) world.problems.push(`bad input rejected with ${String(error)}`)
        },
      )
      break
    }
    case 'external': {
      const decisions: Record<string, unknown> = {}
      for (const d of cmd.decisions) {
        const version = d.oldPolicy ? 'v0-old' : world.policyVersion
        if (d.value && !d.oldPolicy) world.allowedOn.add(d.id)
        decisions[d.id] = { value: d.value, decidedAt: '2025-12-31T00:00:00.000Z', policyVersion: version, source: 'user' }
      }
      storage.writeExternally(JSON.stringify({ formatVersion: 1, decisions }))
      break
    }
    case 'mode':
      storage.mode = cmd.mode
      break
    case 'settle-one': {
      const save = storage.held[cmd.index % Math.max(1, storage.held.length)]
      if (save) {
        if (cmd.ok) save.release()
        else save.fail()
      }
      break
    }
    case 'policy-bump': {
      // The old tab finishes its writes and closes; a new one opens under a new disclosure.
      const mode = storage.mode
      await settle(world)
      storage.mode = mode
      store.destroy()
      world.allowedOn.clear()
      world.memoryOnly = false
      world.divergedAt = null
      storage.loadThrows = cmd.blocked
      open(world, `v${world.generation + 1}`)
      await flush()
      storage.loadThrows = false
      break
    }
    case 'reset':
      world.outstanding.push(store.reset().catch(() => undefined))
      break
    case 'flush':
      break
  }
  await flush(3)
}

describe('consent store under random command sequences', () => {
  it('keeps privacy, events, dependencies and storage consistent', async () => {
    let runs = 0
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), async (commands) => {
        runs++
        const world: World = {
          storage: controllableStorage(),
          store: undefined as unknown as ConsentStore,
          policyVersion: 'v1',
          generation: 0,
          allowedOn: new Set(),
          errors: [],
          divergedAt: null,
          memoryOnly: false,
          outstanding: [],
          told: null,
          problems: [],
        }
        open(world, 'v1')
        await flush()
        for (const cmd of commands) {
          await run(world, cmd)
          checkStep(world)
        }
        await settle(world)
        checkStep(world)
        await checkSettled(world)
        world.store.destroy()
        expect(world.problems).toEqual([])
      }),
      // CI replays one fixed seed so a landing never depends on luck; local runs explore new
      // seeds (set FC_SEED to replay one that failed).
      { numRuns: 10_000, ...(SEED === undefined ? {} : { seed: SEED }) },
    )
    expect(runs).toBeGreaterThanOrEqual(10_000)
  }, 120_000)
})
