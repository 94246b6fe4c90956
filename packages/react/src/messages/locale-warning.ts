import { warnOnce } from './dev-warning'
import { matchLocale } from './locale'

/**
 * Warns, once per tag, that a locale was asked for by tag without its messages, naming the
 * entry to import for a shipped locale. Development only: callers guard it with `NODE_ENV`.
 * @internal
 */
export function warnMissingLocale(tag: string): void {
  const shipped = matchLocale(tag)
  if (shipped === undefined || shipped === 'en') {
    warnOnce(
      `locale:${tag}`,
      `No messages for locale "${tag}"; showing English. To translate, pass a set made with ` +
        '`defineLocale(tag, messages)`, or override the words with `messages`.',
    )
    return
  }
  const name = shipped.replace(/-(\w+)/, (_, region: string) => region.toUpperCase())
  warnOnce(
    `locale:${tag}`,
    `The messages for locale "${tag}" are not loaded, so the words show in English. ` +
      `Import them and pass the set instead of the tag: ` +
      `import { ${name} } from '@model-consent/react/locales/${shipped.toLowerCase()}', then locale={${name}} ` +
      '(on the component or on ConsentProvider).',
  )
}
