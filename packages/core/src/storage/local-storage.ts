import { describe, storageAbsentError, typeError } from '../errors'
import type { ConsentStorage } from '../types'

/** Options for `localStorageAdapter`. */
export interface LocalStorageAdapterOptions {
  /** The localStorage key. Default: `model-consent`. */
  key?: string
  /**
   * The Storage to use. Default: `globalThis.localStorage`, looked up on first use (never at
   * import), so the adapter can be created on a server.
   */
  storage?: Storage
  /** Also sync tabs over `BroadcastChannel` where it exists. Default: `true`. */
  broadcast?: boolean
}

/**
 * Saves decisions in localStorage as versioned JSON and reports changes made in other tabs
 * (the `storage` event, and `BroadcastChannel` where present).
 * Reading throws when localStorage is missing or blocked; the store then runs in memory. On a
 * server (no `window`) there is nothing to read: the store renders privacy-by-default (or its
 * `initialData`) without reporting anything, and loads in the browser.
 */
export function localStorageAdapter(options: LocalStorageAdapterOptions = {}): ConsentStorage {
  const key = options.key ?? 'model-consent'
  if (typeof key !== 'string' || !key) {
    typeError(process.env.NODE_ENV !== 'production' ? `localStorageAdapter key must be a non-empty string, got ${describe(key)}` : `key ${describe(key)}`)
  }
  const area = (): Storage => {
    if (options.storage) return options.storage
    // On a server there is no person's browser storage. A server-wide `localStorage` global (as
    // some Node versions have) would mix everyone's choices, so it is never used there.
    if (typeof window === 'undefined') throw storageAbsentError('localStorage')
    // Reading `localStorage` itself throws in some privacy modes, so it is read lazily (the store reads in a try).
    return (globalThis as { localStorage?: Storage }).localStorage ?? typeError(process.env.NODE_ENV !== 'production' ? 'localStorage is not available in this browser' : 'localStorage')
  }
  let channel: BroadcastChannel | null = null
  /** The message listener of each subscription to this adapter in this page. */
  const local = new Set<(event: Pick<MessageEvent, 'data'>) => void>()
  const openChannel = (): BroadcastChannel | null => {
    try {
      if (options.broadcast !== false && typeof BroadcastChannel === 'function') return (channel ??= new BroadcastChannel(`model-consent:${key}`))
    } catch {
      // A browser may refuse one (as when site data is blocked): tabs still converge through the `storage` event.
    }
    return null
  }

  return {
    load: () => area().getItem(key),
    save(data) {
      const text = JSON.stringify(data)
      area().setItem(key, text)
      // Neither the storage event nor this page's own channel tells the other stores on this adapter;
      // they are told after the save, as a hint (the saver is told too: its read finds nothing new).
      if (local.size > 1) queueMicrotask(() => local.forEach((hint) => hint({ data: text })))
      const kept = channel
      try {
        openChannel()?.postMessage(text)
      } catch {
        // Tabs still converge through the `storage` event; a closed channel must not fail a save.
      } finally {
        // Nobody in this page listens (say, a write that ran after destroy()): a channel opened
        // only to post is closed again, or it would stay open (and keep a server process alive).
        if (!kept) {
          channel?.close()
          channel = null
        }
      }
    },
    subscribe(onExternalChange) {
      // A server has no other tabs (and an open BroadcastChannel would keep its process alive).
      if (typeof window === 'undefined' && !options.storage) return () => undefined
      const onStorage = (event: StorageEvent) => {
        let own: Storage | null = null
        try {
          own = area()
        } catch {
          // No area of our own: only the key tells.
        }
        // sessionStorage fires the same event; only changes to our own area count. A null key is
        // localStorage.clear() in another tab. Either way storage is read again: the value is only a hint.
        if ((!event.storageArea || event.storageArea === own) && (event.key === key || event.key === null)) onExternalChange(event.newValue)
      }
      const onMessage = (event: Pick<MessageEvent, 'data'>) => onExternalChange(event.data)
      local.add(onMessage)
      const listening = openChannel()
      const target = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>
      target.addEventListener?.('storage', onStorage)
      listening?.addEventListener('message', onMessage)
      let subscribed = true
      return () => {
        if (!subscribed) return
        subscribed = false
        local.delete(onMessage)
        target.removeEventListener?.('storage', onStorage)
        if (!listening) return
        listening.removeEventListener('message', onMessage)
        // Several stores may share this adapter: close the channel only when the last one leaves.
        if (local.size) return
        listening.close()
        if (channel === listening) channel = null
      }
    },
  }
}
