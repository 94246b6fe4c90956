// Store throughput (bundled by bench/run.mjs and run in Node): cost of one `set` + notify on a
// setting, with 1, 100 and 1,000 subscribers spread over different settings of a 1,000-setting
// store, and, separately, with 10, 100 and 1,000 settings defined. Rounds alternate between the
// configurations to cancel drift. Prints JSON with per-round ns per set.
import { createConsentStore, memoryStorage, type ConsentStore } from '@model-consent/core'

const ROUNDS = Number(process.env.BENCH_STORE_ROUNDS ?? 21)
/** Each round runs about this long; the number of sets per round is calibrated per configuration. */
const ROUND_MS = Number(process.env.BENCH_STORE_ROUND_MS ?? 15)
const TARGET = 's0'

interface Config {
  kind: 'subscribers' | 'settings'
  settings: number
  subscribers: number
  store: ConsentStore
  calls: { target: number; others: number }
  samples: number[]
  setsPerRound: number
}

async function setup(kind: Config['kind'], settings: number, subscribers: number): Promise<Config> {
  const ids = Array.from({ length: settings }, (_, i) => `s${i}`)
  // An explicit storage, so every set also builds and saves the stored record (the default
  // in-memory storage is private to the store and skips that).
  const store = createConsentStore({ policyVersion: 'bench-1', settings: ids.map((id) => ({ id })), storage: memoryStorage() })
  await store.ready
  const calls = { target: 0, others: 0 }
  store.subscribe(() => void calls.target++, TARGET)
  // Subscriber k (k ≥ 1) listens to setting s{k}: every other subscriber is on a different setting.
  for (let k = 1; k < subscribers; k++) store.subscribe(() => void calls.others++, ids[k % settings])
  return { kind, settings, subscribers, store, calls, samples: [], setsPerRound: 0 }
}

/** Toggles the target setting `count` times; each `set` commits synchronously before the next. */
async function run(config: Config, count: number): Promise<number> {
  const { store } = config
  let value = store.getSnapshot().settings[TARGET]!.value
  const start = process.hrtime.bigint()
  for (let i = 0; i < count; i++) {
    value = !value
    await store.set(TARGET, value)
  }
  return Number(process.hrtime.bigint() - start) / count
}

const configs = [
  await setup('subscribers', 1000, 1),
  await setup('subscribers', 1000, 100),
  await setup('subscribers', 1000, 1000),
  await setup('settings', 10, 1),
  await setup('settings', 100, 1),
]

for (const config of configs) {
  await run(config, 200) // warm-up
  const perSet = await run(config, 200)
  config.setsPerRound = Math.min(20_000, Math.max(20, Math.round((ROUND_MS * 1e6) / perSet)))
  Object.assign(config.calls, { target: 0, others: 0 })
}
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? configs : [...configs].reverse()
  for (const config of order) config.samples.push(await run(config, config.setsPerRound))
}

const results = configs.map(({ kind, settings, subscribers, calls, samples, setsPerRound }) => ({
  kind,
  settings,
  subscribers,
  setsPerRound,
  nsPerSet: samples,
  /** Notifications per set: the target's subscriber once, everyone else never. */
  targetCallsPerSet: calls.target / (ROUNDS * setsPerRound),
  otherCalls: calls.others,
}))
process.stdout.write(JSON.stringify({ results }))
