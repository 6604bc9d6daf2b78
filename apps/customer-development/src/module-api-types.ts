import type { InviteCheck, PreregistrationItem } from '@partner-center/contracts'
import type { AssociationType, Locale } from '@partner-center/domain'

// Shapes of the endpoints the contracts package does not export yet (domain.md R26, R33, R42,
// R45, R48, R49, R74). Swap each for the contract schema type once it is published.

/** `POST …/preregistrations` body (R19). */
export interface PreregisterInput {
  customerName: string
  email?: string
  mobile?: string
  locale?: Locale
}

/** `POST …/preregistrations` answer: the created row (masked), PRE_REGISTERED or PENDING_REVIEW. */
export interface PreregisterResult {
  id: string
  status: string
  validUntil: string | null
  reviewDeadline?: string | null
}

/** One id of a batch delete and what happened to it (R33). */
export interface BatchDeleteRow {
  id: string
  outcome: 'DELETED' | 'SKIPPED'
  code?: string
}

/** `POST …/preregistrations/batch-delete` answer. */
export interface BatchDeleteResult {
  results: BatchDeleteRow[]
}

/** One row of an invitation batch answer (R42). */
export interface InviteRowOutcome {
  preregistrationId: string
  outcome: 'QUEUED' | 'SKIPPED'
  invitationId?: string
  code?: string
  retryAfterSeconds?: number
}

/** `POST …/invitations` and `…/invitations/{id}/resend` answer (R42, R45). */
export interface InviteBatchResult {
  batchId: string
  associationType: AssociationType
  requested: number
  queued: number
  skipped: number
  results: InviteRowOutcome[]
}

/** `GET …/invitation-batches/{id}` answer (R49). */
export interface BatchProgress {
  pending: number
  sent: number
  failed: number
  cancelled: number
  done: boolean
}

/** `POST …/invitations/preview` body and answer (R48). */
export interface PreviewInput {
  associationType: AssociationType
  locale: Locale
  preregistrationId?: string
}
export interface EmailPreview {
  subject: string
  html: string
  text: string
}

/** One History Records row (R74); customer values masked unless revealed. */
export interface HistoryItem {
  id: string
  preregistrationId: string
  customerName: string | null
  email: string | null
  associationType: AssociationType
  status: string
  invitedBy: { id: string; displayName: string } | null
  createdAt: string
  sentAt: string | null
  expiresAt: string | null
  acceptedAt: string | null
  attemptCount: number
  supersededById: string | null
  failureCode: string | null
  renewalRequestedAt: string | null
  resendCheck: InviteCheck
}

/** A page of rows, as every console list answers. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/** Query of the list and History Records (comma lists as strings, as the API takes them). */
export interface ListQuery {
  page: number
  pageSize: number
  q?: string
  status?: string
  reveal?: string
}

export type { PreregistrationItem }
