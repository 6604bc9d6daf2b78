import type { Database } from '@partner-center/db/portable'
import { invitations, preRegistrations, type PreRegistrationRow } from '@partner-center/db/schema'
import type { DecideInvitationBatchOptions } from '@partner-center/domain'
import { and, asc, count, desc, eq, gt, inArray } from 'drizzle-orm'

const DAY_MS = 24 * 3_600_000

/** What `decideInvitationBatch` needs from the database, with the locked rows themselves. */
export type InvitationBatchSnapshot = Pick<
  DecideInvitationBatchOptions,
  'latestInvitationAt' | 'recipientInvitationTimes' | 'partnerInvitationTimes'
> & { preregistrations: PreRegistrationRow[] }

/** Options of {@link loadInvitationBatchSnapshot}. */
export interface LoadInvitationBatchSnapshotOptions {
  partnerId: string
  /** The requested ids, duplicates collapsed. */
  preregistrationIds: readonly string[]
  dailyInviteCap: number
  now: Date
}

/**
 * Locks the partner's requested pre-registrations in id order (R44) and loads, in the caller's
 * transaction, what the batch is decided on: each row's latest invitation time (the resend
 * cooldown), the last day's invitations to the same addresses (the recipient limit) and the
 * partner's (the daily cap). Only this partner's rows are locked: other ids are `NOT_FOUND` and
 * must not be touched (R2).
 */
export async function loadInvitationBatchSnapshot(
  tx: Database,
  options: LoadInvitationBatchSnapshotOptions
): Promise<InvitationBatchSnapshot> {
  const { partnerId } = options
  const since = new Date(options.now.getTime() - DAY_MS)
  const rows = await tx
    .select()
    .from(preRegistrations)
    .where(
      and(
        inArray(preRegistrations.id, [...options.preregistrationIds]),
        eq(preRegistrations.partnerId, partnerId)
      )
    )
    .orderBy(asc(preRegistrations.id))
    .for('update')
  return {
    preregistrations: rows,
    latestInvitationAt: await loadLatestInvitationTimes(tx, rows),
    recipientInvitationTimes: await loadRecipientTimes(tx, rows, since),
    partnerInvitationTimes: await loadPartnerCapTimes(tx, {
      partnerId,
      since,
      cap: options.dailyInviteCap,
      requested: options.preregistrationIds.length,
    }),
  }
}

async function loadLatestInvitationTimes(tx: Database, rows: readonly PreRegistrationRow[]) {
  if (rows.length === 0) return {}
  const latest = await tx
    .selectDistinctOn([invitations.preregistrationId], {
      preregistrationId: invitations.preregistrationId,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(
      and(
        inArray(
          invitations.preregistrationId,
          rows.map((row) => row.id)
        ),
        // R110: link rows count towards no cooldown.
        eq(invitations.channel, 'email')
      )
    )
    .orderBy(invitations.preregistrationId, desc(invitations.createdAt), desc(invitations.id))
  const times: Record<string, Date> = {}
  for (const row of latest)
    if (row.preregistrationId !== null) times[row.preregistrationId] = row.createdAt
  return times
}

async function loadRecipientTimes(tx: Database, rows: readonly PreRegistrationRow[], since: Date) {
  const emails = [
    ...new Set(rows.flatMap((row) => (row.emailCanonical ? [row.emailCanonical] : []))),
  ]
  if (emails.length === 0) return {}
  const sent = await tx
    .select({ email: invitations.recipientEmailCanonical, createdAt: invitations.createdAt })
    .from(invitations)
    .where(
      and(
        inArray(invitations.recipientEmailCanonical, emails),
        gt(invitations.createdAt, since),
        eq(invitations.channel, 'email')
      )
    )
  const times: Record<string, Date[]> = {}
  for (const { email, createdAt } of sent) (times[email] ??= []).push(createdAt)
  return times
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
): Promise<Date[]> {
  const inWindow = and(
    eq(invitations.partnerId, options.partnerId),
    gt(invitations.createdAt, options.since),
    eq(invitations.channel, 'email')
  )
  const [counted] = await tx.select({ n: count() }).from(invitations).where(inWindow)
  if (Number(counted?.n ?? 0) + options.requested < options.cap) return []
  const newest = await tx
    .select({ createdAt: invitations.createdAt })
    .from(invitations)
    .where(inWindow)
    .orderBy(desc(invitations.createdAt))
    .limit(options.cap)
  return newest.map((row) => row.createdAt)
}
