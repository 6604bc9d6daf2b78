import { appliesFromSql, type Database } from '@partner-center/db/portable'
import {
  associations,
  customerAccounts,
  invitations,
  outbox,
  preRegistrations,
} from '@partner-center/db/schema'
import {
  auditActionOf,
  INVITATION_EVENTS,
  PREREGISTRATION_EVENTS,
  writtenStatus,
  type AcceptanceDecision,
} from '@partner-center/domain'
import { and, eq, gt } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { AppError } from '../errors'
import { recordAudits, type AuditEntry } from './audit'
import { cancelPendingReminder } from './cancel-pending-reminder'
import { effectivePreregistrationStatusSql } from './effective-status'
import type { OpenedInvitation } from './invitation-by-token'
import { recordAcceptanceEvents } from './webhook-events-acceptance'

const { CONVERTED } = PREREGISTRATION_EVENTS

/** Options of {@link commitAcceptance}. */
export interface CommitAcceptanceOptions {
  opened: OpenedInvitation
  decision: AcceptanceDecision
  requestId: string
}

/**
 * The writes of a successful acceptance, inside the caller's transaction (R65): the invitation
 * moves from a live status to ACCEPTED only if it is still live now (conditional update), the
 * ACTIVE association is inserted (the unique index guards R68), the pre-registration converts,
 * a reseller account is frozen until a budget is set (R66), and the success email is queued;
 * then `invitation.accepted` and `association.created` (R124).
 */
export async function commitAcceptance(
  deps: AppDeps,
  tx: Database,
  options: CommitAcceptanceOptions
) {
  const now = deps.clock.now()
  const { opened, decision } = options
  const { invitation, partner } = opened
  const { association: planned, accountFreeze } = decision
  const associationId = crypto.randomUUID()

  const moved = await tx
    .update(invitations)
    .set({
      status: writtenStatus(INVITATION_EVENTS.ACCEPTED),
      acceptedAt: now,
      acceptedCustomerAccountId: planned.customerAccountId,
      associationId,
      updatedAt: now,
    })
    .where(
      and(
        eq(invitations.id, invitation.id),
        appliesFromSql(invitations.status, INVITATION_EVENTS.ACCEPTED),
        gt(invitations.expiresAt, now)
      )
    )
    .returning({ id: invitations.id })
  if (moved.length === 0) throw AppError.of('LINK_ALREADY_USED')
  await cancelPendingReminder(tx, invitation.id)

  await tx
    .insert(associations)
    .values({ id: associationId, ...planned, createdAt: now, updatedAt: now })
  // P9 from the effective status (a row whose validity lapsed reads EXPIRED and converts too);
  // decideAcceptance refused any other, so no row here is a defect and rolls everything back.
  const converted = await tx
    .update(preRegistrations)
    .set({ status: writtenStatus(CONVERTED), convertedAt: now, associationId, updatedAt: now })
    .where(
      and(
        eq(preRegistrations.id, invitation.preregistrationId),
        appliesFromSql(effectivePreregistrationStatusSql(now), CONVERTED)
      )
    )
    .returning({ id: preRegistrations.id })
  if (converted.length === 0) throw new Error('the pre-registration left P9 under the link lock')
  if (accountFreeze) {
    await tx
      .update(customerAccounts)
      .set({ ...accountFreeze, updatedAt: now })
      .where(eq(customerAccounts.id, planned.customerAccountId))
  }
  // R106: the invitation's link reached the invited mailbox, which is the account's (R63).
  const verified = await tx
    .update(customerAccounts)
    .set({ emailVerified: true, updatedAt: now })
    .where(
      and(
        eq(customerAccounts.id, planned.customerAccountId),
        eq(customerAccounts.emailVerified, false)
      )
    )
    .returning({ id: customerAccounts.id })
  await tx.insert(outbox).values({
    kind: 'ASSOCIATION_SUCCESS_EMAIL',
    aggregateId: associationId,
    payload: { associationId, invitationId: invitation.id },
    dedupeKey: `association:${associationId}:success-email`,
    status: 'PENDING',
    runAfter: now,
    createdAt: now,
  })

  const actor = {
    actorType: 'customer' as const,
    actorId: planned.customerAccountId,
    partnerId: partner.id,
  }
  const entries: AuditEntry[] = [
    {
      ...actor,
      action: auditActionOf(INVITATION_EVENTS.ACCEPTED),
      entityType: 'invitation',
      entityId: invitation.id,
      details: { associationId },
    },
    {
      ...actor,
      action: 'association.created',
      entityType: 'association',
      entityId: associationId,
      details: { type: planned.type, invitationId: invitation.id },
    },
    {
      ...actor,
      action: auditActionOf(CONVERTED),
      entityType: 'preregistration',
      entityId: invitation.preregistrationId,
      details: { associationId },
    },
  ]
  if (accountFreeze) {
    entries.push({
      ...actor,
      action: 'account.frozen_pending_budget',
      entityType: 'customer_account',
      entityId: planned.customerAccountId,
      details: { associationId },
    })
  }
  if (verified.length > 0) {
    entries.push({
      ...actor,
      action: 'customer_account.email_verified',
      entityType: 'customer_account',
      entityId: planned.customerAccountId,
      details: { invitationId: invitation.id },
    })
  }
  await recordAudits(tx, { now, requestId: options.requestId, entries })
  await recordAcceptanceEvents(
    tx,
    {
      invitationId: invitation.id,
      associationId,
      channel: 'email',
      linkId: null,
      linkTag: null,
      association: planned,
      preregistrationCreated: false,
    },
    now
  )

  return {
    partnerName: partner.name,
    partnerContactEmail: partner.contactEmail,
    associationType: planned.type,
    associatedAt: now.toISOString(),
    frozenPendingBudget: planned.frozenPendingBudget,
  }
}
