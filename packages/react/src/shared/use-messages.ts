import { useMemo } from 'react'
import { resolveMessages, type ConsentMessages } from '../messages'

/** The messages for `locale` with `overrides` on top; stable while both are. */
export function useMessages(
  locale: string | undefined,
  overrides: Partial<ConsentMessages> | undefined,
): ConsentMessages {
  return useMemo(() => resolveMessages(locale, overrides), [locale, overrides])
}
