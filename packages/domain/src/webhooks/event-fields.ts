import type { AssociationType, BatchKind, Payer } from '../core/statuses'
import type { InvitationChannel } from '../core/value-lists'
import type { WebhookEventType } from './event-types'
import type { REVIEW_OUTCOMES } from './webhook-values'

// The fields each event type adds after the common ones (domain.md §13.5), as the writers hand
// them over: instants as Date, customer values unmasked (the payload builder masks them).

/** The fields of each event type, as its writer knows them (§13.5). */
export interface WebhookEventFieldsByType {
  'preregistration.created': {
    status: string
    reviewReason: string | null
    validUntil: Date | null
    reviewDeadline: Date | null
    locale: string
  }
  'preregistration.deleted': { previousStatus: string; revokedInvitationId: string | null }
  'preregistration.review_decided': {
    decision: (typeof REVIEW_OUTCOMES)[number]
    status: string
    reviewReason: string | null
    validUntil: Date | null
  }
  'preregistration.expired': {
    previousStatus: string
    expiredAt: Date
    closedReason: string | null
  }
  'invitation.queued': {
    batchId: string
    batchKind: BatchKind
    associationType: AssociationType
    locale: string
    supersededInvitationId: string | null
  }
  'invitation.sent': { sentAt: Date; expiresAt: Date; attemptCount: number }
  'invitation.failed_to_send': {
    failureCode: string
    attemptCount: number
    lastAttemptAt: Date | null
  }
  'invitation.reminder_sent': { reminderSentAt: Date; expiresAt: Date }
  'invitation.expired': { previousStatus: string; expiredAt: Date }
  'invitation.renewal_requested': { renewalRequestedAt: Date; reason: string }
  'invitation.accepted': {
    acceptedAt: Date
    channel: InvitationChannel
    linkId: string | null
    linkTag: string | null
  }
  'association.created': {
    associationType: AssociationType
    payer: Payer
    source: InvitationChannel
    linkId: string | null
    linkTag: string | null
    preregistrationCreated: boolean
    customerAccountId: string
    /** The account's display name, unmasked: the builder masks it (M1). */
    accountName: string | null
    frozenPendingBudget: boolean
    associatedAt: Date
  }
  'association.failed': {
    failureCode: string
    failedAt: Date
    associationType: AssociationType
    source: InvitationChannel
    linkId: string | null
    linkTag: string | null
  }
}

/**
 * The fields of one event type (§13.5).
 *
 * @example
 * const fields: WebhookEventFields<'invitation.expired'> = { previousStatus: 'SENT', expiredAt: now }
 */
export type WebhookEventFields<T extends WebhookEventType> = WebhookEventFieldsByType[T]

/**
 * The body order of each type's own fields (§13.5), the same as the contracts schemas
 * (`WEBHOOK_EVENT_DATA`); a contracts test proves the two agree.
 *
 * @example
 * WEBHOOK_EVENT_FIELD_ORDER['invitation.sent'] // ['sentAt', 'expiresAt', 'attemptCount']
 */
export const WEBHOOK_EVENT_FIELD_ORDER: {
  readonly [T in WebhookEventType]: readonly (keyof WebhookEventFieldsByType[T])[]
} = {
  'preregistration.created': ['status', 'reviewReason', 'validUntil', 'reviewDeadline', 'locale'],
  'preregistration.deleted': ['previousStatus', 'revokedInvitationId'],
  'preregistration.review_decided': ['decision', 'status', 'reviewReason', 'validUntil'],
  'preregistration.expired': ['previousStatus', 'expiredAt', 'closedReason'],
  'invitation.queued': [
    'batchId',
    'batchKind',
    'associationType',
    'locale',
    'supersededInvitationId',
  ],
  'invitation.sent': ['sentAt', 'expiresAt', 'attemptCount'],
  'invitation.failed_to_send': ['failureCode', 'attemptCount', 'lastAttemptAt'],
  'invitation.reminder_sent': ['reminderSentAt', 'expiresAt'],
  'invitation.expired': ['previousStatus', 'expiredAt'],
  'invitation.renewal_requested': ['renewalRequestedAt', 'reason'],
  'invitation.accepted': ['acceptedAt', 'channel', 'linkId', 'linkTag'],
  'association.created': [
    'associationType',
    'payer',
    'source',
    'linkId',
    'linkTag',
    'preregistrationCreated',
    'customerAccountId',
    'accountName',
    'frozenPendingBudget',
    'associatedAt',
  ],
  'association.failed': [
    'failureCode',
    'failedAt',
    'associationType',
    'source',
    'linkId',
    'linkTag',
  ],
}
