import type { CustomerAccountSnapshot, PreregistrationSnapshot } from '../core/entities'
import type { Limits } from '../core/limits'
import type { AssociationType } from '../core/statuses'
import type { FailureCode } from '../failures/failure-codes'
import type { IdentityKey } from '../identity/identity'
import { keysOverlap, preregistrationKeys } from '../identity/identity'
import { isAccountTooOldOrHasSpend } from '../preregistration/account-checks'
import { isHoldingPreregistration } from '../preregistration/preregistration-status'

/**
 * The first failing customer check of R62 step 6, in order, or null. Inputs that need other
 * records (association, other partners' claims, age waiver) are passed in already decided.
 *
 * @example
 * customerBlocker({ account, associated: false, claimedByAnotherPartner: false, tooOldOrHasSpend: true }) // 'ACCOUNT_TOO_OLD_OR_HAS_SPEND'
 */
export function customerBlocker(options: {
  account: Pick<CustomerAccountSnapshot, 'isPartner' | 'hasSpecialContract' | 'hasUnpaidBills'>
  associated: boolean
  claimedByAnotherPartner: boolean
  tooOldOrHasSpend: boolean
}): FailureCode | null {
  const { account } = options
  if (account.isPartner) return 'CUSTOMER_IS_PARTNER'
  if (options.associated) return 'ALREADY_ASSOCIATED'
  if (options.claimedByAnotherPartner) return 'PREREGISTERED_BY_ANOTHER_PARTNER'
  if (account.hasSpecialContract) return 'SPECIAL_CONTRACT'
  if (account.hasUnpaidBills) return 'UNPAID_BILLS'
  if (options.tooOldOrHasSpend) return 'ACCOUNT_TOO_OLD_OR_HAS_SPEND'
  return null
}

/**
 * The first failing reseller-only check of R62 step 7, in order, or null.
 *
 * @example
 * resellerBlocker({ ...account, hasValidReservedInstances: true }) // 'RESELLER_BLOCKED_RESERVED_INSTANCES'
 */
export function resellerBlocker(
  account: Pick<
    CustomerAccountSnapshot,
    | 'hasProfessionalServiceContract'
    | 'hasValidReservedInstances'
    | 'isEnterpriseMember'
    | 'isEnterpriseMasterWithMembers'
  >
): FailureCode | null {
  if (account.hasProfessionalServiceContract) return 'RESELLER_BLOCKED_PROFESSIONAL_SERVICE'
  if (account.hasValidReservedInstances) return 'RESELLER_BLOCKED_RESERVED_INSTANCES'
  if (account.isEnterpriseMember) return 'RESELLER_BLOCKED_ENTERPRISE_MEMBER'
  if (account.isEnterpriseMasterWithMembers) return 'RESELLER_BLOCKED_MASTER_WITH_MEMBERS'
  return null
}

/** What R62 steps 6 and 7 read, for an email invitation and for an invitation link alike. */
export interface EligibilityInput {
  account: CustomerAccountSnapshot
  /** The partner the customer would be associated with. */
  partnerId: string
  type: AssociationType
  /** The identity keys another partner's holding pre-registration must not overlap (R63). */
  customerKeys: readonly IdentityKey[]
  otherPartnersHoldingRows: readonly PreregistrationSnapshot[]
  /** The customer has an ACTIVE association (with any partner). */
  associated: boolean
  /** The ecosystem manager waived the age and spend check for this customer (R31). */
  ageSpendWaived: boolean
  now: Date
  limits: Limits
}

/**
 * The first failing check of R62 step 6 (the customer) and then step 7 (reseller only), or
 * null: the part of acceptance both channels share (R62, R107).
 *
 * @example
 * eligibilityRefusal({ account, partnerId, type: 'reseller', customerKeys, otherPartnersHoldingRows: [], associated: false, ageSpendWaived: false, now, limits }) // null
 */
export function eligibilityRefusal(input: EligibilityInput): FailureCode | null {
  const { account, now } = input
  const claimed = input.otherPartnersHoldingRows.some(
    (row) =>
      row.partnerId !== input.partnerId &&
      isHoldingPreregistration(row, now) &&
      keysOverlap(input.customerKeys, preregistrationKeys(row))
  )
  const customer = customerBlocker({
    account,
    associated: input.associated,
    claimedByAnotherPartner: claimed,
    tooOldOrHasSpend:
      !input.ageSpendWaived && isAccountTooOldOrHasSpend(account, now, input.limits),
  })
  if (customer !== null) return customer
  return input.type === 'reseller' ? resellerBlocker(account) : null
}
