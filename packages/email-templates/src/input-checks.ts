import { EmailInputError } from './email-input-error.js'

/** CR, LF, NUL, NEL, LS, PS: the characters R55 refuses in header-bound values. */
const HEADER_BREAKERS = /[\r\n\0\u0085\u2028\u2029]/

/**
 * Refuses a header-bound value (subject, recipient, Reply-To) that could split a mail header.
 * Refusing instead of stripping: the API validates first (R14), so a hit here is a bug upstream.
 *
 * @example
 * assertHeaderSafe('Alpha Partner', 'partnerName') // passes
 * assertHeaderSafe('Alpha\r\nBcc: x@evil.example', 'partnerName') // throws EmailInputError
 */
export function assertHeaderSafe(value: string, field: string): void {
  if (HEADER_BREAKERS.test(value)) {
    throw new EmailInputError(
      'HEADER_INJECTION',
      field,
      `${field} contains a line break or NUL, which is refused in header-bound values`
    )
  }
}

/**
 * Checks at run time that each named prop is a string, for callers outside TypeScript.
 *
 * @example
 * assertStrings({ reason: 'Expired' }, ['reason']) // passes
 */
export function assertStrings(props: object, fields: readonly string[]): void {
  const record = props as Record<string, unknown>
  for (const field of fields) {
    if (typeof record[field] !== 'string') {
      throw new EmailInputError('INVALID_PROP', field, `${field} must be a string`)
    }
  }
}

/**
 * Checks that an association type is one of the two known ones.
 *
 * @example
 * assertAssociationType('reseller') // passes
 */
export function assertAssociationType(value: unknown): asserts value is 'reseller' | 'referral' {
  if (value !== 'reseller' && value !== 'referral') {
    throw new EmailInputError('INVALID_PROP', 'associationType', 'associationType is unknown')
  }
}
