import { appliesFromSql, type Database } from '@partner-center/db/portable'
import { invitations, outbox } from '@partner-center/db/schema'
import {
  auditActionOf,
  effectiveInvitationStatus,
  INVITATION_EVENTS,
  invitationEventName,
  LIVE_INVITATION_STATUSES,
  transitionInvitation,
  writtenStatus,
  type FailureCode,
  type InvitationEvent,
} from '@partner-center/domain'
import { and, eq, inArray } from 'drizzle-orm'
import type { AuditEntry } from './audit'
import { recordExpiredInvitation } from './webhook-events'

/** Options of {@link revokeForLinkAssociation}. */
export interface RevokeForLinkAssociationOptions {
  preregistrationId: string
  customerAccountId: string
  partnerId: string
  details: Record<string, unknown>
  now: Date
}

/**
 * I6c: the live email invitation of a pre-registration converted through a link (P9a) becomes
 * `REVOKED` with `failureCode = LINK_ASSOCIATED`, through the domain's state machine and guarded
 * by the event's from-states; one past its `expiresAt` is written `EXPIRED` instead (I7, by the
 * system, with its `invitation.expired` webhook event). Its pending outbox rows (the email and the
 * reminder) are cancelled. Answers the audit
 * entries for the caller's transaction. At most one invitation of a row is live (I1).
 */
export async function revokeForLinkAssociation(
  tx: Database,
  options: RevokeForLinkAssociationOptions
): Promise<AuditEntry[]> {
  const { now } = options
  const live = await tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.preregistrationId, options.preregistrationId),
        eq(invitations.channel, 'email'),
        inArray(invitations.status, [...LIVE_INVITATION_STATUSES])
      )
    )
    .for('update')
  const entries: AuditEntry[] = []
  for (const invitation of live) {
    const lapsed =
      effectiveInvitationStatus(invitation, now) === writtenStatus(INVITATION_EVENTS.EXPIRE)
    const event: InvitationEvent = lapsed ? { type: 'EXPIRE' } : { type: 'LINK_ASSOCIATED' }
    const state = { ...invitation, failureCode: invitation.failureCode as FailureCode | null }
    const moved = transitionInvitation(state, event, now)
    if (!moved.ok) throw new Error(`invitation ${invitation.id} cannot be revoked`)
    const row = INVITATION_EVENTS[invitationEventName(event, invitation)]
    const updated = await tx
      .update(invitations)
      .set({ status: moved.value.status, failureCode: moved.value.failureCode, updatedAt: now })
      .where(and(eq(invitations.id, invitation.id), appliesFromSql(invitations.status, row)))
      .returning({ id: invitations.id })
    if (updated.length === 0) throw new Error(`invitation ${invitation.id} changed under its lock`)
    // The email and its reminder (R116); a message already being sent is re-read (R50, R117).
    const cancelled = await tx
      .update(outbox)
      .set({ status: 'CANCELLED' })
      .where(and(eq(outbox.aggregateId, invitation.id), eq(outbox.status, 'PENDING')))
      .returning({ id: outbox.id })
    if (lapsed) await recordExpiredInvitation(tx, invitation, now)
    entries.push({
      action: auditActionOf(row),
      ...(lapsed
        ? { actorType: 'system' as const, actorId: null }
        : { actorType: 'customer' as const, actorId: options.customerAccountId }),
      partnerId: options.partnerId,
      entityType: 'invitation',
      entityId: invitation.id,
      details: {
        from: invitation.status,
        to: moved.value.status,
        ...(lapsed ? {} : { failureCode: 'LINK_ASSOCIATED', ...options.details }),
        cancelledOutboxIds: cancelled.map((c) => c.id),
      },
    })
  }
  return entries
}
