import { appliesFromSql } from '@partner-center/db/portable'
import { partners, preRegistrations } from '@partner-center/db/schema'
import {
  auditActionOf,
  decideReview,
  effectivePreregistrationStatus,
  isUuid,
  PREREGISTRATION_EVENTS,
  webhookTypeOf,
  type PreregistrationEventName,
} from '@partner-center/domain'
import { and, eq } from 'drizzle-orm'
import type { AppDeps, RequestMeta } from '../deps'
import { AppError, fieldValidationError, toAppError } from '../errors'
import { recordAudits } from '../persistence/audit'
import { effectivePreregistrationStatusSql } from '../persistence/effective-status'
import { toAdminPreregistration } from '../presenters/admin-preregistration'
import { recordWebhookEvents } from '../persistence/webhook-events'

// The event of each review decision (P5, P6).
const REVIEW_EVENTS: Record<'approve' | 'reject', PreregistrationEventName> = {
  approve: 'REVIEW_APPROVED',
  reject: 'REVIEW_REJECTED',
}

/** Options of {@link reviewPreregistration}. */
export interface ReviewPreregistrationOptions extends RequestMeta {
  managerId: string
  id: string
  decision: 'approve' | 'reject'
  note?: string | null
}

/**
 * `POST /api/v1/admin/preregistrations/{id}/review` (R31): the domain decides (P5 approve with a
 * fresh validity and the age/spend waiver, P6 reject with a 1–500 note); only an effective
 * `PENDING_REVIEW` row can be decided, else `PREREGISTRATION_NOT_ACTIVE`.
 */
export async function reviewPreregistration(deps: AppDeps, options: ReviewPreregistrationOptions) {
  if (!isUuid(options.id)) throw AppError.of('NOT_FOUND')
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ row: preRegistrations, partner: { id: partners.id, name: partners.name } })
      .from(preRegistrations)
      .innerJoin(partners, eq(partners.id, preRegistrations.partnerId))
      .where(eq(preRegistrations.id, options.id))
      .for('update', { of: preRegistrations })
    if (!found || found.row.status === 'DELETED') throw AppError.of('NOT_FOUND')
    const decision = decideReview({
      row: found.row,
      decision: options.decision,
      note: options.note,
      reviewerId: options.managerId,
      now,
    })
    if (!decision.ok) {
      if (decision.error.code === 'VALIDATION_FAILED') throw fieldValidationError(decision.error)
      throw toAppError(decision.error)
    }
    const event = PREREGISTRATION_EVENTS[REVIEW_EVENTS[options.decision]]
    const [updated] = await tx
      .update(preRegistrations)
      .set({ ...decision.value, updatedAt: now })
      .where(
        and(
          eq(preRegistrations.id, found.row.id),
          appliesFromSql(effectivePreregistrationStatusSql(now), event)
        )
      )
      .returning()
    if (!updated) throw new Error('update returned no row')
    await recordAudits(tx, {
      now,
      requestId: options.requestId,
      entries: [
        {
          action: auditActionOf(event),
          actorType: 'ecosystem_manager',
          actorId: options.managerId,
          partnerId: found.partner.id,
          entityType: 'preregistration',
          entityId: updated.id,
          details: { from: effectivePreregistrationStatus(found.row, now), to: updated.status },
        },
      ],
    })
    await recordWebhookEvents(tx, webhookTypeOf(event), {
      now,
      items: [
        {
          entityId: updated.id,
          actor: { type: 'ecosystem_manager', id: options.managerId },
          fields: {
            decision: options.decision === 'approve' ? 'APPROVED' : 'REJECTED',
            status: updated.status,
            reviewReason: updated.reviewReason,
            validUntil: updated.validUntil,
          },
        },
      ],
    })
    return toAdminPreregistration(updated, found.partner, now)
  })
}
