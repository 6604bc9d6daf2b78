import type { DomainError } from '@partner-center/domain'
import { fieldValidationError, toAppError, type AppError } from '../errors'

/**
 * The answer to an endpoint input R126 refuses: `VALIDATION_FAILED` with the fields'
 * `details.issues`, or the URL's own code (`WEBHOOK_URL_INVALID`, `WEBHOOK_URL_NOT_ALLOWED`).
 *
 * @example
 * throw endpointInputError({ code: 'WEBHOOK_URL_INVALID' })
 */
export function endpointInputError(error: DomainError): AppError {
  return error.code === 'VALIDATION_FAILED' ? fieldValidationError(error) : toAppError(error)
}
