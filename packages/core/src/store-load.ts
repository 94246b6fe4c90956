import { ConsentError, isStorageAbsentOnServer } from './errors'
import { mergeDecision, mergeRecords, sameDecision } from './merge'
import { parseStored, toStored } from './records'
import type { Change, StoreState } from './store-state'
import type { ConsentDecision, SettingId } from './types'
import { isThenable } from './write-job'


/** The report for storage that cannot be read in a browser, worded for what the person now sees. */
function unreadable(cause: unknown, hasInitialData: boolean): ConsentError {
  const shows = hasInitialData ? 'so this page shows the choices it was given' : 'so every setting is off'
  const message = `Saved choices could not be read in this browser, ${shows}. Choices made now are kept until the page closes.`
  return new ConsentError('storage-unavailable', message, { cause })
}

/** What one read of storage found: valid decisions, and whether storage holds no record at all. */
export interface StorageRead {
  readonly decisions: ReadonlyMap<SettingId, ConsentDecision>
  readonly empty: boolean
  /** Some of it could not be trusted (and was reported). */
  readonly damaged: boolean
}

/**
 * Loads stored decisions (after a microtask, so handlers registered right after creation see any
 * policy lapse), then re-reads storage whenever it hints at a change. Never rejects: unreadable
 * storage switches the store to memory, untrustworthy data reads off, and both are reported.
 * `repair` is called when storage lacks decisions this store knows (another writer replaced them).
 */
export function loadAndSync(state: StoreState, repair: () => void) {
  const { graph, storage, report, save, publish, normalise } = state
  let stopStorage: (() => void) | undefined
  let hintedWhileLoading = false
  /** Reads started, and the number of the latest; saves committed by this store. */
  let readsStarted = 0
  let commitsSeen = 0
  /** Change notifications received, so a slow save can tell whether another writer wrote meanwhile. */
  let hints = 0

  /** The one parser for every read (load, hint, before a save): invalid parts are reported and read off. */
  function judge(raw: unknown, where: string): StorageRead {
    const parsed = parseStored(raw, graph)
    if (parsed.problems.length > 0) {
      report(new ConsentError('storage-invalid', `${process.env.NODE_ENV !== 'production' ? `Some saved choices could not be trusted, so they read off${where}` : 'invalid'}: ${parsed.problems.join('; ')}`))
    }
    return { decisions: parsed.decisions, empty: raw === null || raw === undefined, damaged: parsed.problems.length > 0 }
  }

  const ready: Promise<void> = (async () => {
    await Promise.resolve()
    // Listen before reading, so a change that lands while an asynchronous read is in flight is not missed.
    if (!state.destroyed) listen()
    let raw: unknown = null
    try {
      raw = await storage.load()
    } catch (cause) {
      state.memoryOnly = true
      stop()
      // On a server there is simply no browser storage: nothing is wrong, so nothing is said.
      if (!isStorageAbsentOnServer(cause)) report(unreadable(cause, state.initial !== undefined))
    }
    const read = judge(raw, '')
    const base = state.initial ? mergeRecords(state.initial, read.decisions) : new Map(read.decisions)
    const loaded = normalise(base)
    // What storage lacks: lapses and cascades found now, and newer decisions from initialData.
    const toSave: Change[] = graph.ids
      .filter((id) => !sameDecision(loaded.get(id), read.decisions.get(id)))
      .map((id) => ({ id, decision: loaded.get(id) ?? null }))
    const derived = new Set(graph.ids.filter((id) => !sameDecision(loaded.get(id), base.get(id))))
    // Lapsed opt-ins stay out of the snapshot while their lapse is saved: nothing reads on meanwhile.
    if (toSave.length > 0 && !state.memoryOnly) {
      try {
        await save(toStored(read.decisions, toSave))
        toSave.forEach(({ id, decision }) => decision && base.set(id, decision))
      } catch (cause) {
        report(new ConsentError('save-failed', 'A policy change turned some settings off, but that could not be saved.', { cause }))
      }
    }
    // Kept even when destroyed meanwhile: writes queued before destroy() still run on this base.
    if (!state.initial) {
      state.known = base
      state.decisions = new Map(read.decisions)
    }
    state.loaded = true
    state.touchedAll = true
    // A store destroyed while loading keeps its last snapshot; its queued writes still run on this base.
    if (!state.destroyed) state.status = 'ready'
    state.adopt(base, (change) => (derived.has(change.id) || !state.initial ? (change.decision?.source ?? 'policy') : 'sync'))
    publish()
    if (hintedWhileLoading) reread()
  })()

  function stop(): void {
    stopStorage?.()
    stopStorage = undefined
  }

  function listen(): void {
    if (!storage.subscribe) return
    try {
      // A hint only: whatever it carries, storage itself is read again.
      stopStorage = storage.subscribe(() => {
        hints++
        if (!state.loaded) hintedWhileLoading = true
        else reread()
      })
    } catch (cause) {
      report(new ConsentError('storage-unavailable', 'Changes made in other tabs will not show here until the page reloads.', { cause }))
    }
  }

  /**
   * Merges what storage holds into what this store knows. A record that is gone (storage was
   * cleared) is forgotten, unless the read may be stale: a newer read was started, or this store
   * saved meanwhile. Returns whether storage lacks something this store knows.
   */
  function absorb(read: StorageRead, readNumber: number, commitsBefore: number, hinted: boolean): boolean {
    if (read.empty) {
      // Only a change notification tells "cleared" apart from storage that never kept anything.
      if (hinted && readNumber === readsStarted && commitsBefore === commitsSeen) state.adopt(new Map(), () => 'sync')
      return false
    }
    // Only the settings whose decision the read changed (and their dependents) are derived again.
    const known = new Map(state.known)
    const touched: SettingId[] = []
    read.decisions.forEach((decision, id) => {
      const before = known.get(id)
      const winner = mergeDecision(before, decision)!
      known.set(id, winner)
      if (!sameDecision(winner, before)) touched.push(id)
    })
    state.adopt(known, () => 'sync', touched)
    // Damaged data is left alone until the person saves a choice, as on load.
    let lacking = false
    if (!read.damaged) state.known.forEach((decision, id) => {
      if (!sameDecision(decision, read.decisions.get(id))) lacking = true
    })
    return lacking
  }

  /** Reads storage (in the same task when it is synchronous) and merges it in. */
  function read(where: string, hinted: boolean): StorageRead | Promise<StorageRead> {
    const number = ++readsStarted
    const commitsBefore = commitsSeen
    const finish = (raw: unknown): StorageRead => {
      const found = judge(raw, where)
      // A read before a save needs no write-back: that save writes everything this store knows.
      if (absorb(found, number, commitsBefore, hinted) && hinted) repair()
      return found
    }
    const raw = storage.load()
    return isThenable(raw) ? Promise.resolve(raw).then(finish) : finish(raw)
  }

  function reread(): void {
    if (state.destroyed || state.memoryOnly) return
    try {
      const found = read(' (found after a change in another tab)', true)
      if (isThenable(found)) found.then(undefined, (cause: unknown) => report(unreadableLater(cause)))
    } catch (cause) {
      report(unreadableLater(cause))
    }
  }

  return {
    ready,
    /** Reads storage before a save: the base every write is merged into. Throws what storage threw. */
    readForSave: (): StorageRead | Promise<StorageRead> => read(' (found before saving)', false),
    /** This store's save was accepted: an empty read started before it must not erase it. */
    committed(): void {
      commitsSeen++
    },
    /** How many change notifications have arrived. */
    hints: (): number => hints,
    /** Reads storage again and merges it in (repairing what storage lacks). */
    reread,
    stop,
  }
}

function unreadableLater(cause: unknown): ConsentError {
  return new ConsentError('storage-unavailable', 'A change made in another tab could not be read; it will show after the page reloads.', { cause })
}
