import type { CustomerAccountSnapshot } from '../core/entities'
import type { FailureCode } from '../failures/failure-codes'

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
