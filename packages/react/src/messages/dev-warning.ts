const warned = /* @__PURE__ */ new Set<string>()

/**
 * Logs a `[model-consent]` warning in development, once per `id` for the life of the page.
 * Callers wrap the call in `process.env.NODE_ENV !== 'production'` so that bundlers drop the
 * message text from production builds; it checks again for callers that do not.
 * @internal
 */
export function warnOnce(id: string, message: string): void {
  if (process.env.NODE_ENV === 'production' || warned.has(id)) return
  warned.add(id)
  console.warn(`[model-consent] ${message}`)
}
