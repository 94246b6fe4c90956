/**
 * True unless the app was bundled for production. Bundlers replace `process.env.NODE_ENV`
 * with a literal, so this folds to `false` there; where nothing replaced it and no `process`
 * exists (an unbundled browser import), reading it throws and we count that as development.
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production'
  } catch {
    return true
  }
}
