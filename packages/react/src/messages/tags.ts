/** Every shipped locale, in a stable order (English first), as BCP 47 tags. */
export const supportedLocales = ['en', 'es', 'fr', 'de', 'pt-BR', 'ja', 'ar'] as const

/** The locales the kit ships complete messages for, as BCP 47 tags. */
export type SupportedLocale = (typeof supportedLocales)[number]

/** The locale used when none is given or the given one is not shipped. */
export const defaultLocale: SupportedLocale = 'en'

/** Whether `locale` is exactly (case-sensitively) one of the shipped locale tags. */
export function isSupportedLocale(locale: string): locale is SupportedLocale {
  return (supportedLocales as readonly string[]).includes(locale)
}
