import type { InvitationSnapshot } from '../core/entities'
import type { Locale } from '../core/locale'
import type { AssociationType } from '../core/statuses'

/**
 * A new invitation row as queued by an invite or a resend (I1, R39).
 *
 * @example
 * const row: QueuedInvitation = createQueuedInvitation({ … })
 */
export interface QueuedInvitation extends InvitationSnapshot {
  batchId: string
  channel: 'email'
  recipientEmail: string
  locale: Locale
  supersedesId: string | null
}

/**
 * Builds the `QUEUED` invitation of one queued batch row (I1). Recipient email and locale are
 * copied from the pre-registration now, so a later change elsewhere never redirects the email.
 * No token exists yet: `expiresAt` is set by the first `TOKEN_ISSUED` (R51). The caller
 * supersedes the previous live invitation with `{ type: 'SUPERSEDED', byInvitationId: id }` (I5).
 *
 * @example
 * createQueuedInvitation({ id: 'i2', batchId: 'b1', createdByUserId: 'u1', associationType: 'reseller', preregistration: { id: 'r1', partnerId: 'p1', email: 'New.Beta@customer.example', emailCanonical: 'new.beta@customer.example', locale: 'en' }, supersedesId: 'i1', now })
 */
export function createQueuedInvitation(options: {
  id: string
  batchId: string
  createdByUserId: string
  associationType: AssociationType
  preregistration: {
    id: string
    partnerId: string
    email: string
    emailCanonical: string
    locale: Locale
  }
  supersedesId?: string | null
  now: Date
}): QueuedInvitation {
  const { preregistration: row, now } = options
  return {
    id: options.id,
    partnerId: row.partnerId,
    preregistrationId: row.id,
    batchId: options.batchId,
    createdByUserId: options.createdByUserId,
    channel: 'email',
    associationType: options.associationType,
    recipientEmail: row.email,
    recipientEmailCanonical: row.emailCanonical,
    locale: row.locale,
    status: 'QUEUED',
    expiresAt: null,
    sentAt: null,
    attemptCount: 0,
    lastAttemptAt: null,
    failureCode: null,
    supersedesId: options.supersedesId ?? null,
    supersededById: null,
    acceptedAt: null,
    acceptedCustomerAccountId: null,
    associationId: null,
    failedAt: null,
    failedCustomerAccountId: null,
    renewalRequestedAt: null,
    createdAt: now,
  }
}
