import type { RecordedStateEvent } from '../core/state-event'
import type { InvitationStatus } from '../core/statuses'
import { INVITATION_STATUSES, LIVE_INVITATION_STATUSES } from '../core/statuses'

// Waiting for a delivery attempt: the dispatcher issues tokens and records results only here.
const DELIVERING = ['QUEUED', 'SEND_FAILED'] as const satisfies readonly InvitationStatus[]

// Written as literals so the event names are a type; exported below with the general shape.
const TABLE = {
  /** R51: a token committed for a delivery attempt (`attemptCount`, first `expiresAt`). */
  TOKEN_ISSUED: {
    rule: 'R51',
    from: DELIVERING,
    to: 'unchanged',
    audit: null,
    clock: false,
    webhook: null,
  },
  /** I2: SMTP accepted the message. */
  SEND_SUCCEEDED: {
    rule: 'I2',
    from: DELIVERING,
    to: 'SENT',
    audit: 'invitation.sent',
    clock: false,
    webhook: 'invitation.sent',
  },
  /** I3: a temporary failure with attempts left; retried after the backoff (R53). */
  SEND_RETRY: {
    rule: 'I3',
    from: DELIVERING,
    to: 'SEND_FAILED',
    audit: 'invitation.send_failed',
    clock: false,
    webhook: null,
  },
  /** I4: a permanent failure, or the last attempt failed (`failureCode = DELIVERY_FAILED`). */
  SEND_GAVE_UP: {
    rule: 'I4',
    from: DELIVERING,
    to: 'FAILED_TO_SEND',
    audit: 'invitation.failed_to_send',
    clock: false,
    webhook: 'invitation.failed_to_send',
  },
  /**
   * R117: a token committed for the reminder before its email (purpose `REMINDER`). Only from
   * `SENT`; the invitation itself is left as it is (`expiresAt`, `sentAt`, `attemptCount`).
   */
  REMINDER_TOKEN_ISSUED: {
    rule: 'R117',
    from: ['SENT'],
    to: 'unchanged',
    audit: null,
    clock: false,
    webhook: null,
  },
  /** I12: SMTP accepted the reminder; `reminderSentAt` on the first acceptance only. */
  REMINDER_SENT: {
    rule: 'I12',
    from: ['SENT'],
    to: 'SENT',
    audit: 'invitation.reminder_sent',
    clock: false,
    webhook: 'invitation.reminder_sent',
  },
  /** I5: a newer invitation was queued for the same pre-registration. */
  SUPERSEDED: {
    rule: 'I5',
    from: LIVE_INVITATION_STATUSES,
    to: 'SUPERSEDED',
    audit: 'invitation.superseded',
    clock: false,
    webhook: null,
  },
  /** I6: the pre-registration was deleted. */
  PREREGISTRATION_DELETED: {
    rule: 'I6',
    from: LIVE_INVITATION_STATUSES,
    to: 'REVOKED',
    audit: 'invitation.revoked',
    clock: false,
    webhook: null,
  },
  /** I6b: the identity data step merged its pre-registration (`failureCode = IDENTITY_MERGED`). */
  IDENTITY_MERGED: {
    rule: 'I6b',
    from: LIVE_INVITATION_STATUSES,
    to: 'REVOKED',
    audit: 'invitation.revoked',
    clock: false,
    webhook: null,
  },
  /** I7: `expiresAt` has passed (the sweeper, or a writer that meets the row first). */
  EXPIRE: {
    rule: 'I7',
    from: LIVE_INVITATION_STATUSES,
    to: 'EXPIRED',
    audit: 'invitation.expired',
    clock: true,
    webhook: 'invitation.expired',
  },
  /** I8: accepted; the association is created with it. */
  ACCEPTED: {
    rule: 'I8',
    from: LIVE_INVITATION_STATUSES,
    to: 'ACCEPTED',
    audit: 'invitation.accepted',
    clock: false,
    webhook: 'invitation.accepted',
  },
  /** I9: an eligibility check of R62 steps 5–7 failed and is recorded. */
  ASSOCIATION_FAILED: {
    rule: 'I9',
    from: LIVE_INVITATION_STATUSES,
    to: 'ASSOCIATION_FAILED',
    audit: 'invitation.association_failed',
    clock: false,
    webhook: 'association.failed',
  },
  /**
   * I10: accepted through an invitation link. A creation event (`from` none): the link row is
   * inserted `ACCEPTED` with its association, so no stored row ever applies it.
   */
  LINK_ACCEPTED: {
    rule: 'I10',
    from: [],
    to: 'ACCEPTED',
    audit: 'invitation.accepted',
    clock: false,
    webhook: 'invitation.accepted',
  },
  /** I11: a link acceptance refused at R107 steps 5–7, inserted `ASSOCIATION_FAILED` (`from` none). */
  LINK_ASSOCIATION_FAILED: {
    rule: 'I11',
    from: [],
    to: 'ASSOCIATION_FAILED',
    audit: 'invitation.association_failed',
    clock: false,
    webhook: 'association.failed',
  },
  /** I6c: its pre-registration converted through a link (`failureCode = LINK_ASSOCIATED`). */
  LINK_ASSOCIATED: {
    rule: 'I6c',
    from: LIVE_INVITATION_STATUSES,
    to: 'REVOKED',
    audit: 'invitation.revoked',
    clock: false,
    webhook: null,
  },
  /** R72: the link holder of a link that no longer works asks for a new invitation. */
  RENEWAL_REQUESTED: {
    rule: 'R72',
    from: ['EXPIRED', 'SUPERSEDED', 'REVOKED', 'FAILED_TO_SEND', 'ASSOCIATION_FAILED'],
    to: 'unchanged',
    audit: 'invitation.renewal_requested',
    clock: false,
    webhook: 'invitation.renewal_requested',
  },
  /** R28a: the identity data step moved `recipientEmailCanonical` to the current form. */
  CANONICALISED: {
    rule: 'R28a',
    from: INVITATION_STATUSES,
    to: 'unchanged',
    audit: 'identity.canonicalised',
    clock: false,
    webhook: null,
  },
} as const satisfies Record<string, RecordedStateEvent<InvitationStatus>>

/**
 * The name of one invitation event.
 *
 * @example
 * const name: InvitationEventName = 'SEND_GAVE_UP'
 */
export type InvitationEventName = keyof typeof TABLE

/**
 * Every event that changes a stored invitation (docs/domain.md §4.2), as data. Creation (I1) is
 * `createQueuedInvitation`. `transitionInvitation` and `decideRenewalRequest` decide from it, the
 * API's and the data steps' SQL guards are built from it, and an integration test runs each
 * event's real write path against every status to prove the statuses it changes are `from`.
 *
 * @example
 * INVITATION_EVENTS.SUPERSEDED.from // ['QUEUED', 'SENT', 'SEND_FAILED']
 * INVITATION_EVENTS.RENEWAL_REQUESTED.to // 'unchanged'
 */
export const INVITATION_EVENTS: Readonly<
  Record<InvitationEventName, RecordedStateEvent<InvitationStatus>>
> = TABLE

/**
 * Every invitation event name, in table order.
 *
 * @example
 * INVITATION_EVENT_NAMES.includes('EXPIRE') // true
 */
export const INVITATION_EVENT_NAMES = Object.keys(TABLE) as InvitationEventName[]
