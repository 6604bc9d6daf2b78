import type { InvitationState } from '../core/entities'
import type { DomainError, Result } from '../core/result'
import { fail, ok } from '../core/result'
import type { FailureCode } from '../failures/failure-codes'
import { appliesFrom } from '../core/state-event'
import { INVITATION_EVENTS } from './invitation-events'
import { effectiveInvitationStatus } from './invitation-status'
import { linkFailureCode } from './link-answer'

/**
 * What a renewal request does (R72): nothing for a live link (`live: true`) or a repeat
 * (`alreadyRequested: true`); otherwise set `renewalRequestedAt` and queue
 * `RENEWAL_REQUEST_EMAIL`, whose `{reason}` is the catalogue message of `reason`.
 *
 * @example
 * const decision: RenewalDecision = { action: 'REQUEST', renewalRequestedAt: now, reason: 'LINK_EXPIRED' }
 */
export type RenewalDecision =
  | { action: 'NONE'; live: true }
  | { action: 'NONE'; alreadyRequested: true }
  | { action: 'REQUEST'; renewalRequestedAt: Date; reason: FailureCode }

/**
 * Decides "Ask for a new invitation" (R72): allowed from the from-states of
 * `INVITATION_EVENTS.RENEWAL_REQUESTED`, where the link answers `LINK_EXPIRED`,
 * `LINK_SUPERSEDED`, `LINK_REVOKED` or a recorded association failure; `LINK_ALREADY_USED` is
 * refused (that customer is associated, R70) and an unknown token is `LINK_NOT_FOUND`. It never
 * creates an invitation.
 *
 * @example
 * decideRenewalRequest(expiredInvitation, now) // ok({ action: 'REQUEST', renewalRequestedAt: now, reason: 'LINK_EXPIRED' })
 */
export function decideRenewalRequest(
  invitation:
    | (Pick<InvitationState, 'status' | 'expiresAt' | 'failureCode'> & {
        renewalRequestedAt: Date | null
      })
    | null,
  now: Date
): Result<RenewalDecision, DomainError> {
  if (invitation === null) return fail('LINK_NOT_FOUND')
  const reason = linkFailureCode(invitation, now)
  if (reason === null) return ok({ action: 'NONE', live: true })
  // A used link (ACCEPTED) is not among R72's from-states: that customer is associated (R70).
  const status = effectiveInvitationStatus(invitation, now)
  if (!appliesFrom(INVITATION_EVENTS.RENEWAL_REQUESTED, status)) return fail(reason)
  // Nor is one revoked by a link association (I6c): that customer is associated too.
  if (reason === 'LINK_ALREADY_USED') return fail(reason)
  if (invitation.renewalRequestedAt !== null) return ok({ action: 'NONE', alreadyRequested: true })
  return ok({ action: 'REQUEST', renewalRequestedAt: now, reason })
}

/**
 * The failures R62 records on the invitation (steps 5–7): partner checks, customer checks and
 * reseller-only checks. A link answering one of them can ask for a new invitation (R72).
 *
 * @example
 * RECORDED_ACCEPTANCE_FAILURES.includes('UNPAID_BILLS') // true
 */
export const RECORDED_ACCEPTANCE_FAILURES = [
  'CUSTOMER_DEVELOPMENT_NOT_ENABLED',
  'REFERRAL_NOT_ENABLED',
  'PREPAID_PARTNER_RESELLER',
  'CUSTOMER_IS_PARTNER',
  'ALREADY_ASSOCIATED',
  'PREREGISTERED_BY_ANOTHER_PARTNER',
  'SPECIAL_CONTRACT',
  'UNPAID_BILLS',
  'ACCOUNT_TOO_OLD_OR_HAS_SPEND',
  'RESELLER_BLOCKED_PROFESSIONAL_SERVICE',
  'RESELLER_BLOCKED_RESERVED_INSTANCES',
  'RESELLER_BLOCKED_ENTERPRISE_MEMBER',
  'RESELLER_BLOCKED_MASTER_WITH_MEMBERS',
] as const satisfies readonly FailureCode[]

/**
 * Whether a link that answered `code` may ask the partner for a new invitation (R72): expired,
 * superseded or withdrawn links and recorded association failures; not a used or unknown link.
 *
 * @example
 * canRequestRenewal('LINK_EXPIRED') // true
 * canRequestRenewal('LINK_ALREADY_USED') // false
 */
export function canRequestRenewal(code: string): boolean {
  return (
    code === 'LINK_EXPIRED' ||
    code === 'LINK_SUPERSEDED' ||
    code === 'LINK_REVOKED' ||
    (RECORDED_ACCEPTANCE_FAILURES as readonly string[]).includes(code)
  )
}
