import { ar as messages } from '../messages/ar'
import { toLocale, type ConsentLocale } from '../messages/locale-set'

/**
 * Arabic (right to left) messages for every part of the kit, tagged `ar` and `rtl`.
 * @example
 * import { ar } from '@model-consent/react/locales/ar'
 * <ConsentProvider locale={ar}>…</ConsentProvider>
 */
export const ar: ConsentLocale = /* @__PURE__ */ toLocale('ar', 'rtl', messages)
export default ar
