import type { Database } from '@partner-center/db/portable'
import { appliesFromSql } from '@partner-center/db/portable'
import {
  associations,
  customerAccounts,
  HOLDING_PREREGISTRATION_STATUSES,
  preRegistrations,
} from '@partner-center/db/schema'
import {
  auditActionOf,
  PREREGISTRATION_EVENTS,
  requestKeys,
  webhookTypeOf,
  writtenStatus,
  type DecidePreregistrationOptions,
} from '@partner-center/domain'
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import { recordAudits } from './audit'
import { effectivePreregistrationStatusSql } from './effective-status'
import { lockKeys } from './locks'
import { lapsedPreregistrationItem, recordWebhookEvents } from './webhook-events'

const HOLDING = HOLDING_PREREGISTRATION_STATUSES
const { REVIEW_LAPSED, VALIDITY_LAPSED } = PREREGISTRATION_EVENTS
// The one status each lapse applies from (the event's `from`), the event's `previousStatus`.
const LAPSES = [
  { event: REVIEW_LAPSED, from: 'PENDING_REVIEW' },
  { event: VALIDITY_LAPSED, from: 'PRE_REGISTERED' },
] as const

/** The identity of a pre-registration request: its canonical email and mobile, either may be absent. */
export interface RequestIdentity {
  emailCanonical: string | null
  mobileE164: string | null
}

/** What `decidePreregistration` needs beyond the request, the partner, the actor and the time. */
export type PreregistrationSnapshot = Pick<
  DecidePreregistrationOptions,
  | 'holdingCount'
  | 'ownHoldingRows'
  | 'otherPartnersHoldingRows'
  | 'resolvedAccounts'
  | 'activeAssociationAccountIds'
>

/** Options of {@link loadPreregistrationSnapshot}. */
export interface LoadPreregistrationSnapshotOptions extends RequestIdentity {
  partnerId: string
  now: Date
  requestId: string
}

/**
 * Loads, in the caller's transaction, the snapshot a pre-registration is decided on (R28): the
 * accounts of the request's keys; then the quota lock and every identity key's lock; then lapsed
 * holders written `EXPIRED`; then the partner's holding count, the holding rows of the keys and
 * the accounts' active associations. Nothing read after the locks can change before commit.
 */
export async function loadPreregistrationSnapshot(
  tx: Database,
  options: LoadPreregistrationSnapshotOptions
): Promise<PreregistrationSnapshot> {
  const { emailCanonical, mobileE164, partnerId, now } = options
  const accounts = await tx
    .select()
    .from(customerAccounts)
    .where(
      or(
        emailCanonical ? eq(customerAccounts.emailCanonical, emailCanonical) : undefined,
        mobileE164 ? eq(customerAccounts.mobileE164, mobileE164) : undefined
      )
    )
  await lockKeys(tx, [
    `partner:${partnerId}`,
    ...requestKeys({ emailCanonical, mobileE164, accounts }),
  ])
  const accountIds = accounts.map((account) => account.id)
  const identity = identityCondition({ emailCanonical, mobileE164, accountIds })
  await expireLapsedHolders(tx, { identity, now, requestId: options.requestId })
  const effective = effectivePreregistrationStatusSql(now)
  const [{ holding } = { holding: 0 }] = await tx
    .select({ holding: sql<number>`count(*)::int` })
    .from(preRegistrations)
    .where(and(eq(preRegistrations.partnerId, partnerId), inArray(effective, [...HOLDING])))
  const overlapping = await tx
    .select()
    .from(preRegistrations)
    .where(and(inArray(preRegistrations.status, [...HOLDING]), identity))
  const active = accountIds.length
    ? await tx
        .select({ id: associations.customerAccountId })
        .from(associations)
        .where(
          and(
            eq(associations.status, 'ACTIVE'),
            inArray(associations.customerAccountId, accountIds)
          )
        )
    : []
  return {
    holdingCount: Number(holding),
    ownHoldingRows: overlapping.filter((row) => row.partnerId === partnerId),
    otherPartnersHoldingRows: overlapping.filter((row) => row.partnerId !== partnerId),
    resolvedAccounts: accounts,
    activeAssociationAccountIds: active.map((row) => row.id),
  }
}

/**
 * Whether any holding row of the request's keys belongs to the partner: after a holding unique
 * index refused an insert, says which of the two codes the race meant (R22 or R23).
 */
export async function holdsOwnPreregistration(
  db: Database,
  options: RequestIdentity & { partnerId: string }
): Promise<boolean> {
  const holders = await db
    .select({ partnerId: preRegistrations.partnerId })
    .from(preRegistrations)
    .where(
      and(
        inArray(preRegistrations.status, [...HOLDING]),
        identityCondition({ ...options, accountIds: [] })
      )
    )
  return holders.some((holder) => holder.partnerId === options.partnerId)
}

function identityCondition(keys: RequestIdentity & { accountIds: string[] }): SQL | undefined {
  const t = preRegistrations
  return or(
    keys.emailCanonical ? eq(t.emailCanonical, keys.emailCanonical) : undefined,
    keys.mobileE164 ? eq(t.mobileE164, keys.mobileE164) : undefined,
    keys.accountIds.length ? inArray(t.customerAccountId, keys.accountIds) : undefined
  )
}

/**
 * R28: holders of the request's keys whose effective status is `EXPIRED` are written so before
 * the insert (P7 or P8, one statement each, guarded by the event's from-states), one
 * `preregistration.expired` audit event and webhook event each (by the system: time caused it).
 */
async function expireLapsedHolders(
  tx: Database,
  options: { identity: SQL | undefined; now: Date; requestId: string }
) {
  const effective = effectivePreregistrationStatusSql(options.now)
  for (const { event, from } of LAPSES) {
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
      .returning({
        id: preRegistrations.id,
        partnerId: preRegistrations.partnerId,
        reviewDeadline: preRegistrations.reviewDeadline,
        validUntil: preRegistrations.validUntil,
      })
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
    await recordWebhookEvents(tx, webhookTypeOf(event), {
      now: options.now,
      items: expired.map((row) => lapsedPreregistrationItem(row, from)),
    })
  }
}
