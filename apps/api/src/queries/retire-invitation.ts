import type { Database } from '@partner-center/db'
import { invitations, outbox, type InvitationRow } from '@partner-center/db/schema'
import {
  effectiveInvitationStatus,
  transitionInvitation,
  type FailureCode,
} from '@partner-center/domain'
import { and, eq } from 'drizzle-orm'
import { recordAudits, type AuditEntry } from './audit'

/** Options of {@link retireLiveInvitation}. */
export interface RetireLiveInvitationOptions {
  invitation: InvitationRow
  /** I5 (a newer invitation) or I6 (the pre-registration was deleted). */
  event: { type: 'SUPERSEDED'; byInvitationId: string } | { type: 'PREREGISTRATION_DELETED' }
  actor: { userId: string; partnerId: string }
  now: Date
  requestId: string
}

/**
 * Ends a stored-live invitation: written `EXPIRED` first when its `expiresAt` has passed (I7, so
 * the partial unique index never sees two live rows), else `SUPERSEDED` (I5) or `REVOKED` (I6)
 * through the domain's state machine, with its pending email cancelled. One audit event per
 * change, in the caller's transaction. Returns the status written.
 */
export async function retireLiveInvitation(tx: Database, options: RetireLiveInvitationOptions) {
  const { invitation, now, actor } = options
  const base = { partnerId: actor.partnerId, entityType: 'invitation', entityId: invitation.id }
  let entry: AuditEntry
  let next: Partial<InvitationRow>
  if (effectiveInvitationStatus(invitation, now) === 'EXPIRED') {
    next = { status: 'EXPIRED' }
    entry = { ...base, action: 'invitation.expired', actorType: 'system', actorId: null }
  } else {
    const state = { ...invitation, failureCode: invitation.failureCode as FailureCode | null }
    const moved = transitionInvitation(state, options.event, now)
    if (!moved.ok) throw new Error(`invitation ${invitation.id} cannot be retired`)
    next = { status: moved.value.status, supersededById: moved.value.supersededById }
    entry = {
      ...base,
      action: options.event.type === 'SUPERSEDED' ? 'invitation.superseded' : 'invitation.revoked',
      actorType: 'partner_user',
      actorId: actor.userId,
    }
  }
  await tx
    .update(invitations)
    .set({ ...next, updatedAt: now })
    .where(eq(invitations.id, invitation.id))
  // A message already being sent is left to the dispatcher, which re-reads the invitation (R50).
  const cancelled = await tx
    .update(outbox)
    .set({ status: 'CANCELLED' })
    .where(and(eq(outbox.aggregateId, invitation.id), eq(outbox.status, 'PENDING')))
    .returning({ id: outbox.id })
  await recordAudits(tx, {
    now,
    requestId: options.requestId,
    entries: [
      {
        ...entry,
        details: {
          from: invitation.status,
          to: next.status,
          ...(next.supersededById ? { supersededById: next.supersededById } : {}),
          cancelledOutboxIds: cancelled.map((row) => row.id),
        },
      },
    ],
  })
  return next.status
}
