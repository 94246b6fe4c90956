/**
 * True unless the app was bundled for production. Prefer writing
 * `process.env.NODE_ENV !== 'production'` at the call site: bundlers replace it with a literal
 * and then drop the guarded code and its message text, which they cannot do through a call.
 * Reading `process` where nothing replaced it and no `process` exists (an unbundled browser
 * import) throws; this counts that as development.
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production'
  } catch {
    return true
  }
}
