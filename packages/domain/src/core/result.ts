import type { FailureCode } from '../failures/failure-codes'

/**
 * The outcome of a rule: a value, or an expected failure. Rules never throw for expected
 * failures, so callers must look at `ok` before using the value.
 *
 * @example
 * const result: Result<number, string> = ok(1)
 * if (result.ok) console.log(result.value)
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E }

/**
 * A failure of a domain rule: a catalogue code and optional machine-readable details
 * (`protectedUntil`, `retryAfterSeconds`, failing `fields`, …). Never contains unmasked customer data.
 *
 * @example
 * const error: DomainError = { code: 'QUOTA_EXCEEDED', details: { quota: 100 } }
 */
export interface DomainError {
  code: FailureCode
  details?: Record<string, unknown>
}

/**
 * One failing input field, as carried in `details.fields` of a `VALIDATION_FAILED` error.
 *
 * @example
 * const field: FieldIssue = { path: 'email', reason: 'INVALID_EMAIL' }
 */
export interface FieldIssue {
  path: string
  reason: string
}

/**
 * Wraps a successful value.
 *
 * @example
 * ok(42) // { ok: true, value: 42 }
 */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

/**
 * Wraps an expected failure.
 *
 * @example
 * err({ code: 'NOT_FOUND' }) // { ok: false, error: { code: 'NOT_FOUND' } }
 */
export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error }
}

/**
 * Builds a failed result carrying a catalogue code, with details only when given, so that
 * error bodies never contain an empty `details` object.
 *
 * @example
 * fail('PARTNER_DAILY_CAP', { retryAfterSeconds: 60 })
 */
export function fail(
  code: FailureCode,
  details?: Record<string, unknown>
): { ok: false; error: DomainError } {
  return err(details === undefined ? { code } : { code, details })
}

/**
 * Builds a `VALIDATION_FAILED` result listing the failing fields.
 *
 * @example
 * validationFailed([{ path: 'customerName', reason: 'REQUIRED' }])
 */
export function validationFailed(fields: readonly FieldIssue[]): { ok: false; error: DomainError } {
  return fail('VALIDATION_FAILED', { fields: [...fields] })
}
