import { ConsentError, describe } from './errors'
import { needsReconsent } from './snapshot'
import type { Change, StoreState } from './store-state'
import type { SetSource, SettingId } from './types'

const isThenable = (value: unknown): value is PromiseLike<void> =>
  typeof (value as PromiseLike<void> | null | undefined)?.then === 'function'

/**
 * The write side of a store. Writes run one at a time, in call order. When nothing is queued and
 * storage saves synchronously, a write commits at once: one snapshot change, no "pending" flash.
 */
export function createWriter(state: StoreState) {
  const { graph, valueOf, markPending, setError, publish, report, apply, save, decide, timestamp } = state
  let queue: Promise<unknown> = Promise.resolve()
  let active = 0

  function schedule(task: () => Promise<void>, immediate: boolean): Promise<void> {
    const run = immediate ? task() : queue.then(task)
    return track(run)
  }
  /** Later writes wait for `run`; its rejection counts as handled here (the caller still sees it). */
  function track(run: Promise<void>): Promise<void> {
    active++
    const done = () => void active--
    queue = run.then(done, done)
    return run
  }
  const canRunNow = () => state.loaded && active === 0 && state.emitting === 0

  /** Queues a validated `set`, marking the setting pending unless it can be written at once. */
  function set(id: SettingId, value: boolean, source: SetSource): Promise<void> {
    if (canRunNow()) {
      // Committed synchronously (the usual case with synchronous storage): nothing to wait for.
      const run = write(id, value, source, false)
      return run ? track(run) : Promise.resolve()
    }
    markPending(id, 1)
    setError(id, null)
    publish()
    return schedule(async () => write(id, value, source, true), false)
  }

  /**
   * Checks, saves and commits one `set`. Stays synchronous unless storage returns a promise:
   * returns `undefined` when it committed (or had nothing to do) synchronously.
   */
  function write(id: SettingId, value: boolean, source: SetSource, marked: boolean): Promise<void> | undefined {
    const finish = () => {
      if (marked) markPending(id, -1)
      marked = false
    }
    if (value === valueOf(id) && !needsReconsent(state.decisions.get(id))) {
      finish()
      publish()
      return undefined
    }
    const off = value ? graph.requirementsOf(id).filter((r) => !valueOf(r)) : []
    if (off.length > 0) {
      finish()
      publish()
      const message = `Cannot turn on ${describe(id)} while ${off.map(describe).join(' and ')} is off.`
      return Promise.reject(new ConsentError('requirement-off', message, { setting: id }))
    }
    const at = timestamp()
    const changes: Change[] = [{ id, decision: decide(value, source, at) }]
    if (!value) {
      for (const dep of graph.dependentsOf(id)) {
        if (valueOf(dep)) changes.push({ id: dep, decision: decide(false, 'cascade', at) })
      }
    }
    const fail = (cause: unknown): never => {
      const still = valueOf(id) ? 'on' : 'off'
      const failure = new ConsentError('save-failed', `We couldn't save your choice. It is still ${still}.`, { setting: id, cause })
      finish()
      setError(id, failure)
      publish()
      report(failure)
      throw failure
    }
    const commit = () => {
      finish()
      setError(id, null)
      apply(changes, (change) => (change.id === id ? source : 'cascade'), at)
    }
    let saving: void | Promise<void> = undefined
    try {
      saving = save(changes)
    } catch (cause) {
      try {
        fail(cause)
      } catch (failure) {
        return Promise.reject(failure)
      }
    }
    if (!isThenable(saving)) {
      commit()
      return undefined
    }
    if (!marked) {
      marked = true
      markPending(id, 1)
      setError(id, null)
      publish()
    }
    const seen = state.externalChanges
    return Promise.resolve(saving)
      .then(commit, fail)
      .then(() => reconcileLater(seen))
  }

  /** Turns every setting off, recorded with source `reset`; rolls back and reports if the save fails. */
  function reset(): Promise<void> {
    return schedule(async () => {
      const at = timestamp()
      const changes: Change[] = graph.ids.filter(valueOf).map((id) => ({ id, decision: decide(false, 'reset', at) }))
      if (changes.length === 0) return
      for (const { id } of changes) {
        markPending(id, 1)
        setError(id, null)
      }
      publish()
      const seen = state.externalChanges
      try {
        await save(changes)
      } catch (cause) {
        const message = "We couldn't save turning every setting off. Your choices are unchanged."
        const failure = new ConsentError('save-failed', message, { cause })
        for (const { id } of changes) {
          markPending(id, -1)
          setError(id, failure)
        }
        publish()
        report(failure)
        throw failure
      }
      for (const { id } of changes) markPending(id, -1)
      apply(changes, () => 'reset', at)
      reconcileLater(seen)
    }, false)
  }

  /**
   * Another writer changed storage while our save was in flight, and ours replaced theirs. Writes
   * the merged state (their change plus ours) so no update is lost, turning off any setting whose
   * requirement the other writer turned off. Repeats while more changes arrive during the write.
   */
  function reconcileLater(seen: number): void {
    if (seen !== state.externalChanges) void schedule(() => reconcile(seen), false)
  }

  async function reconcile(seen: number): Promise<void> {
    while (seen !== state.externalChanges && !state.destroyed && !state.memoryOnly) {
      seen = state.externalChanges
      const at = timestamp()
      const orphans: Change[] = graph.ids
        .filter((id) => valueOf(id) && !graph.requirementsOf(id).every(valueOf))
        .map((id) => ({ id, decision: decide(false, 'cascade', at) }))
      try {
        await save(orphans)
      } catch (cause) {
        const message = 'Choices changed in another tab while this one was saving, and they could not be saved together.'
        report(new ConsentError('save-failed', message, { cause }))
        return
      } finally {
        // Off is safe even if the write failed: a setting must never count while its requirement is off.
        if (orphans.length > 0) apply(orphans, () => 'cascade', at)
      }
    }
  }

  return {
    set,
    reset,
    reconcileLater,
    /** Writes wait for `ready` (stored state loaded) before they run. */
    after(ready: Promise<void>): void {
      queue = ready
    },
  }
}
