import type { AssociationType, Payer } from '../core/statuses'
import { payerFor } from '../invitation/association-types'

/** A reseller's customer account stays frozen until the partner sets a budget (R66). */
export interface AccountFreeze {
  frozen: true
  frozenReason: 'RESELLER_BUDGET_PENDING'
}

/**
 * The `ACTIVE` association an accepted invitation creates, by email or by link (R65–R67), and
 * the account freeze that comes with a reseller association.
 *
 * @example
 * const plan: AssociationPlan<'LINK_INVITATION'> = { association: { …, type: 'referral', payer: 'PLATFORM', frozenPendingBudget: false }, accountFreeze: null }
 */
export interface AssociationPlan<Origin extends 'EMAIL_INVITATION' | 'LINK_INVITATION'> {
  association: {
    partnerId: string
    customerAccountId: string
    type: AssociationType
    payer: Payer
    status: 'ACTIVE'
    origin: Origin
    frozenPendingBudget: boolean
    associatedAt: Date
  }
  accountFreeze: AccountFreeze | null
}

/**
 * Plans the association an acceptance creates once every check has passed: the payer of its
 * type (§3.7) and, for a reseller, the freeze pending a budget (R66). One place for both
 * acceptance paths, so email and link associations cannot drift apart.
 *
 * @example
 * planAssociation({ partnerId, customerAccountId, type: 'reseller', origin: 'EMAIL_INVITATION', now })
 * // { association: { …, payer: 'PARTNER', frozenPendingBudget: true }, accountFreeze: { frozen: true, … } }
 */
export function planAssociation<Origin extends 'EMAIL_INVITATION' | 'LINK_INVITATION'>(input: {
  partnerId: string
  customerAccountId: string
  type: AssociationType
  origin: Origin
  now: Date
}): AssociationPlan<Origin> {
  const frozen = input.type === 'reseller'
  return {
    association: {
      partnerId: input.partnerId,
      customerAccountId: input.customerAccountId,
      type: input.type,
      payer: payerFor(input.type),
      status: 'ACTIVE',
      origin: input.origin,
      frozenPendingBudget: frozen,
      associatedAt: input.now,
    },
    accountFreeze: frozen ? { frozen: true, frozenReason: 'RESELLER_BUDGET_PENDING' } : null,
  }
}
