import { useId } from 'react'
import type { ConsentMessages } from '../messages'
import { ConsentSwitch } from '../switch/consent-switch'
import { MEDIA_SETTINGS, type MediaKind, type SettingView } from './setting-view'

interface MediaGroupProps {
  media: readonly MediaKind[]
  mainOn: boolean
  disabled: boolean
  /** Not known yet: busy and not operable, without the On/Off text. */
  loading?: boolean
  messages: ConsentMessages
  read: (id: string) => SettingView
  onRequest: (id: string, value: boolean) => void
}

/** The recordings opt-ins: a labelled group of switches, disabled and off while the main setting is off. */
export function MediaGroup({ media, mainOn, disabled, loading = false, messages, read, onRequest }: MediaGroupProps) {
  const id = useId()
  if (media.length === 0) return null
  return (
    <div role="group" aria-labelledby={`${id}-label`} data-slot="media-group" data-disabled={mainOn ? undefined : ''}>
      <p id={`${id}-label`} data-slot="media-group-label">
        {messages.mediaGroupLabel}
      </p>
      {media.map((kind) => {
        const setting = MEDIA_SETTINGS[kind]
        const view = read(setting)
        const label = kind === 'audio' ? messages.audioLabel : messages.videoLabel
        return (
          <div key={kind} data-slot="media-item" data-state={view.value ? 'checked' : 'unchecked'}>
            <label htmlFor={`${id}-${kind}`} data-slot="media-label">
              {label}
            </label>
            <ConsentSwitch
              id={`${id}-${kind}`}
              checked={mainOn && view.value}
              disabled={disabled || loading || !mainOn}
              aria-busy={loading || undefined}
              pending={view.pending}
              stateText={!loading}
              messages={messages}
              onCheckedChange={(next) => onRequest(setting, next)}
            />
          </div>
        )
      })}
    </div>
  )
}
