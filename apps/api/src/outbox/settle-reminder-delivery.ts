import { appliesFromSql, executeRows, type Database } from '@partner-center/db/portable'
import { INVITATION_EVENTS, webhookTypeOf } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { recordWebhookEvents, SYSTEM_ACTOR } from '../persistence/webhook-events'
import type { ClaimedRow } from './claim-outbox-rows'

const { REMINDER_SENT } = INVITATION_EVENTS

/** What settling an accepted reminder changed. */
export interface SettledReminder {
  /** This claim still held the outbox row, so it is now `SENT`. */
  settled: boolean
  /** The invitation recorded its first reminder (`reminderSentAt`, audit `invitation.reminder_sent`). */
  recorded: boolean
}

/**
 * Records that SMTP accepted a reminder, in one statement (R75): the outbox row `SENT` (only
 * while this claim holds it: `SENDING` with the claim's `attempts`), and I12 on the invitation:
 * `reminderSentAt` set on the first acceptance only, from a from-state of
 * `INVITATION_EVENTS.REMINDER_SENT` (`SENT`) with `sentAt` set and before `expiresAt`, with one
 * audit event `invitation.reminder_sent` by the system. The invitation's status, `expiresAt`,
 * `sentAt`, `attemptCount` and `failureCode` are not touched. A reminder's failures never come
 * here: they change only its own outbox row (`settleOutboxRow`, R118). The first acceptance
 * also writes `invitation.reminder_sent` (R124) in the same transaction; a later one none.
 *
 * @example
 * const { settled, recorded } = await settleReminderSent(db, row, now)
 */
export async function settleReminderSent(
  db: Database,
  row: ClaimedRow,
  now: Date
): Promise<SettledReminder> {
  const at = now.toISOString()
  return db.transaction(async (tx) => {
    const [result] = await executeRows<{
      settled: boolean
      invitation_id: string | null
      expires_at: Date | string | null
    }>(
      tx,
      sql`with settled as (
          update outbox
             set status = 'SENT', locked_until = null, last_error = null,
                 sent_at = ${at}::timestamptz
           where id = ${row.id}::uuid and status = 'SENDING' and attempts = ${row.attempts}::int
       returning id, aggregate_id),
        recorded as (
          update invitations as i
             set reminder_sent_at = ${at}::timestamptz, updated_at = ${at}::timestamptz
            from settled
           where i.id = settled.aggregate_id
             and ${appliesFromSql(sql`i.status`, REMINDER_SENT)}
             and i.reminder_sent_at is null
             and i.sent_at is not null
             and i.expires_at > ${at}::timestamptz
       returning i.id, i.partner_id, i.status, i.expires_at),
        audited as (
          insert into audit_events
                 (id, occurred_at, actor_type, actor_id, partner_id, action, entity_type, entity_id, request_id, details)
          select ${randomUUID()}::uuid, ${at}::timestamptz, 'system', null, recorded.partner_id,
                 ${REMINDER_SENT.audit}::text, 'invitation', recorded.id, null,
                 jsonb_build_object('from', recorded.status, 'to', recorded.status,
                                    'attempt', ${row.attempts}::int, 'outboxId', ${row.id}::text)
            from recorded
       returning entity_id)
        select exists (select 1 from settled) as settled,
               (select id from recorded) as invitation_id,
               (select expires_at from recorded) as expires_at
          from (select count(*) from audited) as audit_written`
    )
    const invitationId = result?.invitation_id ?? null
    if (invitationId !== null && result?.expires_at) {
      await recordWebhookEvents(tx, webhookTypeOf(REMINDER_SENT), {
        now,
        items: [
          {
            entityId: invitationId,
            actor: SYSTEM_ACTOR,
            fields: { reminderSentAt: now, expiresAt: new Date(result.expires_at) },
          },
        ],
      })
    }
    return { settled: Boolean(result?.settled), recorded: invitationId !== null }
  })
}
