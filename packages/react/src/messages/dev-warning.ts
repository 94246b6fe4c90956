import { isDevelopment } from '../shared/dev'

const warned = new Set<string>()

/**
 * Logs a `[model-consent]` warning in development, once per `id` for the life of the page.
 * @internal
 */
export function warnOnce(id: string, message: string): void {
  if (!isDevelopment() || warned.has(id)) return
  warned.add(id)
  console.warn(`[model-consent] ${message}`)
}
