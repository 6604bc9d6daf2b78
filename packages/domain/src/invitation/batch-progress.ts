import type { InvitationState } from '../core/entities'

/**
 * Delivery progress of a batch (R49).
 *
 * @example
 * const progress: BatchProgress = { total: 3, pending: 1, sent: 1, failed: 0, cancelled: 1, done: false }
 */
export interface BatchProgress {
  total: number
  pending: number
  sent: number
  failed: number
  cancelled: number
  done: boolean
}

/**
 * Counts a batch's invitations by delivery outcome, whatever happened to them later (R49): `sent`
 * once `sentAt` is set; `failed` for `FAILED_TO_SEND`; `pending` for `QUEUED`/`SEND_FAILED`;
 * `cancelled` for the rest that never reached SMTP (superseded, revoked or expired before any
 * send). An accepted or association-failed invitation proves a delivered email, so it counts as
 * sent even if `sentAt` was lost to a crash (R54). `done` when nothing is pending.
 *
 * @example
 * computeBatchProgress([{ status: 'SENT', sentAt: now }, { status: 'QUEUED', sentAt: null }])
 * // { total: 2, pending: 1, sent: 1, failed: 0, cancelled: 0, done: false }
 */
export function computeBatchProgress(
  invitations: readonly Pick<InvitationState, 'status' | 'sentAt'>[]
): BatchProgress {
  const progress = { total: invitations.length, pending: 0, sent: 0, failed: 0, cancelled: 0 }
  for (const { status, sentAt } of invitations) {
    if (sentAt !== null || status === 'ACCEPTED' || status === 'ASSOCIATION_FAILED') progress.sent++
    else if (status === 'FAILED_TO_SEND') progress.failed++
    else if (status === 'QUEUED' || status === 'SEND_FAILED') progress.pending++
    else progress.cancelled++
  }
  return { ...progress, done: progress.pending === 0 }
}
