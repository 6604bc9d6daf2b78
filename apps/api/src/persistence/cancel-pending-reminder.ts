import type { Database } from '@partner-center/db/portable'
import { outbox } from '@partner-center/db/schema'
import { and, eq } from 'drizzle-orm'

/**
 * Cancels the pending reminder of an invitation that has just ended (R116: acceptance I8,
 * association failure I9), in the caller's transaction. A reminder already being sent is left to
 * the dispatcher, which re-reads the invitation before its token (R117). Answers the ids of the
 * outbox rows cancelled (none or one: the dedupe key allows one reminder per invitation).
 *
 * @example
 * await cancelPendingReminder(tx, invitation.id)
 */
export async function cancelPendingReminder(tx: Database, invitationId: string) {
  return tx
    .update(outbox)
    .set({ status: 'CANCELLED' })
    .where(
      and(
        eq(outbox.aggregateId, invitationId),
        eq(outbox.kind, 'INVITATION_REMINDER'),
        eq(outbox.status, 'PENDING')
      )
    )
    .returning({ id: outbox.id })
}
