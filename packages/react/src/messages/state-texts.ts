import type { SupportedLocale } from './tags'
import type { ConsentMessages } from './types'

/** The two messages `ConsentSwitch` shows. */
export type StateTexts = Readonly<Pick<ConsentMessages, 'stateOn' | 'stateOff'>>

/**
 * `stateOn` and `stateOff` of every shipped locale, on their own, so that `ConsentSwitch` used
 * without the other parts does not bring every locale's full message set into an app's bundle.
 * The same words as in the message sets: a test checks that they match.
 */
export const stateTexts: Readonly<Record<SupportedLocale, StateTexts>> = {
  en: { stateOn: 'On', stateOff: 'Off' },
  es: { stateOn: 'Activado', stateOff: 'Desactivado' },
  fr: { stateOn: 'Activé', stateOff: 'Désactivé' },
  de: { stateOn: 'An', stateOff: 'Aus' },
  'pt-BR': { stateOn: 'Ativado', stateOff: 'Desativado' },
  ja: { stateOn: 'オン', stateOff: 'オフ' },
  ar: { stateOn: 'مفعّل', stateOff: 'غير مفعّل' },
}
