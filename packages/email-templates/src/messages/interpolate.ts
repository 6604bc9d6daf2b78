/**
 * Fills `{name}` placeholders. A value is inserted once and never rescanned, so a partner name
 * that itself contains `{customer}` stays literal. An unknown placeholder throws: it is a typo in
 * a catalogue, and an email must never go out with a raw `{…}` in it.
 *
 * @example
 * interpolate('Hello {customer},', { customer: 'Alpha' }) // 'Hello Alpha,'
 */
export function interpolate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`Missing value for {${name}} in "${template}"`)
    return value
  })
}
