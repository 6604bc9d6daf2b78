import { appliesFromSql, type Database } from '@partner-center/db/portable'
import { invitations, preRegistrations, type PreRegistrationRow } from '@partner-center/db/schema'
import {
  auditActionOf,
  effectivePreregistrationStatus,
  INVITATION_EVENTS,
  PREREGISTRATION_EVENTS,
  webhookTypeOf,
  writtenStatus,
  type PreregistrationDeletion,
} from '@partner-center/domain'
import { and, eq } from 'drizzle-orm'
import type { PartnerScope, RequestMeta } from '../deps'
import { recordAudits } from './audit'
import { retireLiveInvitation } from './retire-invitation'
import { recordWebhookEvents } from './webhook-events'

/** Options of {@link applyDeletion}. */
export interface ApplyDeletionOptions extends RequestMeta {
  scope: PartnerScope
  row: PreRegistrationRow
  deletion: PreregistrationDeletion
  now: Date
}

const { PREREGISTRATION_DELETED, EXPIRE } = INVITATION_EVENTS

/**
 * Writes a decided deletion (P10, R32) in the caller's transaction: the row `DELETED`, its live
 * invitation `REVOKED` with the pending email cancelled, the audit events and one
 * `preregistration.deleted` webhook event (R124). Returns the id of the revoked invitation, if any.
 */
export async function applyDeletion(tx: Database, options: ApplyDeletionOptions) {
  const { row, scope, now } = options
  // What the partner saw: a holding row past its deadline reads EXPIRED (R30).
  const previousStatus = effectivePreregistrationStatus(row, now)
  const deleted = await tx
    .update(preRegistrations)
    .set({ ...options.deletion, updatedAt: now })
    .where(
      and(
        eq(preRegistrations.id, row.id),
        appliesFromSql(preRegistrations.status, PREREGISTRATION_EVENTS.DELETED)
      )
    )
    .returning({ id: preRegistrations.id })
  if (deleted.length === 0) throw new Error(`pre-registration ${row.id} changed under its lock`)
  await recordAudits(tx, {
    now,
    requestId: options.requestId,
    entries: [
      {
        action: auditActionOf(PREREGISTRATION_EVENTS.DELETED),
        actorType: 'partner_user',
        actorId: scope.userId,
        partnerId: scope.partner.id,
        entityType: 'preregistration',
        entityId: row.id,
        details: { from: row.status, to: options.deletion.status },
      },
    ],
  })
  const live = await tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.preregistrationId, row.id),
        appliesFromSql(invitations.status, PREREGISTRATION_DELETED, EXPIRE)
      )
    )
    .for('update')
  let revoked: string | null = null
  for (const invitation of live) {
    const status = await retireLiveInvitation(tx, {
      invitation,
      event: { type: 'PREREGISTRATION_DELETED' },
      actor: { userId: scope.userId, partnerId: scope.partner.id },
      now,
      requestId: options.requestId,
    })
    if (status === writtenStatus(PREREGISTRATION_DELETED)) revoked = invitation.id
  }
  await recordWebhookEvents(tx, webhookTypeOf(PREREGISTRATION_EVENTS.DELETED), {
    now,
    items: [
      {
        entityId: row.id,
        actor: { type: 'partner_user', id: scope.userId },
        fields: { previousStatus, revokedInvitationId: revoked },
      },
    ],
  })
  return revoked
}
