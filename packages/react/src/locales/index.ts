/**
 * Every shipped locale at once, for apps that pick one at run time and accept the size of all
 * seven. To pay only for what a page shows, import a single entry instead, such as
 * `@model-consent/react/locales/fr`.
 */
import { ar } from './ar'
import { de } from './de'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import { ja } from './ja'
import { ptBR } from './pt-br'
import type { SupportedLocale } from '../messages/tags'
import type { ConsentLocale } from '../messages/locale-set'

export { ar, de, en, es, fr, ja, ptBR }

/** The shipped locale sets by tag, English first. */
export const locales: Readonly<Record<SupportedLocale, ConsentLocale>> = /* @__PURE__ */ Object.freeze({
  en,
  es,
  fr,
  de,
  'pt-BR': ptBR,
  ja,
  ar,
})
