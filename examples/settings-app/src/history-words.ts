import { resolveMessages } from '@model-consent/react'
import type { HistoryEntry } from './api'

const en = resolveMessages('en')
const labels: Readonly<Record<string, string>> = {
  'improve-model': en.title,
  'include-audio': en.audioLabel,
  'include-video': en.videoLabel,
}

/** "You turned on “Improve the model for everyone”" and the like, for one ledger entry. */
export function describeDecision(entry: HistoryEntry): string {
  const label = `“${labels[entry.setting] ?? entry.setting}”`
  const state = entry.value ? 'on' : 'off'
  switch (entry.source) {
    case 'user':
      return `You turned ${state} ${label}.`
    case 'api':
      return `The app turned ${state} ${label} for you.`
    case 'sync':
      return `${label} was turned ${state} in another window.`
    case 'policy':
      return `${label} was turned off because the privacy policy changed.`
    case 'cascade':
      return `${label} was turned off because “${labels['improve-model']}” was turned off.`
    case 'reset':
      return `${label} was turned off when you reset your choices.`
    default:
      return `${label} was turned ${state}.`
  }
}

/** "Chrome on Linux" from a user agent string, or `null` when it says nothing familiar. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null
  const browser = [
    [/Edg\//, 'Edge'], [/Firefox\//, 'Firefox'], [/Chrom(e|ium)\//, 'Chrome'], [/Safari\//, 'Safari'], [/curl\//, 'curl'],
  ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] as string | undefined
  const system = [
    [/Android/, 'Android'], [/iPhone|iPad/, 'iOS'], [/Windows/, 'Windows'], [/Mac OS X/, 'macOS'], [/Linux/, 'Linux'],
  ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] as string | undefined
  if (browser && system) return `${browser} on ${system}`
  return browser ?? system ?? null
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' })

/** "1 December 2026 at 21:30" in the reader's time zone. */
export const describeTime = (iso: string): string => dateTime.format(new Date(iso))
