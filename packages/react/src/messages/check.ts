/** Shows a bad value in an error message without throwing on odd inputs. @internal */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'function') return 'a function'
  if (value === null || typeof value !== 'object') return String(value)
  try {
    return JSON.stringify(value) ?? Object.prototype.toString.call(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

/** Throws a `TypeError` unless `overrides` (a `messages` prop) is an object, `undefined` or `null`. */
export function checkOverrides(overrides: unknown): void {
  if (overrides !== undefined && overrides !== null && typeof overrides !== 'object') {
    throw new TypeError(
      process.env.NODE_ENV !== 'production' ? `[model-consent] \`messages\` must be an object, but got ${describe(overrides)}.` : '`messages`',
    )
  }
}

/** Throws a `TypeError` naming `key` unless its override is a string or `undefined`. */
export function checkText(key: string, value: unknown): asserts value is string | undefined {
  if (value !== undefined && typeof value !== 'string') {
    throw new TypeError(
      process.env.NODE_ENV !== 'production' ? `[model-consent] Message "${key}" must be a string, but got ${describe(value)}.` : `Message "${key}"`,
    )
  }
}
