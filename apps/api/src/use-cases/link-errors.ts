import type { DomainError } from '@partner-center/domain'
import { fieldValidationError, toAppError, type AppError } from '../errors'

/**
 * The API error of a link rule's refusal: a `VALIDATION_FAILED` with fields (a control character
 * in a tag, a general link given to an `{id}` path) in the one validation shape
 * (`details.issues`), any other code as the catalogue has it.
 */
export function linkRefusal(error: DomainError): AppError {
  return error.code === 'VALIDATION_FAILED' ? fieldValidationError(error) : toAppError(error)
}
