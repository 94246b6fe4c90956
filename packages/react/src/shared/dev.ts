/**
 * True unless the bundle was built for production. Bundlers replace `process.env.NODE_ENV`;
 * the `typeof` guard keeps an unbundled browser import from throwing.
 */
export function isDevelopment(): boolean {
  return typeof process === 'undefined' || process.env.NODE_ENV !== 'production'
}
