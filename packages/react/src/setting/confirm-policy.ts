import type { PartMessages } from '../messages/types'

/**
 * When the setting asks before a change:
 * - `enable` (default): before anything turns on; turning off is immediate.
 * - `both`: before turning on and before turning off, so withdrawing takes no more steps than agreeing.
 * - `never`: never asks.
 * There is deliberately no policy that confirms only turning off.
 */
export type ConfirmPolicy = 'enable' | 'both' | 'never'

const POLICIES: readonly string[] = ['enable', 'both', 'never']

/** Refuses any policy that is not one of the three, naming the `confirm` option. */
export function validateConfirmPolicy(confirm: unknown): ConfirmPolicy {
  if (confirm === undefined) return 'enable'
  if (typeof confirm === 'string' && POLICIES.includes(confirm)) return confirm as ConfirmPolicy
  const shown = typeof confirm === 'string' ? JSON.stringify(confirm) : String(confirm)
  // Production keeps the refusal and names the option and the value; the explanation is development-only.
  if (process.env.NODE_ENV === 'production') throw new TypeError(`\`confirm\` ${shown}`)
  const why =
    confirm === 'disable'
      ? ' Confirming only when turning off would make withdrawing consent harder than giving it, which this kit never allows.'
      : ''
  throw new TypeError(`The \`confirm\` option must be 'enable', 'both' or 'never', got ${shown}.${why}`)
}

/** Whether changing to `value` needs a confirmation under `policy`. */
export const needsConfirmation = (policy: ConfirmPolicy, value: boolean): boolean =>
  value ? policy !== 'never' : policy === 'both'

/** The texts of the confirmation for one change. */
export function confirmationTexts(
  messages: PartMessages,
  setting: string,
  value: boolean,
): { title: string; description: string; confirmLabel: string } {
  const kind = setting === 'include-audio' ? 'Audio' : setting === 'include-video' ? 'Video' : ''
  const way = value ? 'Enable' : 'Disable'
  const title = messages[`confirm${kind}${way}Title` as const]
  const description = messages[`confirm${kind}${way}Body` as const]
  return { title, description, confirmLabel: value ? messages.confirmEnableAction : messages.confirmDisableAction }
}
