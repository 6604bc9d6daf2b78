import type { Database } from '@partner-center/db/portable'
import { outbox, pendingLinkRegistrations, rateLimitCounters } from '@partner-center/db/schema'
import {
  decideCodeEmail,
  DAY_MS,
  pendingRegistrationExpiresAt,
  type Locale,
  type PendingRegistrationPurpose,
} from '@partner-center/domain'
import { and, eq, gt, sql } from 'drizzle-orm'
import { AppError } from '../errors'
import { lockKeys } from './locks'

/** What one code request writes (R101, R105): the pending row's fields. */
export interface EmailCodeRequestRow {
  purpose: PendingRegistrationPurpose
  linkId: string
  emailCanonical: string
  customerAccountId: string | null
  displayName: string | null
  mobileE164: string | null
  passwordHash: string | null
  locale: Locale
}

/**
 * The writes of one code request, inside the caller's transaction (R101, R102): under a lock on
 * the address's counter bucket, R102's two caps (429 `EMAIL_CODE_LIMIT` with `Retry-After`,
 * nothing written); then earlier `PENDING` rows of the address and purpose become `VOID`, the new
 * `PENDING` row, one counter hit (its instant is the window start, so the caps read the exact
 * request times) and the `EMAIL_CODE` outbox row. The answer is the 202 body.
 */
export async function writeEmailCodeRequest(
  tx: Database,
  options: { row: EmailCodeRequestRow; bucketKey: string; now: Date }
) {
  const { row, bucketKey, now } = options
  await lockKeys(tx, [bucketKey])
  const counted = await tx
    .select({ at: rateLimitCounters.windowStart, count: rateLimitCounters.count })
    .from(rateLimitCounters)
    .where(
      and(
        eq(rateLimitCounters.bucketKey, bucketKey),
        gt(rateLimitCounters.windowStart, new Date(now.getTime() - DAY_MS))
      )
    )
  const sentAt = counted.flatMap(({ at, count }) => Array.from({ length: count }, () => at))
  const decision = decideCodeEmail({ now, sentAt })
  if (!decision.ok) throw AppError.of('EMAIL_CODE_LIMIT', decision.error.details)

  await tx
    .update(pendingLinkRegistrations)
    .set({ status: 'VOID' })
    .where(
      and(
        eq(pendingLinkRegistrations.emailCanonical, row.emailCanonical),
        eq(pendingLinkRegistrations.purpose, row.purpose),
        eq(pendingLinkRegistrations.status, 'PENDING')
      )
    )
  const expiresAt = pendingRegistrationExpiresAt(now)
  const [pending] = await tx
    .insert(pendingLinkRegistrations)
    .values({ ...row, status: 'PENDING', tries: 0, createdAt: now, expiresAt })
    .returning({ id: pendingLinkRegistrations.id })
  if (!pending) throw new Error('insert returned no row')
  await tx
    .insert(rateLimitCounters)
    .values({ bucketKey, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.bucketKey, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
  await tx.insert(outbox).values({
    kind: 'EMAIL_CODE',
    aggregateId: pending.id,
    payload: { pendingRegistrationId: pending.id },
    dedupeKey: `email-code:${pending.id}`,
    status: 'PENDING',
    runAfter: now,
    createdAt: now,
  })
  return {
    pendingRegistrationId: pending.id,
    expiresAt: expiresAt.toISOString(),
    resendAfterSeconds: decision.value.resendAfterSeconds,
  }
}
