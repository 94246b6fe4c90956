import { formatMessage, type ConsentMessages } from '../messages'
import { ConsentSwitch } from '../switch/consent-switch'
import type { ManagedSetting } from '@model-consent/core'
import { managedReasonText } from './managed'
import { MAIN_SETTING, MEDIA_SETTINGS, type MediaKind, type SettingView } from './setting-view'
import { switchIdOf } from './switch-focus'

interface MediaGroupProps {
  /** Prefix of the setting's ids; the switches get `switchIdOf(idBase, setting)`. */
  idBase: string
  media: readonly MediaKind[]
  mainOn: boolean
  disabled: boolean
  /** A controlled `value` is `null`: busy and not operable, without the On/Off text or the reason. */
  loading?: boolean
  messages: ConsentMessages
  read: (id: string) => SettingView
  onRequest: (id: string, value: boolean) => void
  /** A switch was pressed while its last change was still saving. */
  onBusyPress: () => void
  /** The managed-setting lock on a setting (its own or the main setting's), if any. */
  lockOf?: (id: string) => ManagedSetting | null
}

/**
 * The recordings opt-ins: a labelled group of switches, off while the main setting is off. Then
 * they are "unavailable" rather than disabled: still in the Tab order, `aria-disabled`, and
 * described by a visible reason ("Turn on … first"), so nobody is left wondering why they do nothing.
 */
export function MediaGroup({ idBase, media, mainOn, disabled, loading = false, messages, read, onRequest, onBusyPress, lockOf }: MediaGroupProps) {
  if (media.length === 0) return null
  const reasonId = `${idBase}-media-reason`
  const explained = !mainOn && !disabled && !loading
  // A managed main setting holds the recordings off for the same reason: say that one, not "turn it on first".
  const mainLock = lockOf?.(MAIN_SETTING) ?? null
  return (
    <div role="group" aria-labelledby={`${idBase}-media-label`} data-slot="media-group" data-disabled={mainOn ? undefined : ''}>
      <p id={`${idBase}-media-label`} data-slot="media-group-label">
        {messages.mediaGroupLabel}
      </p>
      {explained ? (
        <p id={reasonId} data-slot="media-group-reason">
          {mainLock ? managedReasonText(messages, mainLock.reason) : formatMessage(messages.mediaNeedsMain, { title: messages.title })}
        </p>
      ) : null}
      {media.map((kind) => {
        const setting = MEDIA_SETTINGS[kind]
        const view = read(setting)
        const label = kind === 'audio' ? messages.audioLabel : messages.videoLabel
        const id = switchIdOf(idBase, setting)
        const ownLock = mainOn ? (lockOf?.(setting) ?? null) : null
        return (
          <div key={kind} data-slot="media-item" data-state={view.value ? 'checked' : 'unchecked'}>
            <label htmlFor={id} data-slot="media-label">
              {label}
            </label>
            <ConsentSwitch
              id={id}
              checked={mainOn && view.value}
              disabled={disabled || loading}
              unavailable={!mainOn}
              unavailableReason={ownLock ? managedReasonText(messages, ownLock.reason) : undefined}
              aria-describedby={explained ? reasonId : undefined}
              aria-busy={loading || undefined}
              pending={view.pending}
              stateText={!loading}
              messages={messages}
              onClick={() => view.pending && onBusyPress()}
              onCheckedChange={(next) => onRequest(setting, next)}
            />
          </div>
        )
      })}
    </div>
  )
}
