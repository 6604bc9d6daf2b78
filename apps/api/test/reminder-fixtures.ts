import type { Database } from '@partner-center/db'
import { invitationTokens, invitations, outbox } from '@partner-center/db/schema'
import type { InvitationStatus } from '@partner-center/domain'
import { and, eq, inArray } from 'drizzle-orm'
import { createHash, randomBytes } from 'node:crypto'
import {
  insertPartner,
  insertQueuedInvitations,
  type QueuedInvitation,
} from './outbox/outbox-fixtures'

// Issue 20 (R115–R118): invitations whose first email went out, as the dispatcher leaves them,
// for the reminder tests (reminders-*.int.test.ts).

const HOUR = 3_600_000

/** A sent invitation with the raw token of its first email. */
export interface SentInvitation extends QueuedInvitation {
  /** The token of the first send (purpose `SEND`), so a test can open its link. */
  firstToken: string
  sentAt: Date | null
  expiresAt: Date | null
}

/** Options of {@link insertSentInvitations}. */
export interface SentOptions {
  /** When the first email went out (default: now − 5 days 1 hour). */
  sentAt?: Date | null
  /** Default `sentAt + 7 days`: expires in 47 h, so a 48 h reminder is due now. */
  expiresAt?: Date | null
  status?: InvitationStatus
  /** The partner, its user and batch (default a new one of `insertPartner`). */
  partner?: { partnerId: string; userId: string; batchId: string; userEmail: string }
}

/**
 * Writes `count` invitations as a first delivery left them (R51, I2): `SENT` (or `status`),
 * `sentAt`, `expiresAt`, one attempt, the `INVITATION_EMAIL` row `SENT` and a `SEND` token.
 *
 * @example
 * const [due] = await insertSentInvitations(db, 1)
 */
export async function insertSentInvitations(
  db: Database,
  count: number,
  options: SentOptions = {}
): Promise<SentInvitation[]> {
  const now = new Date()
  const sentAt =
    options.sentAt === undefined ? new Date(now.getTime() - 121 * HOUR) : options.sentAt
  const expiresAt =
    options.expiresAt === undefined
      ? new Date((sentAt ?? now).getTime() + 168 * HOUR)
      : options.expiresAt
  // Ids of any partner row; insertPartner's type only narrows them to UUID-shaped text.
  const partner = (options.partner ?? (await insertPartner(db))) as Parameters<
    typeof insertQueuedInvitations
  >[1]
  const queued = await insertQueuedInvitations(db, partner, count, {
    now: new Date((sentAt ?? now).getTime() - HOUR),
  })
  const ids = queued.map((q) => q.invitationId)
  await db
    .update(invitations)
    .set({
      status: options.status ?? 'SENT',
      sentAt,
      expiresAt,
      attemptCount: 1,
      lastAttemptAt: sentAt,
      failureCode: options.status === 'FAILED_TO_SEND' ? 'DELIVERY_FAILED' : null,
    })
    .where(inArray(invitations.id, ids))
  await db
    .update(outbox)
    .set({ status: 'SENT', attempts: 1, sentAt })
    .where(and(inArray(outbox.aggregateId, ids), eq(outbox.kind, 'INVITATION_EMAIL')))
  const tokens = queued.map(() => randomBytes(32).toString('base64url'))
  await db.insert(invitationTokens).values(
    queued.map((q, index) => ({
      invitationId: q.invitationId,
      tokenHash: createHash('sha256')
        .update(tokens[index] ?? '')
        .digest('hex'),
      purpose: 'SEND' as const,
      issuedAt: sentAt ?? now,
    }))
  )
  return queued.map((q, index) => ({ ...q, firstToken: tokens[index] ?? '', sentAt, expiresAt }))
}

/** The outbox rows of the reminders of `sent`, as stored now. */
export function reminderRowsOf(db: Database, sent: readonly { invitationId: string }[]) {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        inArray(
          outbox.aggregateId,
          sent.map((s) => s.invitationId)
        ),
        eq(outbox.kind, 'INVITATION_REMINDER')
      )
    )
}

/** The Message-ID of an invitation's reminder in these tests' mail domain (R117). */
export function reminderMessageIdOf(invitationId: string): string {
  return `<invitation.${invitationId}.reminder@partner-center.local>`
}
