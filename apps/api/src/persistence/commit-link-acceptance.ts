import { appliesFromSql, type Database } from '@partner-center/db/portable'
import {
  associations,
  customerAccounts,
  invitationLinks,
  invitations,
  outbox,
  preRegistrations,
  type CustomerAccountRow,
  type InvitationLinkRow,
  type PreRegistrationRow,
} from '@partner-center/db/schema'
import {
  auditActionOf,
  INVITATION_EVENTS,
  linkChannelOf,
  PREREGISTRATION_EVENTS,
  writtenStatus,
  type FailureCode,
  type LinkAcceptanceDecision,
  type Locale,
} from '@partner-center/domain'
import { and, eq, sql } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { recordAudits, type AuditEntry } from './audit'
import { revokeForLinkAssociation } from './revoke-for-link-association'
import { recordAcceptanceEvents, recordAssociationFailedEvent } from './webhook-events-acceptance'

const { LINK_ACCEPTED, LINK_ASSOCIATION_FAILED } = INVITATION_EVENTS
const { LINK_CONVERTED, LINK_CREATED_CONVERTED } = PREREGISTRATION_EVENTS

/** What a link row is written from (§12.2.3): the link, the customer and the request. */
export interface LinkRowContext {
  link: InvitationLinkRow
  account: CustomerAccountRow
  /** The row R109 converts (or, for I11, would have converted); null when there is none. */
  chosen: PreRegistrationRow | null
  locale: Locale
  requestId: string
}

/** The fields every link row shares: channel, link, tag, type, recipient and creator. */
function linkRowBase(context: LinkRowContext, now: Date) {
  const { link, account } = context
  return {
    id: crypto.randomUUID(),
    partnerId: link.partnerId,
    createdByUserId: link.createdByUserId,
    channel: linkChannelOf(link.kind),
    linkId: link.id,
    linkTag: link.tag,
    associationType: link.associationType,
    recipientEmail: account.email,
    recipientEmailCanonical: account.emailCanonical,
    locale: context.locale,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * I11: a link acceptance refused at R107 steps 5–7 is recorded as an `ASSOCIATION_FAILED` link
 * row (with the pre-registration R109 would have converted, unchanged), audited with its channel,
 * with its `association.failed` webhook event (R124).
 */
export async function recordLinkAssociationFailure(
  deps: AppDeps,
  tx: Database,
  context: LinkRowContext & { code: FailureCode }
) {
  const now = deps.clock.now()
  const row = {
    ...linkRowBase(context, now),
    preregistrationId: context.chosen?.id ?? null,
    status: writtenStatus(LINK_ASSOCIATION_FAILED),
    failureCode: context.code,
    failedAt: now,
    failedCustomerAccountId: context.account.id,
  }
  await tx.insert(invitations).values(row)
  await recordAudits(tx, {
    now,
    requestId: context.requestId,
    entries: [
      {
        action: auditActionOf(LINK_ASSOCIATION_FAILED),
        actorType: 'customer',
        actorId: context.account.id,
        partnerId: context.link.partnerId,
        entityType: 'invitation',
        entityId: row.id,
        details: { code: context.code, channel: row.channel, linkId: context.link.id },
      },
    ],
  })
  await recordAssociationFailedEvent(
    tx,
    {
      invitationId: row.id,
      failureCode: context.code,
      associationType: row.associationType,
      channel: row.channel,
      linkId: row.linkId,
      linkTag: row.linkTag,
    },
    now
  )
}

/**
 * The writes of a link association, inside the caller's transaction under the link's
 * row lock and the identity-key locks (R108, R113): the pre-registration of R109 converts (P9a, its
 * live email invitation revoked, I6c) or one is created converted outside the quota (P9b); the
 * `ACCEPTED` link row (I10); the `ACTIVE` association (`LINK_INVITATION`, the unique index
 * guards R68); the reseller freeze (R66); the link's `associationCount + 1`; the success email
 * (R71); the audit events with `details.channel` and `details.linkId`; then
 * `invitation.accepted` and `association.created` (R124).
 */
export async function commitLinkAcceptance(
  deps: AppDeps,
  tx: Database,
  context: LinkRowContext & { decision: LinkAcceptanceDecision }
) {
  const now = deps.clock.now()
  const { link, account, chosen, decision } = context
  const { association: planned, accountFreeze } = decision
  const associationId = crypto.randomUUID()
  const linkRow = linkRowBase(context, now)
  const trace = { channel: linkRow.channel, linkId: link.id }
  const actor = { actorType: 'customer' as const, actorId: account.id, partnerId: link.partnerId }
  const entries: AuditEntry[] = []

  const preregistrationId = chosen?.id ?? crypto.randomUUID()
  const converted = { convertedAt: now, associationId, convertedVia: linkRow.channel }
  if (chosen) {
    // P9a from the stored status (all but CONVERTED and DELETED; the row is locked).
    const moved = await tx
      .update(preRegistrations)
      .set({ status: writtenStatus(LINK_CONVERTED), ...converted, updatedAt: now })
      .where(
        and(
          eq(preRegistrations.id, chosen.id),
          appliesFromSql(preRegistrations.status, LINK_CONVERTED)
        )
      )
      .returning({ id: preRegistrations.id })
    if (moved.length === 0) throw new Error('the chosen pre-registration changed under its lock')
    entries.push({
      ...actor,
      action: auditActionOf(LINK_CONVERTED),
      entityType: 'preregistration',
      entityId: chosen.id,
      details: { associationId, from: chosen.status, ...trace },
    })
    entries.push(
      ...(await revokeForLinkAssociation(tx, {
        preregistrationId: chosen.id,
        customerAccountId: account.id,
        partnerId: link.partnerId,
        details: trace,
        now,
      }))
    )
  } else {
    // P9b: created converted, outside the quota (R21 not checked; the row never holds).
    await tx.insert(preRegistrations).values({
      id: preregistrationId,
      partnerId: link.partnerId,
      createdByUserId: link.createdByUserId,
      source: 'LINK',
      customerName: account.displayName,
      email: account.email,
      emailCanonical: account.emailCanonical,
      mobileE164: account.mobileE164,
      customerAccountId: account.id,
      locale: context.locale,
      status: writtenStatus(LINK_CREATED_CONVERTED),
      validFrom: null,
      validUntil: null,
      ...converted,
      createdAt: now,
      updatedAt: now,
    })
    entries.push({
      ...actor,
      action: auditActionOf(LINK_CREATED_CONVERTED),
      entityType: 'preregistration',
      entityId: preregistrationId,
      details: { associationId, created: true, ...trace },
    })
  }

  await tx.insert(invitations).values({
    ...linkRow,
    preregistrationId,
    status: writtenStatus(LINK_ACCEPTED),
    acceptedAt: now,
    acceptedCustomerAccountId: account.id,
    associationId,
  })
  await tx.insert(associations).values({
    id: associationId,
    ...planned,
    invitationId: linkRow.id,
    preregistrationId,
    createdAt: now,
    updatedAt: now,
  })
  if (accountFreeze) {
    await tx
      .update(customerAccounts)
      .set({ ...accountFreeze, updatedAt: now })
      .where(eq(customerAccounts.id, account.id))
  }
  await tx
    .update(invitationLinks)
    .set({ associationCount: sql`${invitationLinks.associationCount} + 1` })
    .where(eq(invitationLinks.id, link.id))
  await tx.insert(outbox).values({
    kind: 'ASSOCIATION_SUCCESS_EMAIL',
    aggregateId: associationId,
    payload: { associationId, invitationId: linkRow.id },
    dedupeKey: `association:${associationId}:success-email`,
    status: 'PENDING',
    runAfter: now,
    createdAt: now,
  })

  entries.unshift(
    {
      ...actor,
      action: auditActionOf(LINK_ACCEPTED),
      entityType: 'invitation',
      entityId: linkRow.id,
      details: { associationId, ...trace },
    },
    {
      ...actor,
      action: 'association.created',
      entityType: 'association',
      entityId: associationId,
      details: { type: planned.type, invitationId: linkRow.id, ...trace },
    }
  )
  if (accountFreeze) {
    entries.push({
      ...actor,
      action: 'account.frozen_pending_budget',
      entityType: 'customer_account',
      entityId: account.id,
      details: { associationId, ...trace },
    })
  }
  await recordAudits(tx, { now, requestId: context.requestId, entries })
  await recordAcceptanceEvents(
    tx,
    {
      invitationId: linkRow.id,
      associationId,
      channel: linkRow.channel,
      linkId: link.id,
      linkTag: link.tag,
      association: planned,
      preregistrationCreated: chosen === null,
    },
    now
  )
  return { associationId, invitationId: linkRow.id }
}
