import { es as messages } from '../messages/es'
import { toLocale, type ConsentLocale } from '../messages/locale-set'

/**
 * Spanish messages for every part of the kit, tagged `es` and `ltr`.
 * @example
 * import { es } from '@model-consent/react/locales/es'
 * <ConsentProvider locale={es}>…</ConsentProvider>
 */
export const es: ConsentLocale = /* @__PURE__ */ toLocale('es', 'ltr', messages)
export default es
