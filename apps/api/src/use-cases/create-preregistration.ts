import type { Database } from '@partner-center/db'
import { appliesFromSql, getUniqueViolation, UNIQUE_CONSTRAINTS } from '@partner-center/db'
import {
  associations,
  customerAccounts,
  HOLDING_PREREGISTRATION_STATUSES,
  preRegistrations,
  type PreRegistrationRow,
} from '@partner-center/db/schema'
import {
  auditActionOf,
  decidePreregistration,
  getFailure,
  maskEmail,
  maskMobile,
  maskName,
  PREREGISTRATION_EVENTS,
  requestKeys,
  validatePreregistrationInput,
  writtenStatus,
  type DomainError,
  type FieldIssue,
} from '@partner-center/domain'
import { normalizeMobile } from '@partner-center/domain/phone'
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { AppError, toAppError } from '../errors'
import { actorOf } from '../middleware/guards'
import { recordAudits } from '../queries/audit'
import { effectivePreregistrationStatusSql } from '../queries/effective-status'
import { lockKeys } from '../queries/locks'
import { toPreregistrationItem } from '../queries/preregistration-item'

/** Options of {@link createPreregistration}. */
export interface CreatePreregistrationOptions extends RequestMeta {
  scope: PartnerScope
  customerName: string
  email?: string | null
  mobile?: string | null
  locale?: 'en' | 'zh-CN'
}

const HOLDING = HOLDING_PREREGISTRATION_STATUSES
const { REVIEW_LAPSED, VALIDITY_LAPSED } = PREREGISTRATION_EVENTS

/**
 * The domain's field issues in the one validation shape (`details.issues`), under the domain's
 * code: `VALIDATION_FAILED`, or an input code of its own (`NON_ASCII_LOCAL_PART`,
 * `MIXED_SCRIPT_DOMAIN`, both 400) so the client can say why.
 */
export function fieldValidationError(error: DomainError): AppError {
  const fields = (error.details?.fields as FieldIssue[] | undefined) ?? []
  return new AppError(error.code, getFailure(error.code).httpStatus ?? 400, {
    issues: fields.map((field) => ({ path: field.path, message: field.reason })),
  })
}

function identityCondition(keys: {
  emailCanonical: string | null
  mobileE164: string | null
  accountIds: string[]
}): SQL | undefined {
  const t = preRegistrations
  return or(
    keys.emailCanonical ? eq(t.emailCanonical, keys.emailCanonical) : undefined,
    keys.mobileE164 ? eq(t.mobileE164, keys.mobileE164) : undefined,
    keys.accountIds.length ? inArray(t.customerAccountId, keys.accountIds) : undefined
  )
}

/**
 * Pre-registers a customer (R19–R28, P1–P3). Under the per-partner quota lock and the key locks
 * of R28 it writes lapsed holders as `EXPIRED`, loads the snapshot and lets the domain decide. A
 * refusal stores only `preregistration.refused` with the masked identity (R27); the partial unique
 * indexes remain the guarantee and their violations map to the same codes.
 */
export async function createPreregistration(deps: AppDeps, options: CreatePreregistrationOptions) {
  const input = validatePreregistrationInput(options, { normalizeMobile })
  if (!input.ok) throw fieldValidationError(input.error)
  const { emailCanonical, mobileE164 } = input.value
  const { scope } = options
  const partner = scope.partner
  const now = deps.clock.now()
  const masked = {
    customerName: maskName(input.value.customerName),
    email: maskEmail(input.value.email),
    mobile: maskMobile(mobileE164),
  }
  const refuse = (tx: Database, error: DomainError) =>
    recordAudits(tx, {
      now,
      requestId: options.requestId,
      entries: [
        {
          action: 'preregistration.refused',
          actorType: 'partner_user',
          actorId: scope.userId,
          partnerId: partner.id,
          entityType: 'partner',
          entityId: partner.id,
          details: { code: error.code, ...masked },
        },
      ],
    })

  let outcome: { row: PreRegistrationRow } | { error: DomainError }
  try {
    outcome = await deps.db.transaction(async (tx) => {
      const accounts = await tx
        .select()
        .from(customerAccounts)
        .where(
          or(
            emailCanonical ? eq(customerAccounts.emailCanonical, emailCanonical) : undefined,
            mobileE164 ? eq(customerAccounts.mobileE164, mobileE164) : undefined
          )
        )
      // The quota lock, then every identity key of the request and its accounts (R28).
      await lockKeys(tx, [
        `partner:${partner.id}`,
        ...requestKeys({ emailCanonical, mobileE164, accounts }),
      ])
      const identity = identityCondition({
        emailCanonical,
        mobileE164,
        accountIds: accounts.map((a) => a.id),
      })
      await expireLapsedHolders(tx, { identity, now, requestId: options.requestId })
      const effective = effectivePreregistrationStatusSql(now)
      const [{ holding } = { holding: 0 }] = await tx
        .select({ holding: sql<number>`count(*)::int` })
        .from(preRegistrations)
        .where(and(eq(preRegistrations.partnerId, partner.id), inArray(effective, [...HOLDING])))
      const overlapping = await tx
        .select()
        .from(preRegistrations)
        .where(and(inArray(preRegistrations.status, [...HOLDING]), identity))
      const active = accounts.length
        ? await tx
            .select({ id: associations.customerAccountId })
            .from(associations)
            .where(
              and(
                eq(associations.status, 'ACTIVE'),
                inArray(
                  associations.customerAccountId,
                  accounts.map((a) => a.id)
                )
              )
            )
        : []
      const decision = decidePreregistration({
        input: input.value,
        partner,
        holdingCount: Number(holding),
        ownHoldingRows: overlapping.filter((r) => r.partnerId === partner.id),
        otherPartnersHoldingRows: overlapping.filter((r) => r.partnerId !== partner.id),
        resolvedAccounts: accounts,
        activeAssociationAccountIds: active.map((a) => a.id),
        actor: actorOf(scope),
        now,
      })
      if (!decision.ok) {
        await refuse(tx, decision.error)
        return { error: decision.error }
      }
      const created = decision.value
      const [row] = await tx
        .insert(preRegistrations)
        .values({
          id: crypto.randomUUID(),
          partnerId: partner.id,
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
          createdAt: now,
          updatedAt: now,
        })
        .returning()
      if (!row) throw new Error('insert returned no row')
      await recordAudits(tx, {
        now,
        requestId: options.requestId,
        entries: [
          {
            action: 'preregistration.created',
            actorType: 'partner_user',
            actorId: scope.userId,
            partnerId: partner.id,
            entityType: 'preregistration',
            entityId: row.id,
            details: { status: row.status, reviewReason: row.reviewReason, ...masked },
          },
        ],
      })
      return { row }
    })
  } catch (error) {
    if (!isHoldingViolation(error)) throw error
    const holders = await deps.db
      .select({ partnerId: preRegistrations.partnerId })
      .from(preRegistrations)
      .where(
        and(
          inArray(preRegistrations.status, [...HOLDING]),
          identityCondition({ emailCanonical, mobileE164, accountIds: [] })
        )
      )
    const code = holders.some((h) => h.partnerId === partner.id)
      ? ('ALREADY_PREREGISTERED' as const)
      : ('PREREGISTERED_BY_ANOTHER_PARTNER' as const)
    // The constraint caught a race the locks should have prevented: same answer, same audit.
    outcome = { error: { code } }
    await refuse(deps.db, outcome.error)
  }
  if ('error' in outcome) throw toAppError(outcome.error)
  return toPreregistrationItem({
    row: outcome.row,
    creatorName: scope.displayName,
    latestInvitation: null,
    reveal: new Set(),
    now,
  })
}

function isHoldingViolation(error: unknown): boolean {
  const name = getUniqueViolation(error)
  const holding: (string | null)[] = [
    UNIQUE_CONSTRAINTS.holdingPreregistrationEmail,
    UNIQUE_CONSTRAINTS.holdingPreregistrationMobile,
    UNIQUE_CONSTRAINTS.holdingPreregistrationAccount,
  ]
  return name !== null && holding.includes(name)
}

/**
 * R28: holders of the request's keys whose effective status is `EXPIRED` are written so before
 * the insert (P7 or P8, one statement each, guarded by the event's from-states), one
 * `preregistration.expired` event each (by the system: time caused it).
 */
async function expireLapsedHolders(
  tx: Database,
  options: { identity: SQL | undefined; now: Date; requestId: string }
) {
  const effective = effectivePreregistrationStatusSql(options.now)
  for (const event of [REVIEW_LAPSED, VALIDITY_LAPSED]) {
    const to = writtenStatus(event)
    const expired = await tx
      .update(preRegistrations)
      .set({ status: to, updatedAt: options.now })
      .where(
        and(
          appliesFromSql(preRegistrations.status, event),
          sql`${effective} = ${to}`,
          options.identity
        )
      )
      .returning({ id: preRegistrations.id, partnerId: preRegistrations.partnerId })
    await recordAudits(tx, {
      now: options.now,
      requestId: options.requestId,
      entries: expired.map((row) => ({
        action: auditActionOf(event),
        actorType: 'system' as const,
        actorId: null,
        partnerId: row.partnerId,
        entityType: 'preregistration',
        entityId: row.id,
        details: { to },
      })),
    })
  }
}
