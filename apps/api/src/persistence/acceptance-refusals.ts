import type { Database } from '@partner-center/db/portable'
import { appliesFromSql } from '@partner-center/db/portable'
import { invitations } from '@partner-center/db/schema'
import {
  auditActionOf,
  INVITATION_EVENTS,
  maskEmail,
  writtenStatus,
  type FailureCode,
} from '@partner-center/domain'
import { and, eq } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { recordAudits } from './audit'
import { cancelPendingReminder } from './cancel-pending-reminder'
import type { OpenedInvitation } from './invitation-by-token'
import { recordAssociationFailedEvent } from './webhook-events-acceptance'

const { ASSOCIATION_FAILED } = INVITATION_EVENTS

/**
 * Records an eligibility failure on the invitation (I9): it stays visible to the partner; the
 * change writes its `association.failed` webhook event (R124), a guard that changed nothing none.
 */
export async function recordAssociationFailure(
  deps: AppDeps,
  tx: Database,
  options: {
    opened: OpenedInvitation
    code: FailureCode
    customerAccountId: string
    requestId: string
  }
) {
  const now = deps.clock.now()
  const { invitation } = options.opened
  const failed = await tx
    .update(invitations)
    .set({
      status: writtenStatus(ASSOCIATION_FAILED),
      failureCode: options.code,
      failedAt: now,
      failedCustomerAccountId: options.customerAccountId,
      updatedAt: now,
    })
    .where(
      and(eq(invitations.id, invitation.id), appliesFromSql(invitations.status, ASSOCIATION_FAILED))
    )
    .returning({ id: invitations.id })
  await cancelPendingReminder(tx, invitation.id)
  await recordAudits(tx, {
    now,
    requestId: options.requestId,
    entries: [
      {
        action: auditActionOf(ASSOCIATION_FAILED),
        actorType: 'customer',
        actorId: options.customerAccountId,
        partnerId: invitation.partnerId,
        entityType: 'invitation',
        entityId: invitation.id,
        details: { code: options.code, recipient: maskEmail(invitation.recipientEmail) },
      },
    ],
  })
  if (failed.length === 0) return
  await recordAssociationFailedEvent(
    tx,
    {
      invitationId: invitation.id,
      failureCode: options.code,
      associationType: invitation.associationType,
      channel: 'email',
      linkId: null,
      linkTag: null,
    },
    now
  )
}

/**
 * A refusal that leaves the invitation as it was but is worth an audit event: a customer signed
 * in as another address than the invitation's (R63 `RECIPIENT_MISMATCH`).
 */
export async function recordAcceptanceRefusal(
  tx: Database,
  options: {
    opened: OpenedInvitation
    code: FailureCode
    customerAccountId: string
    now: Date
    requestId: string
  }
) {
  await recordAudits(tx, {
    now: options.now,
    requestId: options.requestId,
    entries: [
      {
        action: 'acceptance.refused',
        actorType: 'customer',
        actorId: options.customerAccountId,
        partnerId: options.opened.invitation.partnerId,
        entityType: 'invitation',
        entityId: options.opened.invitation.id,
        details: { code: options.code },
      },
    ],
  })
}
