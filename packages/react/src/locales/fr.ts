import { fr as messages } from '../messages/fr'
import { toLocale, type ConsentLocale } from '../messages/locale-set'

/**
 * French messages for every part of the kit, tagged `fr` and `ltr`.
 * @example
 * import { fr } from '@model-consent/react/locales/fr'
 * <ConsentProvider locale={fr}>…</ConsentProvider>
 */
export const fr: ConsentLocale = /* @__PURE__ */ toLocale('fr', 'ltr', messages)
export default fr
