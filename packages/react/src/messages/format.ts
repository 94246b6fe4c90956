/**
 * Fills `{name}` placeholders in a message. Unknown placeholders are left as they are.
 * @example formatMessage(messages.decisionOn, { date: '3 March 2025' }) // 'On since 3 March 2025'
 */
export function formatMessage(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? (values[name] as string) : match,
  )
}
