import type { InvitationState } from '../core/entities'
import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'
import type { DomainError, Result } from '../core/result'
import { err, ok } from '../core/result'
import { appliesFrom, statusAfter } from '../core/state-event'
import { addDays } from '../core/time'
import type { FailureCode } from '../failures/failure-codes'
import { decideDeliveryFailure } from '../delivery/smtp-failure'
import { INVITATION_EVENTS, type InvitationEventName } from './invitation-events'
import { effectiveInvitationStatus } from './invitation-status'
import { linkFailureCode } from './link-answer'

/**
 * Event types `transitionInvitation` takes (§4.2). Creation (I1) is `createQueuedInvitation`;
 * each type maps to one row of {@link INVITATION_EVENTS} (`SEND_FAILED` to I3 or I4, decided by
 * `decideDeliveryFailure`).
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
  'IDENTITY_MERGED',
  'LINK_ASSOCIATED',
  'REMINDER_TOKEN_ISSUED',
  'REMINDER_SENT',
  'EXPIRE',
  'ACCEPTED',
  'ASSOCIATION_FAILED',
] as const

/**
 * One event: a token issued for a delivery attempt (R51), SMTP acceptance (I2), a temporary or
 * permanent delivery failure (I3/I4), a newer invitation (I5), the pre-registration deleted (I6)
 * or merged by the identity data step (I6b), the sweeper's expiry (I7), acceptance (I8), a
 * recorded eligibility failure (I9), or the reminder's token (R117) and its acceptance by SMTP
 * (I12).
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
  | { type: 'IDENTITY_MERGED' }
  | { type: 'LINK_ASSOCIATED' }
  | { type: 'REMINDER_TOKEN_ISSUED' }
  | { type: 'REMINDER_SENT' }
  | { type: 'EXPIRE' }
  | { type: 'ACCEPTED'; customerAccountId: string; associationId: string }
  | { type: 'ASSOCIATION_FAILED'; customerAccountId: string; failureCode: FailureCode }

/**
 * The row of {@link INVITATION_EVENTS} an event applies: a delivery failure is I3 while attempts
 * remain and the failure is temporary, else I4 (`decideDeliveryFailure`).
 *
 * @example
 * invitationEventName({ type: 'SEND_FAILED', permanent: true }, invitation) // 'SEND_GAVE_UP'
 */
export function invitationEventName(
  event: InvitationEvent,
  invitation: Pick<InvitationState, 'attemptCount'>,
  limits: Limits = DEFAULT_LIMITS
): InvitationEventName {
  if (event.type !== 'SEND_FAILED') return event.type
  const decision = decideDeliveryFailure({
    permanent: event.permanent,
    attemptCount: invitation.attemptCount,
    limits,
  })
  return decision === 'RETRY' ? 'SEND_RETRY' : 'SEND_GAVE_UP'
}

function refuse(
  code: FailureCode,
  from: string,
  event: InvitationEvent
): Result<never, DomainError> {
  return err({ code, details: { from, event: event.type } })
}

/**
 * Applies one event to an invitation at `now` and returns the next state, or refuses. Which
 * statuses an event leaves and the status it writes are the rows of {@link INVITATION_EVENTS};
 * this adds the fields each event sets. The transition is decided on the effective status, so an
 * invitation whose `expiresAt` has passed accepts only `EXPIRE` (R39 writes that first). A
 * refusal changes nothing and carries the code the link would answer (`LINK_EXPIRED`,
 * `LINK_SUPERSEDED`, …), or `INTERNAL` when a live invitation's guard fails (e.g. `EXPIRE` before
 * `expiresAt`): applying it is a caller defect. `expiresAt` is set on the first token only and
 * never moves (R51).
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
  const row = INVITATION_EVENTS[invitationEventName(event, invitation, limits)]
  // A clock event reads the stored status and applies once due (it writes the effective one).
  const applies = row.clock
    ? appliesFrom(row, invitation.status) && from === 'EXPIRED'
    : appliesFrom(row, from) && tokenGuard(event, invitation)
  if (!applies) return refuse(linkFailureCode(invitation, now) ?? 'INTERNAL', from, event)
  const status = statusAfter(row, invitation.status)
  return ok({ ...invitation, ...fieldsOf(event, invitation, now, limits), status })
}

// I8 and I9 need a token to have been issued: no link can point at an invitation without one.
// A reminder (R117, I12) follows a first send that happened.
function tokenGuard(event: InvitationEvent, invitation: InvitationState): boolean {
  const needsToken = event.type === 'ACCEPTED' || event.type === 'ASSOCIATION_FAILED'
  const needsSend = event.type === 'REMINDER_TOKEN_ISSUED' || event.type === 'REMINDER_SENT'
  if (needsSend && invitation.sentAt === null) return false
  return !needsToken || invitation.expiresAt !== null
}

// The fields each event sets besides the status.
function fieldsOf(
  event: InvitationEvent,
  invitation: InvitationState,
  now: Date,
  limits: Limits
): Partial<InvitationState> {
  switch (event.type) {
    case 'TOKEN_ISSUED':
      return {
        expiresAt: invitation.expiresAt ?? addDays(now, limits.INVITATION_TTL_DAYS),
        attemptCount: invitation.attemptCount + 1,
        lastAttemptAt: now,
      }
    case 'SEND_SUCCEEDED':
      return { sentAt: invitation.sentAt ?? now }
    case 'REMINDER_SENT':
      // The first acceptance only; expiry, first send and attempts stay as they were.
      return { reminderSentAt: invitation.reminderSentAt ?? now }
    case 'SEND_FAILED':
      return invitationEventName(event, invitation, limits) === 'SEND_GAVE_UP'
        ? { failureCode: 'DELIVERY_FAILED' }
        : {}
    case 'SUPERSEDED':
      return { supersededById: event.byInvitationId }
    case 'IDENTITY_MERGED':
      return { failureCode: 'IDENTITY_MERGED' }
    case 'LINK_ASSOCIATED':
      return { failureCode: 'LINK_ASSOCIATED' }
    case 'ACCEPTED':
      return {
        acceptedAt: now,
        acceptedCustomerAccountId: event.customerAccountId,
        associationId: event.associationId,
      }
    case 'ASSOCIATION_FAILED':
      return {
        failureCode: event.failureCode,
        failedAt: now,
        failedCustomerAccountId: event.customerAccountId,
      }
    case 'PREREGISTRATION_DELETED':
    case 'REMINDER_TOKEN_ISSUED':
    case 'EXPIRE':
      return {}
  }
}
