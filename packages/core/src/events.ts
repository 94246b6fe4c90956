import { ConsentError } from './errors'
import type { ConsentChangeEvent, ConsentErrorLike } from './types'

/** Delivers each event to every handler and, if given, as a DOM `CustomEvent`. A failing handler is reported, not thrown. */
export function createEmitter(eventTarget: EventTarget | undefined, report: (error: ConsentErrorLike) => void) {
  const handlers = new Set<(event: ConsentChangeEvent) => void>()
  let closed = false
  return {
    on(handler: (event: ConsentChangeEvent) => void): () => void {
      if (typeof handler !== 'function') {
        throw new TypeError(
          process.env.NODE_ENV !== 'production'
            ? `onConsentChange expects a function, got ${typeof handler}`
            : 'handler',
        )
      }
      // A wrapper per registration, so the same function registered twice is called twice and removed once each.
      const wrapper = (event: ConsentChangeEvent) => handler(event)
      handlers.add(wrapper)
      return () => {
        handlers.delete(wrapper)
      }
    },
    /** Whether an event would reach anyone: a handler or the event target. */
    listening: (): boolean => !closed && (handlers.size > 0 || eventTarget !== undefined),
    emit(event: ConsentChangeEvent): void {
      if (closed) return
      for (const handler of [...handlers]) {
        try {
          handler(event)
        } catch (cause) {
          report(new ConsentError('listener-failed', 'A consent-change handler threw an error.', { setting: event.setting, cause }))
        }
      }
      eventTarget?.dispatchEvent(new CustomEvent('consent-change', { detail: event }))
    },
    /** Drops every handler and stops dispatching to `eventTarget`: a destroyed store announces nothing. */
    clear(): void {
      closed = true
      handlers.clear()
    },
  }
}
