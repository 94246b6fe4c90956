import { de as messages } from '../messages/de'
import { toLocale, type ConsentLocale } from '../messages/locale-set'

/**
 * German messages for every part of the kit, tagged `de` and `ltr`.
 * @example
 * import { de } from '@model-consent/react/locales/de'
 * <ConsentProvider locale={de}>…</ConsentProvider>
 */
export const de: ConsentLocale = /* @__PURE__ */ toLocale('de', 'ltr', messages)
export default de
