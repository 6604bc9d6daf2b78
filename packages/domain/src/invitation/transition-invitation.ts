import type { InvitationState } from '../core/entities'
import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'
import type { DomainError, Result } from '../core/result'
import { err, ok } from '../core/result'
import { addDays } from '../core/time'
import type { FailureCode } from '../failures/failure-codes'
import { effectiveInvitationStatus, isLiveInvitationStatus } from './invitation-status'
import { linkFailureCode } from './link-answer'

/**
 * Event types of the invitation state machine (§4.2). Creation (I1) is `createQueuedInvitation`.
 *
 * @example
 * INVITATION_EVENT_TYPES.includes('EXPIRE') // true
 */
export const INVITATION_EVENT_TYPES = [
  'TOKEN_ISSUED',
  'SEND_SUCCEEDED',
  'SEND_FAILED',
  'SUPERSEDED',
  'PREREGISTRATION_DELETED',
  'EXPIRE',
  'ACCEPTED',
  'ASSOCIATION_FAILED',
] as const

/**
 * One event: a token issued for a delivery attempt (R51), SMTP acceptance (I2), a temporary or
 * permanent delivery failure (I3/I4), a newer invitation (I5), the pre-registration deleted (I6),
 * the sweeper's expiry (I7), acceptance (I8) or a recorded eligibility failure (I9).
 *
 * @example
 * const event: InvitationEvent = { type: 'SEND_FAILED', permanent: false }
 */
export type InvitationEvent =
  | { type: 'TOKEN_ISSUED' }
  | { type: 'SEND_SUCCEEDED' }
  | { type: 'SEND_FAILED'; permanent: boolean }
  | { type: 'SUPERSEDED'; byInvitationId: string }
  | { type: 'PREREGISTRATION_DELETED' }
  | { type: 'EXPIRE' }
  | { type: 'ACCEPTED'; customerAccountId: string; associationId: string }
  | { type: 'ASSOCIATION_FAILED'; customerAccountId: string; failureCode: FailureCode }

function refuse(
  code: FailureCode,
  from: string,
  event: InvitationEvent
): Result<never, DomainError> {
  return err({ code, details: { from, event: event.type } })
}

/**
 * Applies one event to an invitation at `now` and returns the next state, or refuses. The
 * transition is decided on the effective status, so an invitation whose `expiresAt` has passed
 * accepts only `EXPIRE` (R39 writes that first). A refusal changes nothing and carries the code
 * the link would answer (`LINK_EXPIRED`, `LINK_SUPERSEDED`, …), or `INTERNAL` when a live
 * invitation's guard fails (e.g. `EXPIRE` before `expiresAt`): applying it is a caller defect.
 * `expiresAt` is set on the first token only and never moves (R51).
 *
 * @example
 * transitionInvitation(queued, { type: 'TOKEN_ISSUED' }, now) // ok({ ...queued, expiresAt: now + 7 d, attemptCount: 1, … })
 * transitionInvitation(accepted, { type: 'EXPIRE' }, now).ok // false: ACCEPTED is terminal
 */
export function transitionInvitation<T extends InvitationState>(
  invitation: T,
  event: InvitationEvent,
  now: Date,
  limits: Limits = DEFAULT_LIMITS
): Result<T, DomainError> {
  const from = effectiveInvitationStatus(invitation, now)
  if (event.type === 'EXPIRE') {
    if (isLiveInvitationStatus(invitation.status) && from === 'EXPIRED') {
      return ok({ ...invitation, status: 'EXPIRED' })
    }
  }
  const notLive = linkFailureCode(invitation, now)
  if (notLive !== null) return refuse(notLive, from, event)
  const next = liveTransition(invitation, event, now, limits)
  return next ?? refuse('INTERNAL', from, event)
}

function liveTransition<T extends InvitationState>(
  invitation: T,
  event: InvitationEvent,
  now: Date,
  limits: Limits
): Result<T, DomainError> | null {
  const delivering = invitation.status === 'QUEUED' || invitation.status === 'SEND_FAILED'
  switch (event.type) {
    case 'TOKEN_ISSUED':
      if (!delivering) return null
      return ok({
        ...invitation,
        expiresAt: invitation.expiresAt ?? addDays(now, limits.INVITATION_TTL_DAYS),
        attemptCount: invitation.attemptCount + 1,
        lastAttemptAt: now,
      })
    case 'SEND_SUCCEEDED':
      if (!delivering) return null
      return ok({ ...invitation, status: 'SENT', sentAt: invitation.sentAt ?? now })
    case 'SEND_FAILED': {
      if (!delivering) return null
      const retry = !event.permanent && invitation.attemptCount < limits.OUTBOX_MAX_ATTEMPTS
      if (retry) return ok({ ...invitation, status: 'SEND_FAILED' })
      return ok({ ...invitation, status: 'FAILED_TO_SEND', failureCode: 'DELIVERY_FAILED' })
    }
    case 'SUPERSEDED':
      return ok({ ...invitation, status: 'SUPERSEDED', supersededById: event.byInvitationId })
    case 'PREREGISTRATION_DELETED':
      return ok({ ...invitation, status: 'REVOKED' })
    case 'EXPIRE':
      return null
    case 'ACCEPTED':
      if (invitation.expiresAt === null) return null
      return ok({
        ...invitation,
        status: 'ACCEPTED',
        acceptedAt: now,
        acceptedCustomerAccountId: event.customerAccountId,
        associationId: event.associationId,
      })
    case 'ASSOCIATION_FAILED':
      if (invitation.expiresAt === null) return null
      return ok({
        ...invitation,
        status: 'ASSOCIATION_FAILED',
        failureCode: event.failureCode,
        failedAt: now,
        failedCustomerAccountId: event.customerAccountId,
      })
  }
}
