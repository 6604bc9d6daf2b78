import type { Database } from '@partner-center/db/portable'
import { getUniqueViolation, UNIQUE_CONSTRAINTS } from '@partner-center/db/portable'
import { preRegistrations, type PreRegistrationRow } from '@partner-center/db/schema'
import type { DomainError, PreregistrationToCreate } from '@partner-center/domain'
import type { PartnerScope } from '../deps'
import { recordAudits } from './audit'
import { recordWebhookEvents } from './webhook-events'

/** Who asked, when, and the request's identity masked for the audit (R27: nothing unmasked). */
export interface PreregistrationWriteContext {
  scope: PartnerScope
  now: Date
  requestId: string
  masked: { customerName: string | null; email: string | null; mobile: string | null }
}

/**
 * Inserts a decided pre-registration (P1, P2) with its `preregistration.created` audit event and
 * webhook event (R124).
 */
export async function insertPreregistration(
  tx: Database,
  context: PreregistrationWriteContext,
  created: PreregistrationToCreate
): Promise<PreRegistrationRow> {
  const { scope, now } = context
  const [row] = await tx
    .insert(preRegistrations)
    .values({
      id: crypto.randomUUID(),
      partnerId: scope.partner.id,
      createdByUserId: scope.userId,
      source: 'PARTNER_CENTER',
      status: created.status,
      customerName: created.customerName,
      email: created.email,
      emailCanonical: created.emailCanonical,
      mobileE164: created.mobileE164,
      locale: created.locale,
      customerAccountId: created.customerAccountId,
      validFrom: created.validFrom,
      validUntil: created.validUntil,
      reviewReason: created.reviewReason,
      reviewDeadline: created.reviewDeadline,
      ageSpendWaived: created.ageSpendWaived,
      externalRef: created.externalRef,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  if (!row) throw new Error('insert returned no row')
  await recordAudits(tx, {
    now,
    requestId: context.requestId,
    entries: [
      {
        action: 'preregistration.created',
        actorType: 'partner_user',
        actorId: scope.userId,
        partnerId: scope.partner.id,
        entityType: 'preregistration',
        entityId: row.id,
        details: { status: row.status, reviewReason: row.reviewReason, ...context.masked },
      },
    ],
  })
  await recordWebhookEvents(tx, 'preregistration.created', {
    now,
    items: [
      {
        entityId: row.id,
        actor: { type: 'partner_user', id: scope.userId },
        fields: {
          status: row.status,
          reviewReason: row.reviewReason,
          validUntil: row.validUntil,
          reviewDeadline: row.reviewDeadline,
          locale: row.locale,
        },
      },
    ],
  })
  return row
}

/** A refusal stores only `preregistration.refused` with the code and the masked identity (R27). */
export async function recordPreregistrationRefusal(
  db: Database,
  context: PreregistrationWriteContext,
  error: DomainError
): Promise<void> {
  const { scope } = context
  await recordAudits(db, {
    now: context.now,
    requestId: context.requestId,
    entries: [
      {
        action: 'preregistration.refused',
        actorType: 'partner_user',
        actorId: scope.userId,
        partnerId: scope.partner.id,
        entityType: 'partner',
        entityId: scope.partner.id,
        details: { code: error.code, ...context.masked },
      },
    ],
  })
}

/** Whether an error is a holding unique index refusing a second holder of a key (R22, R23). */
export function isHoldingViolation(error: unknown): boolean {
  const name = getUniqueViolation(error)
  const holding: (string | null)[] = [
    UNIQUE_CONSTRAINTS.holdingPreregistrationEmail,
    UNIQUE_CONSTRAINTS.holdingPreregistrationMobile,
    UNIQUE_CONSTRAINTS.holdingPreregistrationAccount,
  ]
  return name !== null && holding.includes(name)
}
