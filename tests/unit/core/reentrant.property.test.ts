import fc from 'fast-check'
import { createConsentStore, memoryStorage } from '@model-consent/core'
import type { ConsentStorage, ConsentStore, SetSource } from '@model-consent/core'
import { controllableStorage, flush } from './support/controllable-storage'

// Apps react to changes: a subscriber or a consent-change handler may itself call set or reset
// as it hears of one (while a save is starting, pending, or committing). Whatever they do, the
// store must save in call order, show only what was saved, and tell each change exactly once.

const ids = ['improve-model', 'include-audio', 'include-video'] as const
type Id = (typeof ids)[number]

type Action = { kind: 'set'; id: Id; value: boolean; source: SetSource } | { kind: 'reset' }
type Command =
  | { kind: 'set'; id: Id; value: boolean; source: SetSource }
  | { kind: 'react'; via: 'subscriber' | 'setting-subscriber' | 'handler'; on: Id; when: 'pending' | 'on' | 'off'; action: Action }
  | { kind: 'hold'; on: boolean }
  | { kind: 'release' }
  | { kind: 'flush' }

const id = fc.constantFrom(...ids)
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), id, value: fc.boolean(), source: fc.constantFrom<SetSource>('user', 'api') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reset' as const) }) },
)
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), id, value: fc.boolean(), source: fc.constantFrom<SetSource>('user', 'api') }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('react' as const),
      via: fc.constantFrom('subscriber' as const, 'setting-subscriber' as const, 'handler' as const),
      on: id,
      when: fc.constantFrom('pending' as const, 'on' as const, 'off' as const),
      action,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hold' as const), on: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flush' as const) }) },
)

const valuesOf = (store: ConsentStore) => JSON.stringify(ids.map((i) => store.getSetting(i).value))

function run(store: ConsentStore, act: Action): void {
  void (act.kind === 'set' ? store.set(act.id, act.value, { source: act.source }) : store.reset()).catch(() => undefined)
}

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261202 : undefined

describe('a store whose subscribers and handlers set and reset as they hear of changes', () => {
  for (const mode of ['synchronous', 'asynchronous'] as const) {
    it(`saves in call order, shows only what was saved and tells each change once (${mode} storage)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
          const problems: string[] = []
          const async = mode === 'asynchronous' ? controllableStorage() : null
          const storage: ConsentStorage = async ?? memoryStorage()
          let tick = 0
          const store = createConsentStore({ policyVersion: 'v1', storage, now: () => new Date(Date.UTC(2026, 0, 1) + tick++), onError: () => undefined })
          await store.ready
          const told = Object.fromEntries(ids.map((i) => [i, false])) as Record<Id, boolean>
          store.onConsentChange((event) => {
            const setting = event.setting as Id
            if (event.value === event.previousValue) problems.push(`event without a change: ${setting}`)
            if (told[setting] !== event.previousValue) problems.push(`${setting}: previousValue ${event.previousValue} but it was ${told[setting]}`)
            told[setting] = event.value
          })
          for (const cmd of commands) {
            switch (cmd.kind) {
              case 'set':
                run(store, cmd)
                break
              case 'react': {
                let fired = false
                const check = () => {
                  const state = store.getSetting(cmd.on)
                  const hit = cmd.when === 'pending' ? state.pending : state.value === (cmd.when === 'on')
                  if (!fired && hit) {
                    fired = true
                    run(store, cmd.action)
                  }
                }
                if (cmd.via === 'handler') store.onConsentChange((event) => event.setting === cmd.on && check())
                else store.subscribe(check, cmd.via === 'setting-subscriber' ? cmd.on : undefined)
                break
              }
              case 'hold':
                if (async) async.mode = cmd.on ? 'hold' : 'pass'
                break
              case 'release':
                async?.held[0]?.release()
                break
              case 'flush':
                await flush()
                break
            }
            await flush(2)
          }
          if (async) async.mode = 'pass'
          for (let round = 0; round < 40; round++) {
            await flush()
            while (async && async.held.length > 0) async.held[0]!.release()
          }
          if (ids.some((i) => store.getSetting(i).pending)) problems.push('still pending')
          for (const i of ids) if (told[i] !== store.getSetting(i).value) problems.push(`${i} shows ${store.getSetting(i).value} but events said ${told[i]}`)
          const reader = createConsentStore({ policyVersion: 'v1', storage })
          await reader.ready
          if (valuesOf(reader) !== valuesOf(store)) problems.push(`shows ${valuesOf(store)} but saved ${valuesOf(reader)}`)
          store.destroy()
          reader.destroy()
          expect(problems).toEqual([])
        }),
        { numRuns: 2_000, ...(SEED === undefined ? {} : { seed: SEED }) },
      )
    }, 60_000)
  }
})
