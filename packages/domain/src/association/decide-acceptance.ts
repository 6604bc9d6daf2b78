import type {
  AssociationSnapshot,
  CustomerAccountSnapshot,
  InvitationSnapshot,
  PartnerSnapshot,
  PreregistrationSnapshot,
} from '../core/entities'
import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'
import type { Result } from '../core/result'
import { err, ok } from '../core/result'
import { appliesFrom } from '../core/state-event'
import type { FailureCode } from '../failures/failure-codes'
import { accountKeys, preregistrationKeys } from '../identity/identity'
import type { IdentityKey } from '../identity/identity'
import { checkAssociationType } from '../invitation/association-types'
import { resolveLinkAnswer } from '../invitation/link-answer'
import { PREREGISTRATION_EVENTS } from '../preregistration/preregistration-events'
import { effectivePreregistrationStatus } from '../preregistration/preregistration-status'
import { eligibilityRefusal } from './eligibility'
import { planAssociation, type AssociationPlan } from './plan-association'

/**
 * A refused acceptance. `record` is true for R62 steps 5–7: the invitation must then be written
 * `ASSOCIATION_FAILED` with `code` (I9). Steps 1–4 change nothing (`record: false`).
 *
 * @example
 * const refusal: AcceptanceRefusal = { code: 'UNPAID_BILLS', record: true }
 */
export interface AcceptanceRefusal {
  code: FailureCode
  record: boolean
  details?: Record<string, unknown>
}

/**
 * A successful acceptance (R65–R67): the `ACTIVE` association to insert and whether the account
 * is frozen pending a budget (reseller only).
 *
 * @example
 * const accepted: AcceptanceDecision = { association: { …, type: 'reseller', payer: 'PARTNER', frozenPendingBudget: true }, accountFreeze: { frozen: true, frozenReason: 'RESELLER_BUDGET_PENDING' } }
 */
export interface AcceptanceDecision extends AssociationPlan<'EMAIL_INVITATION'> {
  association: AssociationPlan<'EMAIL_INVITATION'>['association'] & {
    invitationId: string
    preregistrationId: string
  }
}

/**
 * Snapshot for `decideAcceptance`, read at the moment of acceptance (R64).
 *
 * @example
 * const options: DecideAcceptanceOptions = { invitation, account, instructionsAccepted: true, partner, preregistration, activeAssociation: null, otherPartnersHoldingRows: [], now }
 */
export interface DecideAcceptanceOptions {
  invitation: Pick<
    InvitationSnapshot,
    | 'id'
    | 'partnerId'
    | 'preregistrationId'
    | 'status'
    | 'expiresAt'
    | 'failureCode'
    | 'associationType'
    | 'recipientEmailCanonical'
  >
  /** The signed-in customer's account, or null when nobody is signed in. */
  account: CustomerAccountSnapshot | null
  instructionsAccepted: boolean
  partner: Pick<
    PartnerSnapshot,
    'id' | 'customerDevelopmentEnabled' | 'referralModelEnabled' | 'isPrepaid'
  >
  preregistration: Pick<
    PreregistrationSnapshot,
    | 'status'
    | 'validUntil'
    | 'reviewDeadline'
    | 'emailCanonical'
    | 'mobileE164'
    | 'customerAccountId'
    | 'ageSpendWaived'
  >
  /** The account's `ACTIVE` association with any partner, if any. */
  activeAssociation: Pick<AssociationSnapshot, 'status'> | null
  /** Holding candidates of other partners; effective status and partner are re-checked here. */
  otherPartnersHoldingRows: readonly PreregistrationSnapshot[]
  now: Date
  limits?: Limits
}

function refuse(code: FailureCode, record: boolean): Result<never, AcceptanceRefusal> {
  return err({ code, record })
}

/**
 * Decides an acceptance (R62 steps 1–7, R63), in order: `NOT_AUTHENTICATED`; the link answer
 * (R58) when not live; `LINK_REVOKED` when the pre-registration is in no from-state of P9
 * (`PREREGISTRATION_EVENTS.CONVERTED`); `AGREEMENT_REQUIRED`; `RECIPIENT_MISMATCH`; partner checks
 * (`CUSTOMER_DEVELOPMENT_NOT_ENABLED`, `REFERRAL_NOT_ENABLED`, `PREPAID_PARTNER_RESELLER`);
 * customer checks (`CUSTOMER_IS_PARTNER`, `ALREADY_ASSOCIATED`, `PREREGISTERED_BY_ANOTHER_PARTNER`,
 * `SPECIAL_CONTRACT`, `UNPAID_BILLS`, `ACCOUNT_TOO_OLD_OR_HAS_SPEND` unless waived for exactly this
 * account); reseller-only blockers. On success the caller applies `transitionInvitation(…,
 * { type: 'ACCEPTED', … })`, inserts the association and converts the pre-registration (R65).
 *
 * @example
 * const result = decideAcceptance(options)
 * if (!result.ok && result.error.record) transitionInvitation(invitation, { type: 'ASSOCIATION_FAILED', customerAccountId, failureCode: result.error.code }, now)
 */
export function decideAcceptance(
  options: DecideAcceptanceOptions
): Result<AcceptanceDecision, AcceptanceRefusal> {
  const {
    invitation,
    account,
    partner,
    preregistration: prereg,
    now,
    limits = DEFAULT_LIMITS,
  } = options
  if (account === null) return refuse('NOT_AUTHENTICATED', false)
  const link = resolveLinkAnswer(invitation, now)
  if (!link.ok) return refuse(link.error.code, false)
  // P9: only a pre-registration in a from-state of CONVERTED converts. A live invitation of any
  // other row (deleted, merged) should have been revoked with it, so the link is withdrawn.
  const preregStatus = effectivePreregistrationStatus(prereg, now)
  if (!appliesFrom(PREREGISTRATION_EVENTS.CONVERTED, preregStatus)) {
    return refuse('LINK_REVOKED', false)
  }
  if (!options.instructionsAccepted) return refuse('AGREEMENT_REQUIRED', false)
  const recipient = invitation.recipientEmailCanonical
  if (recipient !== null && account.emailCanonical !== recipient) {
    return refuse('RECIPIENT_MISMATCH', false)
  }
  if (!partner.customerDevelopmentEnabled) return refuse('CUSTOMER_DEVELOPMENT_NOT_ENABLED', true)
  const type = checkAssociationType(partner, invitation.associationType)
  if (!type.ok) return refuse(type.error.code, true)
  const invitedKeys: IdentityKey[] = [
    ...accountKeys(account),
    ...preregistrationKeys(prereg),
    ...(recipient === null ? [] : [`email:${recipient}` as const]),
  ]
  const refusal = eligibilityRefusal({
    account,
    partnerId: invitation.partnerId,
    type: type.value,
    customerKeys: invitedKeys,
    otherPartnersHoldingRows: options.otherPartnersHoldingRows,
    associated: options.activeAssociation?.status === 'ACTIVE',
    ageSpendWaived: prereg.ageSpendWaived && prereg.customerAccountId === account.id,
    now,
    limits,
  })
  if (refusal !== null) return refuse(refusal, true)
  const plan = planAssociation({
    partnerId: partner.id,
    customerAccountId: account.id,
    type: type.value,
    origin: 'EMAIL_INVITATION',
    now,
  })
  return ok({
    association: {
      ...plan.association,
      invitationId: invitation.id,
      preregistrationId: invitation.preregistrationId,
    },
    accountFreeze: plan.accountFreeze,
  })
}
