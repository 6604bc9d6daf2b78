// Control characters (Unicode Cc: C0, DEL and C1) and the line and paragraph separators. No text
// input of the product allows them, not even a line break: names and emails end up in email
// headers, CSV-like lists and log lines, a review note is one line (R31), and a NUL cannot be
// stored by PostgreSQL at all. Format characters (Cf) stay allowed: emoji use ZWJ.
const CONTROL = /[\p{Cc}\u2028\u2029]/u

/**
 * Whether a text holds a control character (R4 "Strict input"): any of U+0000–U+001F, U+007F,
 * U+0080–U+009F, U+2028 or U+2029.
 *
 * @example
 * hasControlCharacter('Alpha Robotics') // false
 * hasControlCharacter('alpha\u0000') // true
 * hasControlCharacter('👩‍💻 Dev') // false (ZWJ is a format character, not a control)
 */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text)
}

/**
 * The dotted paths of every string in an input (a query, path parameters, a JSON body) that
 * holds a control character, e.g. `['customerName', 'users.0.email']`; empty when there is none.
 * Object keys are not reported (closed schemas refuse unknown keys anyway). Never throws, for
 * any JSON value, and stops descending at a depth of 32.
 *
 * @example
 * controlCharacterPaths({ q: 'a\u0000b', page: '1' }) // ['q']
 * controlCharacterPaths({ ids: ['ok', 'b\u0085'] }, 'body') // ['body.ids.1']
 */
export function controlCharacterPaths(input: unknown, prefix = ''): string[] {
  const found: string[] = []
  const visit = (value: unknown, path: string, depth: number) => {
    if (typeof value === 'string') {
      if (CONTROL.test(value)) found.push(path)
      return
    }
    if (typeof value !== 'object' || value === null || depth >= 32) return
    const join = (key: string) => (path === '' ? key : `${path}.${key}`)
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, join(String(index)), depth + 1))
      return
    }
    for (const [key, item] of Object.entries(value)) visit(item, join(key), depth + 1)
  }
  visit(input, prefix, 0)
  return found
}
