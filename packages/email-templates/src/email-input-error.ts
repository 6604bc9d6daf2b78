/**
 * Why an input was refused.
 *
 * @example
 * const code: EmailInputErrorCode = 'HEADER_INJECTION'
 */
export type EmailInputErrorCode =
  'HEADER_INJECTION' | 'LINK_NOT_ALLOWED' | 'LINK_ORIGIN_NOT_ALLOWED' | 'INVALID_PROP'

/**
 * Thrown before anything is rendered when an input is unsafe or malformed. The API validates
 * input first (domain.md R14, R55), so reaching this is a bug upstream, not a user error: the
 * renderer refuses rather than silently stripping, so the bug is seen.
 *
 * @example
 * try {
 *   await renderEmail(request)
 * } catch (error) {
 *   if (error instanceof EmailInputError) console.warn(error.code, error.field)
 * }
 */
export class EmailInputError extends Error {
  override readonly name = 'EmailInputError'

  constructor(
    readonly code: EmailInputErrorCode,
    /** The prop (or `linkPolicy.origin`) that was refused. */
    readonly field: string,
    message: string
  ) {
    super(message)
  }
}
