import { appliesFromSql, executeRows, type Database } from '@partner-center/db/portable'
import {
  INVITATION_EVENTS,
  PREREGISTRATION_EVENTS,
  webhookTypeOf,
  type RecordedStateEvent,
} from '@partner-center/domain'
import { sql, type SQL } from 'drizzle-orm'
import { recordWebhookEvents, SYSTEM_ACTOR } from '../persistence/webhook-events'
import { expireInvitationLinks } from './expire-invitation-links'
import { sweepPendingLinkRegistrations } from './sweep-pending-link-registrations'
import { queueDueReminders, type ReminderSweep } from './queue-due-reminders'
import { sweepWebhookRecords, type WebhookSweep } from './sweep-webhook-records'

/** How many transitions one sweep wrote. */
export interface SweepResult extends ReminderSweep, WebhookSweep {
  /** P7: `PENDING_REVIEW` past `reviewDeadline`. */
  reviewsExpired: number
  /** P8: `PRE_REGISTERED` past `validUntil`. */
  preregistrationsExpired: number
  /** I7: live invitations past `expiresAt`. */
  invitationsExpired: number
  /** L5: activity links past `expiresAt` (expire-invitation-links.ts). */
  invitationLinksExpired: number
  /** Pending link registrations past `expiresAt` or `VOID`, deleted (§12.2.2). */
  pendingLinkRegistrationsDeleted: number
  /** Rate-limit counters of windows that ended long ago (R59), deleted. */
  rateLimitCountersPurged: number
  /** Sign-in delay streaks forgotten (a day after their last failure) and expired known
   * addresses (R59), deleted. */
  signInStatePurged: number
}

// The longest rate-limit window is 15 minutes; a day of margin keeps every counter that any
// limit could still read, whatever the clocks of the API processes say.
const RATE_LIMIT_COUNTER_RETENTION_MS = 86_400_000

interface ExpireOptions {
  table: SQL
  entityType: string
  event: RecordedStateEvent<string>
  /** The row is due: its deadline has passed. */
  due: SQL
  /** The deadline that passed, the event's `expiredAt` (§13.5). */
  deadline: SQL
  now: string
}

/**
 * One conditional `update … returning` plus its audit events, as one statement, so each
 * transition and its event commit together (R75). The guard, the to-state and the action are the
 * clock event's row of the domain's table. With several sweepers racing, the loser's update waits
 * for the winner's row lock, re-checks `status` and skips the row: exactly once.
 */
function expireStatement(options: ExpireOptions): SQL {
  const { event } = options
  return sql`with expired as (
               update ${options.table} as t
                  set status = ${event.to}, updated_at = ${options.now}::timestamptz
                 from ${options.table} as before
                where before.id = t.id and ${appliesFromSql(sql`t.status`, event)} and ${options.due}
            returning t.id, t.partner_id, before.status as from_status, ${options.deadline} as expired_at),
             audited as (
             insert into audit_events
                    (id, occurred_at, actor_type, actor_id, partner_id, action, entity_type, entity_id, request_id, details)
             select gen_random_uuid(), ${options.now}::timestamptz, 'system', null, expired.partner_id,
                    ${event.audit}, ${options.entityType}, expired.id, null,
                    jsonb_build_object('from', expired.from_status, 'to', ${event.to}::text)
               from expired
          returning entity_id)
             select expired.id, expired.from_status, expired.expired_at from expired`
}

/**
 * Writes one clock transition (P7, P8 or I7) with its audit events and, in the same transaction,
 * one webhook event per row it changed (R124: one multi-row insert; a row another sweeper already
 * expired is not changed again, so it has one event). Answers how many rows changed.
 */
async function expireAndRecord(db: Database, options: ExpireOptions): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await executeRows<{ id: string; from_status: string; expired_at: Date | string }>(
      tx,
      expireStatement(options)
    )
    const type = webhookTypeOf(options.event)
    const items = rows.map((row) => ({
      entityId: row.id,
      actor: SYSTEM_ACTOR,
      fields: {
        previousStatus: row.from_status,
        expiredAt: new Date(row.expired_at),
        ...(type === 'preregistration.expired' ? { closedReason: null } : {}),
      },
    }))
    await recordWebhookEvents(tx, type, { now: new Date(options.now), items })
    return rows.length
  })
}

/**
 * Writes the time-based transitions of R80 as of `now`: P7 and P8 (pre-registrations) and I7
 * (invitations), queues the reminders that became due (R115, R116; `reminderHours` is the
 * resolved `INVITATION_REMINDER_HOURS`, unset or 0: none), purges rate-limit counters older
 * than a day so the table stays small, and applies the webhook retention (R145,
 * sweep-webhook-records.ts).
 * Safe to run from several dispatchers at once.
 *
 * @example
 * const { invitationsExpired } = await sweepExpiredRecords(db, clock.now())
 */
export async function sweepExpiredRecords(
  db: Database,
  now: Date,
  options: { reminderHours?: number } = {}
): Promise<SweepResult> {
  const at = now.toISOString()
  const run = async (statement: SQL) => (await executeRows(db, statement)).length
  const reviewsExpired = await expireAndRecord(db, {
    table: sql`pre_registrations`,
    entityType: 'preregistration',
    event: PREREGISTRATION_EVENTS.REVIEW_LAPSED,
    due: sql`t.review_deadline <= ${at}::timestamptz`,
    deadline: sql`t.review_deadline`,
    now: at,
  })
  const preregistrationsExpired = await expireAndRecord(db, {
    table: sql`pre_registrations`,
    entityType: 'preregistration',
    event: PREREGISTRATION_EVENTS.VALIDITY_LAPSED,
    due: sql`t.valid_until <= ${at}::timestamptz`,
    deadline: sql`t.valid_until`,
    now: at,
  })
  const invitationsExpired = await expireAndRecord(db, {
    table: sql`invitations`,
    entityType: 'invitation',
    event: INVITATION_EVENTS.EXPIRE,
    due: sql`t.expires_at <= ${at}::timestamptz`,
    deadline: sql`t.expires_at`,
    now: at,
  })
  const invitationLinksExpired = await expireInvitationLinks(db, now)
  const pendingLinkRegistrationsDeleted = await sweepPendingLinkRegistrations(db, now)
  // After I7, so an invitation that just expired has its pending reminder cancelled (R116).
  const reminders = await queueDueReminders(db, now, options.reminderHours ?? 0)
  const purgeBefore = new Date(now.getTime() - RATE_LIMIT_COUNTER_RETENTION_MS).toISOString()
  const rateLimitCountersPurged = await run(
    sql`delete from rate_limit_counters where window_start < ${purgeBefore}::timestamptz
        returning bucket_key`
  )
  // The streak memory (a day) equals the counter retention, so one cut-off serves both.
  const signInStatePurged =
    (await run(
      sql`delete from sign_in_backoffs where last_failure_at < ${purgeBefore}::timestamptz
          returning subject`
    )) +
    (await run(
      sql`delete from sign_in_known_addresses where expires_at <= ${at}::timestamptz
          returning mac`
    ))
  const webhooks = await sweepWebhookRecords(db, now)
  return {
    reviewsExpired,
    preregistrationsExpired,
    invitationsExpired,
    invitationLinksExpired,
    pendingLinkRegistrationsDeleted,
    rateLimitCountersPurged,
    signInStatePurged,
    ...reminders,
    ...webhooks,
  }
}
