import { invitations, outbox } from '@partner-center/db/schema'
import {
  auditActionOf,
  decideRenewalRequest,
  INVITATION_EVENTS,
  maskEmail,
  webhookTypeOf,
} from '@partner-center/domain'
import { and, eq, isNull } from 'drizzle-orm'
import type { AppDeps } from '../../deps'
import { recordAudits } from '../../persistence/audit'
import { findInvitationByToken, linkError } from '../../persistence/invitation-by-token'
import { recordWebhookEvents } from '../../persistence/webhook-events'

/**
 * `POST /api/v1/public/invitations/renewal-request` (R72): a customer whose link no longer works
 * asks the partner for a new one. Recorded once; the inviting user is emailed; a repeat or a live
 * link changes nothing. It never creates an invitation.
 */
export async function requestRenewal(deps: AppDeps, options: { token: string; requestId: string }) {
  const now = deps.clock.now()
  const opened = await findInvitationByToken(deps.db, { token: options.token })
  const decision = decideRenewalRequest(opened?.invitation ?? null, now)
  if (!opened || !decision.ok)
    throw linkError(decision.ok ? 'LINK_NOT_FOUND' : decision.error.code, opened)
  const base = {
    requested: false,
    alreadyRequested: false,
    live: false,
    partnerName: opened.partner.name,
  }
  const value = decision.value
  if (value.action === 'NONE')
    return { ...base, live: 'live' in value, alreadyRequested: 'alreadyRequested' in value }

  const { invitation } = opened
  const recorded = await deps.db.transaction(async (tx) => {
    // Conditional, so two requests at once record (and email) once.
    const updated = await tx
      .update(invitations)
      .set({ renewalRequestedAt: now, updatedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.renewalRequestedAt)))
      .returning({ id: invitations.id })
    if (updated.length === 0) return false
    await tx.insert(outbox).values({
      kind: 'RENEWAL_REQUEST_EMAIL',
      aggregateId: invitation.id,
      payload: { invitationId: invitation.id, code: value.reason },
      dedupeKey: `invitation:${invitation.id}:renewal-request`,
      status: 'PENDING',
      runAfter: now,
      createdAt: now,
    })
    await recordAudits(tx, {
      now,
      requestId: options.requestId,
      entries: [
        {
          action: auditActionOf(INVITATION_EVENTS.RENEWAL_REQUESTED),
          actorType: 'link_holder',
          actorId: null,
          partnerId: invitation.partnerId,
          entityType: 'invitation',
          entityId: invitation.id,
          details: { reason: value.reason, recipient: maskEmail(invitation.recipientEmail) },
        },
      ],
    })
    await recordWebhookEvents(tx, webhookTypeOf(INVITATION_EVENTS.RENEWAL_REQUESTED), {
      now,
      items: [
        {
          entityId: invitation.id,
          actor: { type: 'link_holder', id: null },
          fields: { renewalRequestedAt: now, reason: value.reason },
        },
      ],
    })
    return true
  })
  return { ...base, requested: recorded, alreadyRequested: !recorded }
}
