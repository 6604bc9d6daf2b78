import { appliesFromSql, getUniqueViolation, type Database } from '@partner-center/db/portable'
import {
  asEmailInvitation,
  invitationBatches,
  invitations,
  outbox,
  UNIQUE_CONSTRAINTS,
  type NewInvitationRow,
  type PreRegistrationRow,
} from '@partner-center/db/schema'
import {
  createQueuedInvitation,
  INVITATION_EVENTS,
  invitationMessageId,
  maskEmail,
  writtenStatus,
  type InvitationBatchDecision,
} from '@partner-center/domain'
import { and, inArray } from 'drizzle-orm'
import type { PartnerScope } from '../deps'
import { AppError } from '../errors'
import { recordAudits, type AuditEntry } from './audit'
import { retireLiveInvitation } from './retire-invitation'
import { contextOfNewInvitation, recordWebhookEvents } from './webhook-events'

/**
 * One row of a batch's answer (R42): the domain's outcome with the new invitation's id and the
 * pre-registration's external reference (R122) when it was found.
 */
export type BatchResult = InvitationBatchDecision['results'][number] & {
  invitationId?: string
  externalRef?: string | null
}

/** Options of {@link writeInvitationBatch}. */
export interface WriteInvitationBatchOptions {
  scope: PartnerScope
  kind: 'INVITE' | 'RESEND'
  decision: InvitationBatchDecision
  /** The locked rows the batch was decided on. */
  preregistrations: readonly PreRegistrationRow[]
  /** Rows that had an invitation before: theirs is `invitation.resent`. */
  hadInvitation: ReadonlySet<string>
  now: Date
  requestId: string
  mailDomain: string
}

/**
 * Writes a decided batch in the caller's transaction (R39–R41): the batch row; for every queued
 * row its live invitation retired (expired I7 or superseded I5, pending email cancelled), the
 * `QUEUED` invitation and its outbox message; then the audit events, the batch's first, and one
 * `invitation.queued` webhook event per queued row in one insert (R124).
 */
export async function writeInvitationBatch(
  tx: Database,
  options: WriteInvitationBatchOptions
): Promise<{ batchId: string; results: BatchResult[] }> {
  const { scope, decision, now } = options
  const batchId = crypto.randomUUID()
  const invitationIdOf = new Map(
    decision.results
      .filter((result) => result.outcome === 'QUEUED')
      .map((result) => [result.preregistrationId, crypto.randomUUID()])
  )
  const externalRefOf = new Map(options.preregistrations.map((row) => [row.id, row.externalRef]))
  const results = decision.results.map((result): BatchResult => {
    const invitationId = invitationIdOf.get(result.preregistrationId)
    const externalRef = externalRefOf.get(result.preregistrationId)
    return {
      ...result,
      ...(externalRef === undefined ? {} : { externalRef }),
      ...(invitationId ? { invitationId } : {}),
    }
  })
  await tx.insert(invitationBatches).values({
    id: batchId,
    partnerId: scope.partner.id,
    createdByUserId: scope.userId,
    kind: options.kind,
    associationType: decision.associationType,
    requestedCount: decision.requested,
    queuedCount: decision.queued,
    skippedCount: decision.skipped,
    results,
    createdAt: now,
  })
  const supersedes = await retireLiveInvitations(tx, { ...options, invitationIdOf })
  const queued = options.preregistrations.flatMap((row) => {
    const id = invitationIdOf.get(row.id)
    return id && row.email && row.emailCanonical
      ? [{ id, row: { ...row, email: row.email, emailCanonical: row.emailCanonical } }]
      : []
  })
  const newInvitations = queued.map(({ id, row }): NewInvitationRow => {
    const invitation = createQueuedInvitation({
      id,
      batchId,
      createdByUserId: scope.userId,
      associationType: decision.associationType,
      preregistration: row,
      supersedesId: supersedes.get(row.id) ?? null,
      now,
    })
    return {
      ...invitation,
      recipientEmailCanonical: row.emailCanonical,
      messageId: invitationMessageId(id, options.mailDomain),
      updatedAt: now,
    }
  })
  const versions = await insertInvitationsWithEmails(tx, newInvitations, now)
  const actor = {
    actorType: 'partner_user' as const,
    actorId: scope.userId,
    partnerId: scope.partner.id,
  }
  const audits: AuditEntry[] = [
    {
      ...actor,
      action: 'invitation_batch.submitted',
      entityType: 'invitation_batch',
      entityId: batchId,
      details: {
        kind: options.kind,
        associationType: decision.associationType,
        requested: decision.requested,
        queued: decision.queued,
        skipped: decision.skipped,
      },
    },
    ...queued.map(({ id, row }): AuditEntry => ({
      ...actor,
      action: options.hadInvitation.has(row.id) ? 'invitation.resent' : 'invitation.queued',
      entityType: 'invitation',
      entityId: id,
      details: {
        batchId,
        preregistrationId: row.id,
        associationType: decision.associationType,
        recipient: maskEmail(row.email),
        supersedesId: supersedes.get(row.id) ?? null,
      },
    })),
  ]
  // Two independent inserts, sent together: the connection pipelines them, so the events'
  // bodies are built while the audit rows are written (bench/api-invite.mjs).
  const audited = recordAudits(tx, { now, requestId: options.requestId, entries: audits })
  const recorded = recordWebhookEvents(tx, 'invitation.queued', {
    now,
    items: newInvitations.map((invitation, index) => ({
      entityId: invitation.id!,
      actor: { type: 'partner_user' as const, id: scope.userId },
      // The invitation as just inserted (`queued[index]` is its pre-registration): not read back.
      context: contextOfNewInvitation(
        { id: invitation.id!, version: versions.get(invitation.id!)!, partnerId: scope.partner.id },
        queued[index]!.row
      ),
      fields: {
        batchId,
        batchKind: options.kind,
        associationType: decision.associationType,
        locale: invitation.locale,
        supersededInvitationId: invitation.supersedesId ?? null,
      },
    })),
  })
  await Promise.all([audited, recorded])
  return { batchId, results }
}

/**
 * Retires the live invitation of every row about to get a new one (I5 superseded, or I7 when it
 * had expired meanwhile); returns, per pre-registration, the id of the invitation the new one
 * supersedes.
 */
async function retireLiveInvitations(
  tx: Database,
  options: WriteInvitationBatchOptions & { invitationIdOf: ReadonlyMap<string, string> }
): Promise<Map<string, string>> {
  const { invitationIdOf, scope } = options
  const supersedes = new Map<string, string>()
  if (invitationIdOf.size === 0) return supersedes
  const live = await tx
    .select()
    .from(invitations)
    .where(
      and(
        inArray(invitations.preregistrationId, [...invitationIdOf.keys()]),
        appliesFromSql(invitations.status, INVITATION_EVENTS.SUPERSEDED, INVITATION_EVENTS.EXPIRE)
      )
    )
    .for('update')
  // Live rows are email invitations: link rows are created terminal (§12.2.3).
  for (const invitation of live.map((row) => asEmailInvitation(row))) {
    const byInvitationId = invitationIdOf.get(invitation.preregistrationId)
    if (!byInvitationId) continue
    const status = await retireLiveInvitation(tx, {
      invitation,
      event: { type: 'SUPERSEDED', byInvitationId },
      actor: { userId: scope.userId, partnerId: scope.partner.id },
      now: options.now,
      requestId: options.requestId,
    })
    if (status === writtenStatus(INVITATION_EVENTS.SUPERSEDED)) {
      supersedes.set(invitation.preregistrationId, invitation.id)
    }
  }
  return supersedes
}

/**
 * The new invitations and, in the same transaction, one outbox message each (§3.8); returns
 * each invitation's version as inserted, for its event.
 */
async function insertInvitationsWithEmails(
  tx: Database,
  newInvitations: readonly NewInvitationRow[],
  now: Date
): Promise<ReadonlyMap<string, number>> {
  if (newInvitations.length === 0) return new Map()
  const inserted = await tx
    .insert(invitations)
    .values([...newInvitations])
    .returning({ id: invitations.id, version: invitations.version })
    .catch((error: unknown) => {
      throw asLiveInvitationRace(error)
    })

  await tx.insert(outbox).values(
    newInvitations.map((invitation) => ({
      id: crypto.randomUUID(),
      kind: 'INVITATION_EMAIL' as const,
      aggregateId: invitation.id!,
      // Ids only: the dispatcher loads contact data itself (§3.8).
      payload: { invitationId: invitation.id! },
      dedupeKey: `invitation:${invitation.id}:send`,
      status: 'PENDING' as const,
      runAfter: now,
      createdAt: now,
    }))
  )
  return new Map(inserted.map((row) => [row.id, row.version]))
}

/**
 * The rows are locked before their invitations are written, so two batches cannot both make a
 * live invitation for one pre-registration; should the unique index still refuse one (a writer
 * that skipped the locks), the request is refused as busy and rolled back whole, never a 500.
 */
function asLiveInvitationRace(error: unknown): unknown {
  if (getUniqueViolation(error) !== UNIQUE_CONSTRAINTS.oneLiveInvitationPerPreregistration)
    return error
  return AppError.busy(1)
}
