import type { ConsentMessages } from './types'

/** Text direction of a locale. */
export type TextDirection = 'ltr' | 'rtl'

/**
 * A complete, frozen message set that carries its BCP 47 locale tag (used for `lang` and for
 * dates) and its text direction. Import a shipped one from its own entry, such as
 * `import { fr } from '@model-consent/react/locales/fr'`, and pass it as `locale={fr}`;
 * English is built in. Build your own with `defineLocale`.
 */
export interface ConsentLocale extends ConsentMessages {
  /** BCP 47 tag of the words, such as `fr` or `pt-BR`: the `lang` attribute and the date format. */
  readonly locale: string
  /** Text direction of the words. */
  readonly dir: TextDirection
}

/** What the `locale` prop and `ConsentProvider`'s `locale` take: a message set, or a BCP 47 tag. */
export type LocaleInput = string | ConsentLocale

/**
 * A frozen `ConsentLocale` from a message set. Kept to one line so that each locale entry pays
 * only for its words.
 * @internal used by the shipped locale entries
 */
export function toLocale(locale: string, dir: TextDirection, messages: ConsentMessages): ConsentLocale {
  return Object.freeze({ ...messages, locale, dir })
}
