import { failureMessage, getFailure, type FailureCode, type Locale } from '@partner-center/domain'

/**
 * The one error class of the API. `code` is a catalogue code (domain.md §6); the answer's message
 * is the catalogue text in the request language, so callers never see internal messages.
 *
 * @example
 * throw new AppError('NOT_FOUND', 404)
 */
export class AppError extends Error {
  constructor(
    readonly code: FailureCode,
    readonly status: number,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>
  ) {
    super(code)
    this.name = 'AppError'
  }
}

/** Builds the AppError of a catalogue code with the code's own HTTP status. */
export function toAppError(error: {
  code: FailureCode
  details?: Record<string, unknown>
}): AppError {
  const status = getFailure(error.code).httpStatus ?? 500
  const retryAfter = error.details?.retryAfterSeconds
  const headers =
    typeof retryAfter === 'number'
      ? { 'retry-after': String(Math.max(1, Math.ceil(retryAfter))) }
      : undefined
  return new AppError(error.code, status, error.details, headers)
}

/** The JSON body of every error answer (domain.md R8). */
export function errorBody(options: {
  code: FailureCode
  locale: Locale
  requestId: string
  details?: Record<string, unknown>
}) {
  return {
    error: {
      code: options.code,
      message: failureMessage(options.code, options.locale),
      ...(options.details ? { details: options.details } : {}),
      requestId: options.requestId,
    },
  }
}
