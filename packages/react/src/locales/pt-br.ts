import { ptBR as messages } from '../messages/pt-br'
import { toLocale, type ConsentLocale } from '../messages/locale-set'

/**
 * Brazilian Portuguese messages for every part of the kit, tagged `pt-BR` and `ltr`.
 * @example
 * import { ptBR } from '@model-consent/react/locales/pt-br'
 * <ConsentProvider locale={ptBR}>…</ConsentProvider>
 */
export const ptBR: ConsentLocale = /* @__PURE__ */ toLocale('pt-BR', 'ltr', messages)
export default ptBR
