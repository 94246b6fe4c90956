import { describe, storageAbsentError } from '../errors'
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
  if (typeof key !== 'string' || key === '') {
    throw new TypeError(`localStorageAdapter key must be a non-empty string, got ${describe(key)}`)
  }
  const channelName = `model-consent:${key}`
  const area = (): Storage => {
    if (options.storage) return options.storage
    // On a server there is no person's browser storage. A server-wide `localStorage` global (as
    // some Node versions have) would mix everyone's choices, so it is never used there.
    if (typeof window === 'undefined') throw storageAbsentError('localStorage')
    // Reading `localStorage` itself throws in some privacy modes, so it is read lazily, in a try.
    const found = (globalThis as { localStorage?: Storage }).localStorage
    if (!found) throw new Error('localStorage is not available in this browser')
    return found
  }
  const ownArea = (): Storage | null => {
    try {
      return area()
    } catch {
      return null
    }
  }
  let channel: BroadcastChannel | null = null
  let channelUsers = 0
  const openChannel = (): BroadcastChannel | null => {
    if (options.broadcast === false || typeof BroadcastChannel !== 'function') return null
    channel ??= new BroadcastChannel(channelName)
    return channel
  }

  return {
    load: () => area().getItem(key),
    save: (data) => {
      const text = JSON.stringify(data)
      area().setItem(key, text)
      try {
        openChannel()?.postMessage(text)
      } catch {
        // Tabs still converge through the `storage` event; a closed channel must not fail a save.
      }
    },
    subscribe: (onExternalChange) => {
      // A server has no other tabs (and an open BroadcastChannel would keep its process alive).
      if (typeof window === 'undefined' && !options.storage) return () => undefined
      const target = globalThis as { addEventListener?: typeof addEventListener; removeEventListener?: typeof removeEventListener }
      const onStorage = (event: Event) => {
        const e = event as StorageEvent
        // sessionStorage fires the same event; only changes to our own area count.
        if (e.storageArea && e.storageArea !== ownArea()) return
        if (e.key === key) onExternalChange(e.newValue)
        else if (e.key === null) onExternalChange(null) // localStorage.clear() in another tab
      }
      target.addEventListener?.('storage', onStorage)
      const listening = openChannel()
      const onMessage = (event: MessageEvent) => onExternalChange(event.data)
      listening?.addEventListener('message', onMessage)
      if (listening) channelUsers++
      let subscribed = true
      return () => {
        if (!subscribed) return
        subscribed = false
        target.removeEventListener?.('storage', onStorage)
        if (!listening) return
        listening.removeEventListener('message', onMessage)
        // Several stores may share this adapter: close the channel only when the last one leaves.
        if (--channelUsers > 0) return
        listening.close()
        if (channel === listening) channel = null
      }
    },
  }
}
