import type { ConsentMessages } from '../messages'
import type { SettingView } from './setting-view'

interface SettingStatusProps {
  messages: ConsentMessages
  pending: boolean
  /** A controlled `value` is `null`: the saved choice is not known yet. */
  loading?: boolean
  failed: SettingView | null
  onRetry: () => void
}

/**
 * A polite live region that says when a choice is being saved, and an alert with a retry button
 * when a save failed. The live region is always rendered so screen readers pick up its changes.
 */
export function SettingStatus({ messages, pending, loading = false, failed, onRetry }: SettingStatusProps) {
  return (
    <>
      <p role="status" aria-live="polite" data-slot="status">
        {pending ? messages.pending : loading ? messages.loading : ''}
      </p>
      {failed && !pending ? (
        <div role="alert" data-slot="alert">
          <p data-slot="alert-message">{failed.value ? messages.errorStillOn : messages.errorStillOff}</p>
          <button type="button" data-slot="retry" onClick={onRetry}>
            {messages.retry}
          </button>
        </div>
      ) : null}
    </>
  )
}
