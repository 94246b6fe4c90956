import { en as messages } from '../messages/en'
import { toLocale, type ConsentLocale } from '../messages/locale-set'

/**
 * English messages for every part of the kit, tagged `en` and `ltr`.
 * English is also built in; pass this set to name it explicitly or to build on it.
 * @example
 * import { en } from '@model-consent/react/locales/en'
 * <ConsentProvider locale={en}>…</ConsentProvider>
 */
export const en: ConsentLocale = /* @__PURE__ */ toLocale('en', 'ltr', messages)
export default en
