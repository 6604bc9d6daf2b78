import {
  failureMessage,
  httpStatusOf,
  type DomainError,
  type FailureCode,
  type FieldIssue,
  type Locale,
} from '@partner-center/domain'

/**
 * The one error class of the API. `code` is a catalogue code (docs/domain.md §6) and the HTTP
 * status is the catalogue's, so no call site restates it; the answer's message is the catalogue
 * text in the request language, so callers never see internal messages.
 *
 * @example
 * throw AppError.of('NOT_FOUND')
 * throw AppError.of('VALIDATION_FAILED', { issues })
 */
export class AppError extends Error {
  private constructor(
    readonly code: FailureCode,
    readonly status: number,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>
  ) {
    super(code)
    this.name = 'AppError'
  }

  /**
   * The error of a catalogue code with the code's own HTTP status. A `retryAfterSeconds` detail
   * also becomes the `Retry-After` header (whole seconds, at least 1), as R8 asks of 429 and 503.
   */
  static of(code: FailureCode, details?: Record<string, unknown>): AppError {
    const status = httpStatusOf(code) ?? 500
    const retryAfter = details?.retryAfterSeconds
    const headers =
      typeof retryAfter === 'number'
        ? { 'retry-after': String(Math.max(1, Math.ceil(retryAfter))) }
        : undefined
    return new AppError(code, status, details, headers)
  }

  /** 503 `SYSTEM_BUSY`: a transient condition; the client retries after `retryAfterSeconds`. */
  static busy(retryAfterSeconds: number): AppError {
    return AppError.of('SYSTEM_BUSY', { retryAfterSeconds })
  }
}

/** Builds the AppError of a domain result's failure (`{ code, details }`). */
export function toAppError(error: {
  code: FailureCode
  details?: Record<string, unknown>
}): AppError {
  return AppError.of(error.code, error.details)
}

/**
 * The domain's field issues in the one validation shape (`details.issues`), under the domain's
 * code: `VALIDATION_FAILED`, or an input code of its own (`NON_ASCII_LOCAL_PART`,
 * `MIXED_SCRIPT_DOMAIN`, both 400) so the client can say why.
 */
export function fieldValidationError(error: DomainError): AppError {
  const fields = (error.details?.fields as FieldIssue[] | undefined) ?? []
  return AppError.of(error.code, {
    issues: fields.map((field) => ({ path: field.path, message: field.reason })),
  })
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
