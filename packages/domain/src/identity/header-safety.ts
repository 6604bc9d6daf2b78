/**
 * Characters that could end or split an email header line (R55, §3.1): CR, LF, NUL, NEL (U+0085),
 * LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029).
 *
 * @example
 * HEADER_UNSAFE_CHARACTERS.includes('\n') // true
 */
export const HEADER_UNSAFE_CHARACTERS = ['\r', '\n', '\0', '\u0085', '\u2028', '\u2029'] as const

const HEADER_UNSAFE = /[\r\n\0\u0085\u2028\u2029]/u

/**
 * Tells whether a value may be placed in an email header (recipient, subject, Reply-To).
 * Refusing at input (rather than stripping at send time) means what is stored is what is sent.
 *
 * @example
 * isHeaderSafe('Acme Cloud') // true
 * isHeaderSafe('Acme\r\nBcc: x@y.example') // false
 */
export function isHeaderSafe(value: string): boolean {
  return !HEADER_UNSAFE.test(value)
}
