import { ja as messages } from '../messages/ja'
import { toLocale, type ConsentLocale } from '../messages/locale-set'

/**
 * Japanese messages for every part of the kit, tagged `ja` and `ltr`.
 * @example
 * import { ja } from '@model-consent/react/locales/ja'
 * <ConsentProvider locale={ja}>…</ConsentProvider>
 */
export const ja: ConsentLocale = /* @__PURE__ */ toLocale('ja', 'ltr', messages)
export default ja
