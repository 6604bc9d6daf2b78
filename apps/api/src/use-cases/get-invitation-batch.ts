import { invitationBatches, invitations } from '@partner-center/db/schema'
import { canViewBatch, computeBatchProgress, isUuid } from '@partner-center/domain'
import { and, eq } from 'drizzle-orm'
import type { AppDeps, PartnerScope } from '../deps'
import { AppError } from '../errors'
import { actorOf } from '../partner-scope'

/** Options of {@link getInvitationBatch}. */
export interface GetInvitationBatchOptions {
  scope: PartnerScope
  id: string
}

/**
 * `GET …/invitation-batches/{id}` (R49): the batch's answer and the delivery progress of its
 * invitations. Visible to its creator and to the partner's admins; anyone else gets `NOT_FOUND`.
 */
export async function getInvitationBatch(deps: AppDeps, options: GetInvitationBatchOptions) {
  if (!isUuid(options.id)) throw AppError.of('NOT_FOUND')
  const [batch] = await deps.db
    .select()
    .from(invitationBatches)
    .where(
      and(
        eq(invitationBatches.id, options.id),
        eq(invitationBatches.partnerId, options.scope.partner.id)
      )
    )
  if (!batch || !canViewBatch(actorOf(options.scope), batch)) throw AppError.of('NOT_FOUND')
  const rows = await deps.db
    .select({ status: invitations.status, sentAt: invitations.sentAt })
    .from(invitations)
    .where(eq(invitations.batchId, batch.id))
  return {
    batchId: batch.id,
    kind: batch.kind,
    associationType: batch.associationType,
    createdAt: batch.createdAt.toISOString(),
    requested: batch.requestedCount,
    queued: batch.queuedCount,
    skipped: batch.skippedCount,
    results: batch.results,
    ...computeBatchProgress(rows),
  }
}
