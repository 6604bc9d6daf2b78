import type { InvitationState } from '../core/entities'
import type { DomainError, Result } from '../core/result'
import { fail, ok } from '../core/result'
import type { FailureCode } from '../failures/failure-codes'
import { effectiveInvitationStatus } from './invitation-status'

/**
 * A live link: the invitation may be shown and accepted until `expiresAt`.
 *
 * @example
 * const live: LiveLink = { live: true, expiresAt: new Date('2025-01-22T09:30:00Z') }
 */
export interface LiveLink {
  live: true
  expiresAt: Date
}

/**
 * The answer to opening a link (R58), from the invitation its token hash found (null when the
 * hash is unknown). Live with a token issued and `now < expiresAt` → ok; otherwise the code:
 * `LINK_EXPIRED` (also live past `expiresAt`), `LINK_ALREADY_USED` (also revoked by a link
 * association, I6c), the recorded `failureCode` of
 * `ASSOCIATION_FAILED`, `LINK_SUPERSEDED`, `LINK_REVOKED` (revoked or failed to send),
 * `LINK_NOT_FOUND`. The HTTP status is `getFailure(code).httpStatus`. Reading changes nothing (R57).
 *
 * @example
 * resolveLinkAnswer(null, now) // err({ code: 'LINK_NOT_FOUND' })
 * resolveLinkAnswer({ ...invitation, status: 'SUPERSEDED' }, now) // err({ code: 'LINK_SUPERSEDED' })
 */
export function resolveLinkAnswer(
  invitation: Pick<InvitationState, 'status' | 'expiresAt' | 'failureCode'> | null,
  now: Date
): Result<LiveLink, DomainError> {
  if (invitation === null) return fail('LINK_NOT_FOUND')
  const code = linkFailureCode(invitation, now)
  // A live invitation without `expiresAt` has no token yet, so no link can point at it.
  if (code === null) {
    return invitation.expiresAt === null
      ? fail('LINK_NOT_FOUND')
      : ok({ live: true, expiresAt: invitation.expiresAt })
  }
  return fail(code)
}

/**
 * The code a link answers for a not-live invitation, or null while it is live (R58 table).
 *
 * @example
 * linkFailureCode({ status: 'REVOKED', expiresAt: null, failureCode: null }, now) // 'LINK_REVOKED'
 */
export function linkFailureCode(
  invitation: Pick<InvitationState, 'status' | 'expiresAt' | 'failureCode'>,
  now: Date
): FailureCode | null {
  switch (effectiveInvitationStatus(invitation, now)) {
    case 'QUEUED':
    case 'SENT':
    case 'SEND_FAILED':
      return null
    case 'EXPIRED':
      return 'LINK_EXPIRED'
    case 'ACCEPTED':
      return 'LINK_ALREADY_USED'
    case 'ASSOCIATION_FAILED':
      // A recorded failure without a code would be corrupt data; answer it as a defect.
      return invitation.failureCode ?? 'INTERNAL'
    case 'SUPERSEDED':
      return 'LINK_SUPERSEDED'
    case 'REVOKED':
      // I6c: the customer associated through an invitation link, so this link is used up.
      return invitation.failureCode === 'LINK_ASSOCIATED' ? 'LINK_ALREADY_USED' : 'LINK_REVOKED'
    case 'FAILED_TO_SEND':
      return 'LINK_REVOKED'
  }
}
