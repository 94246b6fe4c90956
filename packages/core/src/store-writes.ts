import { ConsentError, describe } from './errors'
import { derive, inGraphOrder, mergeDecision, timeOf } from './merge'
import { needsReconsent } from './snapshot'
import type { StorageRead } from './store-load'
import type { Change, StoreState } from './store-state'
import type { ConsentDecision, SetSource, SettingId } from './types'
import { differs, isConflict, isThenable, sourcesOf } from './write-job'
import type { Plan, WriteIo, WriteJob } from './write-job'

/**
 * The write side of a store. Writes run one at a time, in call order, each as read–merge–write:
 * storage is read again, merged in, and the write's own decisions are merged into what it holds.
 * With synchronous storage that all happens in one task and commits at once (no "pending" flash).
 */
export function createWriter(state: StoreState, io: WriteIo) {
  const { graph, valueOf, markPending, setError, publish, report, decide, timestamp } = state
  let queue: Promise<unknown> = Promise.resolve()
  let active = 0
  let repairQueued = false

  function schedule(task: () => Promise<void>): Promise<void> {
    return track(queue.then(task))
  }
  /** Later writes wait for `run`; its rejection counts as handled here (the caller still sees it). */
  function track(run: Promise<void>): Promise<void> {
    active++
    const done = () => void active--
    queue = run.then(done, done)
    return run
  }
  const canRunNow = () => state.loaded && active === 0 && state.emitting === 0

  function enqueue(job: WriteJob): Promise<void> {
    if (canRunNow()) {
      const run = perform(job)
      return run ? track(run) : Promise.resolve()
    }
    for (const id of job.marks()) mark(job, id)
    publish()
    return schedule(async () => perform(job))
  }

  function mark(job: WriteJob, id: SettingId): void {
    if (job.marked.has(id)) return
    job.marked.add(id)
    markPending(id, 1)
    setError(id, null)
  }
  function unmark(job: WriteJob): void {
    for (const id of job.marked) markPending(id, -1)
    job.marked.clear()
  }

  /** Runs one write; returns `undefined` when it finished synchronously (committed or nothing to do). */
  function perform(job: WriteJob, retried = false): Promise<void> | undefined {
    let read: StorageRead | Promise<StorageRead> | undefined
    if (!state.memoryOnly) {
      try {
        read = io.read()
      } catch (cause) {
        return Promise.reject(fail(job, cause))
      }
    }
    if (isThenable(read)) {
      for (const id of job.marks()) mark(job, id)
      publish()
      return Promise.resolve(read).then((found) => writeOnto(job, found, retried), (cause: unknown) => Promise.reject(fail(job, cause)))
    }
    return writeOnto(job, read, retried)
  }

  /** Plans the write against what the store now shows and saves it merged into `read` (what storage held). */
  function writeOnto(job: WriteJob, read: StorageRead | undefined, retried: boolean): Promise<void> | undefined {
    if (job.planned === undefined) job.planned = job.plan()
    const plan = job.planned
    if (plan instanceof Error) {
      unmark(job)
      publish()
      return Promise.reject(plan)
    }
    const changes = plan?.changes ?? []
    if (!read && state.memoryOnly && state.settled) {
      commitInMemory(job, plan)
      return undefined
    }
    const { data, decisions } = state.record(read?.decisions ?? new Map(), changes)
    if (!read || (changes.length === 0 && !differs(data, read))) {
      // Memory only, or nothing to write: commit (or finish) here.
      commit(job, decisions, plan)
      return undefined
    }
    let saving: void | Promise<void>
    try {
      saving = state.save(data)
    } catch (cause) {
      return retryOrFail(job, cause, retried)
    }
    if (!isThenable(saving)) {
      commit(job, decisions, plan)
      return undefined
    }
    for (const id of job.marks()) mark(job, id)
    publish()
    // Another writer may write between our read and our save landing, and ours may replace theirs.
    const hints = io.hints()
    return Promise.resolve(saving).then(
      () => {
        commit(job, decisions, plan)
        if (io.hints() !== hints) io.reread()
      },
      (cause: unknown) => retryOrFail(job, cause, retried),
    )
  }

  /** A conflict: storage changed since it was read. Read again, merge, and save once more. */
  function retryOrFail(job: WriteJob, cause: unknown, retried: boolean): Promise<void> {
    if (isConflict(cause) && !retried && !state.memoryOnly) return perform(job, true) ?? Promise.resolve()
    return Promise.reject(fail(job, cause))
  }

  function commit(job: WriteJob, saved: ReadonlyMap<SettingId, ConsentDecision>, plan: Plan | null): void {
    unmark(job)
    if (plan) for (const { id } of plan.changes) setError(id, null)
    if (!state.memoryOnly && plan) io.committed()
    // Merges what was saved into what is known, noting which settings it changed.
    const known = new Map(state.known)
    const touched: SettingId[] = []
    saved.forEach((decision, id) => {
      const before = known.get(id)
      const winner = mergeDecision(before, decision)!
      if (winner === before) return
      known.set(id, winner)
      touched.push(id)
    })
    state.adopt(known, plan?.sourceOf ?? (() => 'sync'), touched)
    // What was saved holds every cascade the person saw: a write in memory can rely on that.
    if (state.memoryOnly) state.settled = true
    publish()
  }

  /**
   * `commit` without storage, for a store whose cascades are all known (`state.settled`): only the
   * plan's settings and their dependents can change, so only they are merged and derived again.
   * The result is what `record` and `commit` would give: the plan's decisions merged by the rule,
   * then the cascades they cause.
   */
  function commitInMemory(job: WriteJob, plan: Plan | null): void {
    unmark(job)
    if (!plan) return publish()
    for (const { id } of plan.changes) setError(id, null)
    const known = state.known
    let latest = state.latest
    const touched = new Set<SettingId>()
    const keep = (id: SettingId, decision: ConsentDecision): void => {
      const before = known.get(id)
      const winner = mergeDecision(before, decision)!
      if (winner === before) return
      known.set(id, winner)
      touched.add(id)
      if (latest !== undefined) latest = Math.max(latest, timeOf(winner))
    }
    for (const { id, decision } of plan.changes) if (decision) keep(id, decision)
    // The cascades the new decisions cause are kept too, as `record` keeps them.
    const fresh = new Map<SettingId, ConsentDecision | undefined>()
    const shownOf = (id: SettingId) => (fresh.has(id) ? fresh.get(id) : state.decisions.get(id))
    const around = new Set<SettingId>()
    for (const id of touched) {
      around.add(id)
      for (const dependent of graph.dependentsOf(id)) around.add(dependent)
    }
    for (const id of inGraphOrder(graph, around)) {
      const own = known.get(id)
      const derived = derive(own, graph.requirementsOf(id), shownOf, state.policyVersion)
      fresh.set(id, derived ?? own)
      if (derived?.source === 'cascade' && derived !== own) keep(id, derived)
    }
    state.adopt(known, plan.sourceOf, touched)
    state.latest = latest
    publish()
  }

  function fail(job: WriteJob, cause: unknown): ConsentError {
    const failure = job.failure(cause)
    const ids = job.marked.size > 0 ? [...job.marked] : failure.setting ? [failure.setting] : []
    unmark(job)
    for (const id of ids) setError(id, failure)
    publish()
    report(failure)
    return failure
  }

  /** Queues a validated `set`, marking the setting pending unless it can be written at once. */
  function set(id: SettingId, value: boolean, source: SetSource, record = false): Promise<void> {
    const job: WriteJob = {
      marked: new Set(),
      marks: () => [id],
      plan: () => {
        const current = state.decisions.get(id)
        // With `record`, an unchanged value is still saved as this source's decision under this policy, once.
        const recorded = !record || (current?.source === source && current.policyVersion === state.policyVersion)
        if (value === valueOf(id) && !needsReconsent(current) && recorded) return null
        const off = value ? graph.requirementsOf(id).filter((r) => !valueOf(r)) : []
        if (off.length > 0) {
          const message = `Cannot turn on ${describe(id)} while ${off.map(describe).join(' and ')} is off.`
          return new ConsentError('requirement-off', message, { setting: id })
        }
        const at = timestamp()
        const changes: Change[] = [{ id, decision: decide(value, source, at) }]
        if (!value) for (const dep of graph.dependentsOf(id)) if (valueOf(dep)) changes.push({ id: dep, decision: decide(false, 'cascade', at) })
        return { changes, sourceOf: sourcesOf(changes, (change) => (change.id === id ? source : 'cascade')) }
      },
      failure: (cause) => {
        const still = valueOf(id) ? 'on' : 'off'
        return new ConsentError('save-failed', `We couldn't save your choice. It is still ${still}.`, { setting: id, cause })
      },
    }
    return enqueue(job)
  }

  /** Turns every setting off, recorded with source `reset`; rolls back and reports if the save fails. */
  function reset(): Promise<void> {
    const job: WriteJob = {
      marked: new Set(),
      marks: () => graph.ids.filter(valueOf),
      plan: () => {
        const at = timestamp()
        const changes: Change[] = graph.ids.filter(valueOf).map((id) => ({ id, decision: decide(false, 'reset', at) }))
        return changes.length === 0 ? null : { changes, sourceOf: sourcesOf(changes, () => 'reset') }
      },
      failure: (cause) => new ConsentError('save-failed', "We couldn't save turning every setting off. Your choices are unchanged.", { cause }),
    }
    return enqueue(job)
  }

  /** Storage lacks decisions this store knows (another writer replaced them): write them back. */
  function repair(): void {
    if (repairQueued || state.memoryOnly) return
    repairQueued = true
    const job: WriteJob = {
      marked: new Set(),
      marks: () => [],
      plan: () => null,
      failure: (cause) =>
        new ConsentError('save-failed', 'Choices changed in another tab while this one was saving, and they could not be saved together.', { cause }),
    }
    void schedule(async () => {
      repairQueued = false
      return perform(job)
    }).catch(() => undefined)
  }

  return {
    set,
    reset,
    repair,
    /** Writes wait for `ready` (stored state loaded) before they run. */
    after(ready: Promise<void>): void {
      queue = ready
    },
  }
}
