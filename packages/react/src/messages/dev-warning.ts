/**
 * Whether development warnings are on: everywhere except `NODE_ENV === 'production'`.
 * Bundlers replace `process.env.NODE_ENV`, so the warnings are removed from production builds.
 * @internal
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production'
  } catch {
    // `process` is not defined in a browser without a bundler: treat that as development.
    return true
  }
}

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
