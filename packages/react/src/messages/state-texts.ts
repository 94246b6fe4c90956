import type { ConsentMessages } from './types'

/** The two messages `ConsentSwitch` shows. */
export type StateTexts = Readonly<Pick<ConsentMessages, 'stateOn' | 'stateOff'>>

/**
 * The built-in English `stateOn` and `stateOff` on their own, so that `ConsentSwitch` used
 * without the other parts does not bring the full English message set into an app's bundle.
 * The same words as in the English set: a test checks that they match.
 */
export const englishStateTexts: StateTexts = /* @__PURE__ */ Object.freeze({ stateOn: 'On', stateOff: 'Off' })
