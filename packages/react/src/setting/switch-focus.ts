import { MAIN_SETTING, MEDIA_SETTINGS } from './setting-view'

/** The DOM id of the switch of `setting` inside one setting whose ids start with `base`. */
export function switchIdOf(base: string, setting: string): string {
  if (setting === MEDIA_SETTINGS.audio) return `${base}-media-audio`
  if (setting === MEDIA_SETTINGS.video) return `${base}-media-video`
  return setting === MAIN_SETTING ? `${base}-switch` : `${base}-${setting}`
}

/**
 * Moves focus to the switch of `setting`, looked up from `root` (its document or shadow root,
 * so ids made by `useId` need no CSS escaping). Does nothing when it is not rendered.
 */
export function focusSwitch(root: HTMLElement | null, base: string, setting: string): void {
  const scope = root?.getRootNode() as Document | ShadowRoot | undefined
  const target = scope?.getElementById?.(switchIdOf(base, setting))
  target?.focus()
}
