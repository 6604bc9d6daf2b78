import { appliesFromSql, type Database } from '@partner-center/db/portable'
import { invitations, outbox, type InvitationRow } from '@partner-center/db/schema'
import {
  auditActionOf,
  effectiveInvitationStatus,
  INVITATION_EVENTS,
  invitationEventName,
  transitionInvitation,
  writtenStatus,
  type FailureCode,
  type InvitationEvent,
} from '@partner-center/domain'
import { and, eq } from 'drizzle-orm'
import { recordAudits, type AuditEntry } from './audit'
import { recordExpiredInvitation } from './webhook-events'

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
 * through the domain's state machine, with its pending email cancelled. The update is guarded by
 * the event's from-states and its audit action is the event's (`INVITATION_EVENTS`). One audit
 * event per change, in the caller's transaction, and for I7 its `invitation.expired` webhook event
 * (I5 and I6 write none, §13.5). Returns the status written.
 */
export async function retireLiveInvitation(tx: Database, options: RetireLiveInvitationOptions) {
  const { invitation, now, actor } = options
  const base = { partnerId: actor.partnerId, entityType: 'invitation', entityId: invitation.id }
  // Past expiresAt only EXPIRE applies (by the system: time caused it); else the partner's event.
  const state = { ...invitation, failureCode: invitation.failureCode as FailureCode | null }
  const lapsed =
    effectiveInvitationStatus(invitation, now) === writtenStatus(INVITATION_EVENTS.EXPIRE)
  const event: InvitationEvent = lapsed ? { type: 'EXPIRE' } : options.event
  const moved = transitionInvitation(state, event, now)
  const row = INVITATION_EVENTS[invitationEventName(event, invitation)]
  if (!moved.ok) throw new Error(`invitation ${invitation.id} cannot be retired`)
  const next: Partial<InvitationRow> = {
    status: moved.value.status,
    ...(lapsed ? {} : { supersededById: moved.value.supersededById }),
  }
  const entry: AuditEntry = {
    ...base,
    action: auditActionOf(row),
    ...(lapsed
      ? { actorType: 'system' as const, actorId: null }
      : { actorType: 'partner_user' as const, actorId: actor.userId }),
  }
  const updated = await tx
    .update(invitations)
    .set({ ...next, updatedAt: now })
    .where(and(eq(invitations.id, invitation.id), appliesFromSql(invitations.status, row)))
    .returning({ id: invitations.id })
  if (updated.length === 0) throw new Error(`invitation ${invitation.id} changed under its lock`)
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
  if (lapsed) await recordExpiredInvitation(tx, invitation, now)
  return next.status
}
