/** @jsxImportSource ../shared/jsx */
import { useCallback, useEffect, useRef, useState } from '../shared/react'
import type { PartMessages } from '../messages/types'
import type { SettingView } from './setting-view'
import { useSavedNotice } from './use-saved-notice'

interface SettingStatusProps {
  messages: PartMessages
  /** The settings shown, in order; the first with an error is the one the alert is about. */
  shown: readonly string[]
  read: (id: string) => SettingView
  /** Counts presses on a switch made while it was saving; each new one is announced. */
  busyPresses: number
  /** Counts recordings opt-ins refused after their confirmation (the main setting went off meanwhile). */
  refusals: number
  /** Why they are refused ("Turn on … first."): said after a refusal, until the main setting is on (then empty). */
  refusedText: string
  /** A controlled `value` is `null`: the saved choice is not known yet. */
  loading?: boolean
  onRetry: (setting: string) => void
  /** Moves focus to the switch of a setting (after a retry that worked). */
  focusSwitch: (setting: string) => void
}

interface Retrying {
  readonly setting: string
  readonly error: Error | null
  readonly value: boolean
}

/**
 * A polite live region that says "Saving your choice…", then "Your choice is saved." (cleared after
 * a while), or "Please wait…" when a switch is pressed while saving; and an alert with a retry
 * button when a save failed. The live region is always rendered so screen readers pick up changes.
 *
 * During a retry the alert and its button stay (the button `aria-disabled`), so focus never falls to
 * `<body>`. When the retry works, focus moves to the switch it was about; when it fails again, focus
 * stays on Try again and the alert text is inserted afresh so it is announced again.
 */
export function SettingStatus({ messages, shown, read, busyPresses, refusals, refusedText, loading = false, onRetry, focusSwitch }: SettingStatusProps) {
  const pending = shown.some((id) => read(id).pending)
  const failedId = shown.find((id) => read(id).error)
  const saved = useSavedNotice(pending, failedId !== undefined)
  const [retrying, setRetrying] = useState<Retrying | null>(null)
  const [attempts, setAttempts] = useState(0)
  const retryRef = useRef<HTMLButtonElement | null>(null)
  const busy = useBusyNotice(busyPresses, pending)
  const refused = refusals > 0 && refusedText

  useEffect(() => {
    if (!retrying) return
    const view = read(retrying.setting)
    if (view.pending || view.error === retrying.error) return
    const button = retryRef.current
    const hadFocus = button !== null && button.ownerDocument.activeElement === button
    setRetrying(null)
    if (view.error) setAttempts((count) => count + 1)
    else if (hadFocus) focusSwitch(retrying.setting)
  })

  const alertAbout = retrying ?? (failedId !== undefined && !pending ? toRetrying(failedId, read(failedId)) : null)
  // The alert can go away without a press on Try again (the choice arrived from another tab, or a
  // withdrawal superseded it). Focus on Try again then goes to the first switch, not to <body>: a
  // callback ref is detached before its element leaves the page, still focused. (`focusSwitch`
  // finds a switch by its setting's id alone, so the first one serves for good.)
  const keepFocus = useCallback((node: HTMLButtonElement | null) => {
    const old = retryRef.current
    if (!node && old === old?.ownerDocument.activeElement) focusSwitch(shown[0]!)
    retryRef.current = node
  }, [])
  const retry = () => {
    if (retrying || !alertAbout) return
    setRetrying(alertAbout)
    onRetry(alertAbout.setting)
  }
  const status = pending ? (busy ? messages.stillSaving : messages.pending) : refused || (saved ? messages.saved : loading ? messages.loading : '')

  return (
    <>
      <p role="status" aria-live="polite" data-slot="status">
        {/* A new node per ignored or refused press, so a repeated notice is announced again. */}
        {status ? <span key={status + (busy ? busyPresses : refusals)}>{status}</span> : null}
      </p>
      {alertAbout ? (
        <div role="alert" data-slot="alert" data-pending={retrying ? '' : undefined}>
          <p data-slot="alert-message" key={attempts}>
            {alertAbout.value ? messages.errorStillOn : messages.errorStillOff}
          </p>
          <button
            type="button"
            data-slot="retry"
            ref={keepFocus}
            aria-disabled={retrying ? true : undefined}
            onClick={retry}
          >
            {messages.retry}
          </button>
        </div>
      ) : null}
    </>
  )
}

const toRetrying = (setting: string, view: SettingView): Retrying => ({ setting, error: view.error, value: view.value })

/** Whether a press was ignored during the current save (reset when the save ends). */
function useBusyNotice(busyPresses: number, pending: boolean): boolean {
  const [since, setSince] = useState(busyPresses)
  useEffect(() => {
    if (!pending) setSince(busyPresses)
  }, [pending, busyPresses])
  return pending && busyPresses > since
}
