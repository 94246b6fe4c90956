import { ConsentError } from './errors'
import type { ConsentErrorLike, SettingId } from './types'

/**
 * Calls every listener in `listeners` with `value` (subscribers get none). A copy is called, so a listener that
 * unsubscribes or subscribes does not change who is called now. A listener that throws is
 * reported (code `listener-failed`, `message`), never thrown: it must not undo a saved change,
 * swallow an event or keep the other listeners from hearing it.
 */
export function callEach<T>(
  listeners: ReadonlySet<(value: T) => void> | undefined,
  report: (error: ConsentErrorLike) => void,
  message: string,
  setting?: SettingId,
  value?: T,
): void {
  if (listeners?.size) {
    for (const listener of [...listeners]) {
      try {
        listener(value as T)
      } catch (cause) {
        report(new ConsentError('listener-failed', message, { setting, cause }))
      }
    }
  }
}
