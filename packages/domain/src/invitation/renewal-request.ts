import type { InvitationState } from '../core/entities'
import type { DomainError, Result } from '../core/result'
import { fail, ok } from '../core/result'
import type { FailureCode } from '../failures/failure-codes'
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
 * Decides "Ask for a new invitation" (R72). Allowed when the link answers `LINK_EXPIRED`,
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
  if (reason === 'LINK_ALREADY_USED') return fail('LINK_ALREADY_USED')
  if (invitation.renewalRequestedAt !== null) return ok({ action: 'NONE', alreadyRequested: true })
  return ok({ action: 'REQUEST', renewalRequestedAt: now, reason })
}
