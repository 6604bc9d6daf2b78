import type { PartnerSnapshot } from '../core/entities'
import { DEFAULT_LIMITS } from '../core/limits'
import type { DomainError, Result } from '../core/result'
import { fail, ok, validationFailed } from '../core/result'
import type { AssociationType } from '../core/statuses'
import { addMs, DAY_MS } from '../core/time'
import { allowedAssociationTypes, checkAssociationType } from '../invitation/association-types'
import { checkLinkTag } from './link-tag'

// Creating invitation links (domain.md §12.3.1 L1, L2; R91, R93). Whether the tag is free
// (`checkLinkTagFree`) is decided later, under the transaction lock on (partner, tag key).

type PartnerTypes = Pick<PartnerSnapshot, 'isPrepaid' | 'referralModelEnabled'>

/**
 * The association type of a new general link (R91, R11): `reseller`, or `referral` when the
 * partner is prepaid and referral is enabled; with no type allowed, `PREPAID_PARTNER_RESELLER`
 * (the type's refusal) and nothing is created.
 *
 * @example
 * generalLinkAssociationType({ isPrepaid: false, referralModelEnabled: true }) // ok('reseller')
 * generalLinkAssociationType({ isPrepaid: true, referralModelEnabled: true }) // ok('referral')
 * generalLinkAssociationType({ isPrepaid: true, referralModelEnabled: false }) // err PREPAID_PARTNER_RESELLER
 */
export function generalLinkAssociationType(
  partner: PartnerTypes
): Result<AssociationType, DomainError> {
  const [type] = allowedAssociationTypes(partner)
  return type === undefined ? fail('PREPAID_PARTNER_RESELLER') : ok(type)
}

/**
 * The request of a custom link after the schema (R93).
 *
 * @example
 * const request: CustomLinkRequest = { tag: 'Spring Fair', expiresInDays: 30 }
 */
export interface CustomLinkRequest {
  tag: string
  associationType?: AssociationType
  expiresInDays?: number
}

/**
 * A custom link ready to insert, once its tag key is found free: the stored tag, its key, the
 * association type and the expiry of an activity link (else null).
 *
 * @example
 * const link: CustomLinkPlan = { tag: 'Spring Fair', tagKey: 'spring fair', associationType: 'reseller', expiresAt: null }
 */
export interface CustomLinkPlan {
  tag: string
  tagKey: string
  associationType: AssociationType
  expiresAt: Date | null
}

/**
 * Decides a custom link's creation up to the namespace check, in R93's order after the schema:
 * `VALIDATION_FAILED` (a control character in the tag, or `expiresInDays` not a whole number of
 * `ACTIVITY_LINK_MIN_DAYS`–`ACTIVITY_LINK_MAX_DAYS`) → `LINK_TAG_INVALID` (R94) →
 * `REFERRAL_NOT_ENABLED` → `PREPAID_PARTNER_RESELLER`. The type defaults to `reseller`; an
 * activity link expires `expiresInDays × 24 h` after `now`. `LINK_TAG_TAKEN` comes last, from
 * `checkLinkTagFree` under the lock.
 *
 * @example
 * decideCustomLink({ request: { tag: ' Spring Fair ', expiresInDays: 1 }, partner, now })
 * // ok({ tag: 'Spring Fair', tagKey: 'spring fair', associationType: 'reseller', expiresAt: now + 24 h })
 */
export function decideCustomLink(input: {
  request: CustomLinkRequest
  partner: PartnerTypes
  now: Date
}): Result<CustomLinkPlan, DomainError> {
  const { request, partner, now } = input
  const days = request.expiresInDays
  if (
    days !== undefined &&
    (!Number.isInteger(days) ||
      days < DEFAULT_LIMITS.ACTIVITY_LINK_MIN_DAYS ||
      days > DEFAULT_LIMITS.ACTIVITY_LINK_MAX_DAYS)
  ) {
    return validationFailed([{ path: 'expiresInDays', reason: 'OUT_OF_RANGE' }])
  }
  const tag = checkLinkTag(request.tag)
  if (!tag.ok) return tag
  const type = checkAssociationType(partner, request.associationType ?? 'reseller')
  if (!type.ok) return type
  return ok({
    tag: tag.value.tag,
    tagKey: tag.value.key,
    associationType: type.value,
    expiresAt: days === undefined ? null : addMs(now, days * DAY_MS),
  })
}
