import {
  toApiError as toContractsApiError,
  type ApiError,
} from '@partner-center/contracts/transport'
import { failureMessage, isFailureCode, partnerAction, type Locale } from '@partner-center/domain'

/** What the page shows for a failed request (S11). */
export interface ErrorText {
  code: string
  message: string
  action: string | null
  reference: string | null
}

/**
 * Any thrown value as an {@link ApiError}, by the contracts' one helper: programming errors
 * become `INTERNAL` with this page's generic message (never the cause's own text), so the page
 * always has a code and a user-safe message to show.
 *
 * @example
 * toApiError(new TypeError('x')).code // 'INTERNAL'
 */
export function toApiError(cause: unknown): ApiError {
  return toContractsApiError(cause, { message: 'Unexpected client error.' })
}

/**
 * The catalogue message and partner action of an error in a language (domain.md §6), falling
 * back to the server's message for codes the catalogue does not know; the request id is kept
 * for INTERNAL so the user can quote it.
 *
 * @example
 * describeError(new ApiError({ code: 'NOT_FOUND', status: 404, message: '' }), 'en').message
 * // 'The requested item does not exist.'
 */
export function describeError(error: ApiError, locale: Locale): ErrorText {
  const known = isFailureCode(error.code)
  const code = known ? error.code : error.status >= 500 ? 'INTERNAL' : null
  return {
    code: error.code,
    message: code ? failureMessage(code, locale) : error.message,
    action: code ? partnerAction(code, locale) : null,
    reference: error.requestId ?? null,
  }
}

/**
 * The message and action of a catalogue code given as a plain string (row outcomes, checks).
 *
 * @example
 * codeText('EMAIL_REQUIRED', 'en').message // 'An email address is required to send an email invitation.'
 */
export function codeText(code: string, locale: Locale): { message: string; action: string | null } {
  if (!isFailureCode(code)) return { message: code, action: null }
  return { message: failureMessage(code, locale), action: partnerAction(code, locale) }
}
