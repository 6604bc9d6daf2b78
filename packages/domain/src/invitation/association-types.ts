import type { PartnerSnapshot } from '../core/entities'
import type { DomainError, Result } from '../core/result'
import { fail, ok } from '../core/result'
import type { AssociationType, Payer } from '../core/statuses'

/**
 * The association types a partner may invite with (R11): `reseller` unless prepaid, `referral`
 * when enabled. An empty list means the partner cannot invite (the dialog says why).
 *
 * @example
 * allowedAssociationTypes({ isPrepaid: true, referralModelEnabled: true }) // ['referral']
 */
export function allowedAssociationTypes(
  partner: Pick<PartnerSnapshot, 'isPrepaid' | 'referralModelEnabled'>
): AssociationType[] {
  const types: AssociationType[] = []
  if (!partner.isPrepaid) types.push('reseller')
  if (partner.referralModelEnabled) types.push('referral')
  return types
}

/**
 * The type checks shared by invite (R36) and accept (R62 step 5): `REFERRAL_NOT_ENABLED` for
 * `referral` when not enabled, `PREPAID_PARTNER_RESELLER` for `reseller` when prepaid.
 *
 * @example
 * checkAssociationType({ isPrepaid: true, referralModelEnabled: false }, 'reseller') // err PREPAID_PARTNER_RESELLER
 */
export function checkAssociationType(
  partner: Pick<PartnerSnapshot, 'isPrepaid' | 'referralModelEnabled'>,
  type: AssociationType
): Result<AssociationType, DomainError> {
  if (type === 'referral' && !partner.referralModelEnabled) return fail('REFERRAL_NOT_ENABLED')
  if (type === 'reseller' && partner.isPrepaid) return fail('PREPAID_PARTNER_RESELLER')
  return ok(type)
}

/**
 * Who pays under each type (§3.7): `reseller` → `PARTNER`, `referral` → `PLATFORM`.
 *
 * @example
 * payerFor('referral') // 'PLATFORM'
 */
export function payerFor(type: AssociationType): Payer {
  return type === 'reseller' ? 'PARTNER' : 'PLATFORM'
}
