import { appliesFromSql, getUniqueViolation, type Database } from '@partner-center/db'
import {
  invitationBatches,
  invitations,
  outbox,
  preRegistrations,
  UNIQUE_CONSTRAINTS,
  type NewInvitationRow,
} from '@partner-center/db/schema'
import {
  createQueuedInvitation,
  decideInvitationBatch,
  INVITATION_EVENTS,
  invitationMessageId,
  maskEmail,
  ok,
  writtenStatus,
  type AssociationType,
  type DomainError,
  type Result,
} from '@partner-center/domain'
import { and, asc, count, desc, eq, gt, inArray } from 'drizzle-orm'
import type { PartnerScope } from '../deps'
import { AppError } from '../errors'
import { actorOf } from '../middleware/guards'
import { recordAudits, type AuditEntry } from '../queries/audit'
import { retireLiveInvitation } from '../queries/retire-invitation'

/** Options of {@link queueInvitationBatch}. */
export interface QueueInvitationBatchOptions {
  scope: PartnerScope
  /** As sent: duplicates are collapsed by the domain (R37). */
  preregistrationIds: readonly string[]
  associationType?: AssociationType
  kind: 'INVITE' | 'RESEND'
  now: Date
  requestId: string
  mailDomain: string
}

/** The 202 answer of invite and resend (R42). */
export interface InvitationBatchAnswer {
  batchId: string
  associationType: AssociationType
  requested: number
  queued: number
  skipped: number
  results: {
    preregistrationId: string
    outcome: 'QUEUED' | 'SKIPPED'
    invitationId?: string
    code?: string
    retryAfterSeconds?: number
  }[]
}

const DAY_MS = 24 * 3_600_000

/**
 * Decides and writes one invite or resend batch in the caller's transaction (R36–R41, R44):
 * locks the partner's requested rows in id order, loads the snapshot the domain needs, and for
 * every queued row retires its live invitation (expired I7 or superseded I5, pending email
 * cancelled), inserts the `QUEUED` invitation and its outbox message, then the batch row and the
 * audit events. A request-level refusal returns the failure and writes nothing.
 */
export async function queueInvitationBatch(
  tx: Database,
  options: QueueInvitationBatchOptions
): Promise<Result<InvitationBatchAnswer, DomainError>> {
  const { scope, now } = options
  const partnerId = scope.partner.id
  const ids = [...new Set(options.preregistrationIds)]
  // Only this partner's rows are locked: other ids are NOT_FOUND and must not be touched (R2).
  const rows = await tx
    .select()
    .from(preRegistrations)
    .where(and(inArray(preRegistrations.id, ids), eq(preRegistrations.partnerId, partnerId)))
    .orderBy(asc(preRegistrations.id))
    .for('update')
  const rowIds = rows.map((row) => row.id)
  const latest = rowIds.length
    ? await tx
        .selectDistinctOn([invitations.preregistrationId], {
          preregistrationId: invitations.preregistrationId,
          createdAt: invitations.createdAt,
        })
        .from(invitations)
        .where(inArray(invitations.preregistrationId, rowIds))
        .orderBy(invitations.preregistrationId, desc(invitations.createdAt), desc(invitations.id))
    : []
  const emails = [
    ...new Set(rows.flatMap((row) => (row.emailCanonical ? [row.emailCanonical] : []))),
  ]
  const since = new Date(now.getTime() - DAY_MS)
  const recipientRows = emails.length
    ? await tx
        .select({ email: invitations.recipientEmailCanonical, createdAt: invitations.createdAt })
        .from(invitations)
        .where(
          and(
            inArray(invitations.recipientEmailCanonical, emails),
            gt(invitations.createdAt, since)
          )
        )
    : []
  const partnerRows = await loadPartnerCapTimes(tx, {
    partnerId,
    since,
    cap: scope.partner.dailyInviteCap,
    requested: ids.length,
  })
  const recipientInvitationTimes: Record<string, Date[]> = {}
  for (const { email, createdAt } of recipientRows) {
    ;(recipientInvitationTimes[email] ??= []).push(createdAt)
  }

  const decision = decideInvitationBatch({
    preregistrationIds: options.preregistrationIds,
    associationType: options.associationType,
    kind: options.kind,
    partner: scope.partner,
    actor: actorOf(scope),
    preregistrations: rows,
    latestInvitationAt: Object.fromEntries(latest.map((l) => [l.preregistrationId, l.createdAt])),
    recipientInvitationTimes,
    partnerInvitationTimes: partnerRows.map((r) => r.createdAt),
    now,
  })
  if (!decision.ok) return decision
  const batch = decision.value
  const batchId = crypto.randomUUID()
  const hadInvitation = new Set(latest.map((l) => l.preregistrationId))
  const queuedIds = batch.results
    .filter((r) => r.outcome === 'QUEUED')
    .map((r) => r.preregistrationId)
  const invitationIdOf = new Map(queuedIds.map((id) => [id, crypto.randomUUID()]))
  const results = batch.results.map((result) => {
    const invitationId = invitationIdOf.get(result.preregistrationId)
    return invitationId ? { ...result, invitationId } : result
  })

  await tx.insert(invitationBatches).values({
    id: batchId,
    partnerId,
    createdByUserId: scope.userId,
    kind: options.kind,
    associationType: batch.associationType,
    requestedCount: batch.requested,
    queuedCount: batch.queued,
    skippedCount: batch.skipped,
    results,
    createdAt: now,
  })

  const live = queuedIds.length
    ? await tx
        .select()
        .from(invitations)
        .where(
          and(
            inArray(invitations.preregistrationId, queuedIds),
            appliesFromSql(
              invitations.status,
              INVITATION_EVENTS.SUPERSEDED,
              INVITATION_EVENTS.EXPIRE
            )
          )
        )
        .for('update')
    : []
  const supersedes = new Map<string, string>()
  for (const invitation of live) {
    const byInvitationId = invitationIdOf.get(invitation.preregistrationId)
    if (!byInvitationId) continue
    const status = await retireLiveInvitation(tx, {
      invitation,
      event: { type: 'SUPERSEDED', byInvitationId },
      actor: { userId: scope.userId, partnerId },
      now,
      requestId: options.requestId,
    })
    if (status === writtenStatus(INVITATION_EVENTS.SUPERSEDED))
      supersedes.set(invitation.preregistrationId, invitation.id)
  }

  const newInvitations: NewInvitationRow[] = []
  const audits: AuditEntry[] = []
  const actor = { actorType: 'partner_user' as const, actorId: scope.userId, partnerId }
  for (const row of rows) {
    const id = invitationIdOf.get(row.id)
    if (!id || !row.email || !row.emailCanonical) continue
    const queued = createQueuedInvitation({
      id,
      batchId,
      createdByUserId: scope.userId,
      associationType: batch.associationType,
      preregistration: { ...row, email: row.email, emailCanonical: row.emailCanonical },
      supersedesId: supersedes.get(row.id) ?? null,
      now,
    })
    newInvitations.push({
      ...queued,
      recipientEmailCanonical: row.emailCanonical,
      messageId: invitationMessageId(id, options.mailDomain),
      updatedAt: now,
    })
    audits.push({
      ...actor,
      action: hadInvitation.has(row.id) ? 'invitation.resent' : 'invitation.queued',
      entityType: 'invitation',
      entityId: id,
      details: {
        batchId,
        preregistrationId: row.id,
        associationType: batch.associationType,
        recipient: maskEmail(row.email),
        supersedesId: queued.supersedesId,
      },
    })
  }
  if (newInvitations.length > 0) {
    await tx
      .insert(invitations)
      .values(newInvitations)
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
  }
  audits.unshift({
    ...actor,
    action: 'invitation_batch.submitted',
    entityType: 'invitation_batch',
    entityId: batchId,
    details: {
      kind: options.kind,
      associationType: batch.associationType,
      requested: batch.requested,
      queued: batch.queued,
      skipped: batch.skipped,
    },
  })
  await recordAudits(tx, { now, requestId: options.requestId, entries: audits })
  return ok({
    batchId,
    associationType: batch.associationType,
    requested: batch.requested,
    queued: batch.queued,
    skipped: batch.skipped,
    results,
  })
}

/**
 * The rows are locked before their invitations are written, so two batches cannot both make a
 * live invitation for one pre-registration; should the unique index still refuse one (a writer
 * that skipped the locks), the request is refused as busy and rolled back whole, never a 500.
 */
function asLiveInvitationRace(error: unknown): unknown {
  if (getUniqueViolation(error) !== UNIQUE_CONSTRAINTS.oneLiveInvitationPerPreregistration)
    return error
  return new AppError('SYSTEM_BUSY', 503, { retryAfterSeconds: 1 }, { 'retry-after': '1' })
}

/**
 * The partner's invitation times the cap rule (R38 step 6) needs, without handing it a day of
 * history: when even this whole request stays under the cap, no row can be refused, so none are
 * needed; otherwise only the newest `cap` times decide the refusal and its retry time. Both give
 * the same decisions as the full list, at a cost independent of the partner's volume.
 */
async function loadPartnerCapTimes(
  tx: Database,
  options: { partnerId: string; since: Date; cap: number; requested: number }
) {
  const inWindow = and(
    eq(invitations.partnerId, options.partnerId),
    gt(invitations.createdAt, options.since)
  )
  const [counted] = await tx.select({ n: count() }).from(invitations).where(inWindow)
  if (Number(counted?.n ?? 0) + options.requested < options.cap) return []
  return tx
    .select({ createdAt: invitations.createdAt })
    .from(invitations)
    .where(inWindow)
    .orderBy(desc(invitations.createdAt))
    .limit(options.cap)
}
