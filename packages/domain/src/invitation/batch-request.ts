import type { PartnerSnapshot } from '../core/entities'
import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'
import type { DomainError, Result } from '../core/result'
import { fail, ok, validationFailed } from '../core/result'
import type { AssociationType } from '../core/statuses'
import { ASSOCIATION_TYPES } from '../core/statuses'
import { checkAssociationType } from './association-types'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Whether a string is a well-formed UUID (any version). Malformed ids fail a whole batch request
 * with `VALIDATION_FAILED`, unlike well-formed unknown ids, which are skipped (R2).
 *
 * @example
 * isUuid('1b4e28ba-2fa1-11d2-883f-0016d3cca427') // true
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}

/**
 * Request-level checks of an invite (R36), in order: `VALIDATION_FAILED` (not an array, empty,
 * malformed id, unknown type) → `BATCH_TOO_LARGE` (more than `INVITE_BATCH_MAX` ids as sent,
 * before collapsing) → `REFERRAL_NOT_ENABLED` → `PREPAID_PARTNER_RESELLER`. The API checks
 * idempotency (R43) between the size and the type checks; call `checkBatchSize` and
 * `checkAssociationType` separately for that. Returns the type after defaulting and the ids with
 * duplicates collapsed to their first occurrence (R37).
 *
 * @example
 * checkBatchRequest({ preregistrationIds: ids, partner }) // ok({ associationType: 'reseller', ids })
 */
export function checkBatchRequest(options: {
  preregistrationIds: unknown
  associationType?: unknown
  partner: Pick<PartnerSnapshot, 'referralModelEnabled' | 'isPrepaid'>
  limits?: Limits
}): Result<{ associationType: AssociationType; ids: string[] }, DomainError> {
  const size = checkBatchSize(options.preregistrationIds, options.limits)
  if (!size.ok) return size
  const type = options.associationType ?? 'reseller'
  if (!(ASSOCIATION_TYPES as readonly unknown[]).includes(type)) {
    return validationFailed([{ path: 'associationType', reason: 'UNSUPPORTED' }])
  }
  const allowed = checkAssociationType(options.partner, type as AssociationType)
  if (!allowed.ok) return allowed
  return ok({ associationType: allowed.value, ids: size.value })
}

/**
 * Schema and size of the id list: an array of 1+ UUIDs, else `VALIDATION_FAILED`; more than
 * `INVITE_BATCH_MAX` ids, else `BATCH_TOO_LARGE`. Returns the ids with duplicates collapsed.
 *
 * @example
 * checkBatchSize(Array(101).fill(id)) // err({ code: 'BATCH_TOO_LARGE', details: { max: 100 } })
 */
export function checkBatchSize(
  ids: unknown,
  limits: Limits = DEFAULT_LIMITS
): Result<string[], DomainError> {
  if (!Array.isArray(ids) || ids.length === 0) {
    return validationFailed([{ path: 'preregistrationIds', reason: 'REQUIRED' }])
  }
  const malformed = ids.findIndex((id) => !isUuid(id))
  if (malformed >= 0) {
    return validationFailed([{ path: `preregistrationIds.${malformed}`, reason: 'NOT_A_UUID' }])
  }
  if (ids.length > limits.INVITE_BATCH_MAX) {
    return fail('BATCH_TOO_LARGE', { max: limits.INVITE_BATCH_MAX })
  }
  return ok([...new Set(ids as string[])])
}
