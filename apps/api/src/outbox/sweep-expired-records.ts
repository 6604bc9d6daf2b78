import { appliesFromSql, executeRows, type Database } from '@partner-center/db/portable'
import { INVITATION_EVENTS, PREREGISTRATION_EVENTS, type StateEvent } from '@partner-center/domain'
import { sql, type SQL } from 'drizzle-orm'
import { expireInvitationLinks } from './expire-invitation-links'
import { sweepPendingLinkRegistrations } from './sweep-pending-link-registrations'
import { queueDueReminders, type ReminderSweep } from './queue-due-reminders'

/** How many transitions one sweep wrote. */
export interface SweepResult extends ReminderSweep {
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

/**
 * One conditional `update … returning` plus its audit events, as one statement, so each
 * transition and its event commit together (R75). The guard, the to-state and the action are the
 * clock event's row of the domain's table. With several sweepers racing, the loser's update waits
 * for the winner's row lock, re-checks `status` and skips the row: exactly once.
 */
function expireStatement(options: {
  table: SQL
  entityType: string
  event: StateEvent<string>
  due: SQL
  now: string
}): SQL {
  const { event } = options
  return sql`with expired as (
               update ${options.table} as t
                  set status = ${event.to}, updated_at = ${options.now}::timestamptz
                 from ${options.table} as before
                where before.id = t.id and ${appliesFromSql(sql`t.status`, event)} and ${options.due}
            returning t.id, t.partner_id, before.status as from_status)
             insert into audit_events
                    (id, occurred_at, actor_type, actor_id, partner_id, action, entity_type, entity_id, request_id, details)
             select gen_random_uuid(), ${options.now}::timestamptz, 'system', null, expired.partner_id,
                    ${event.audit}, ${options.entityType}, expired.id, null,
                    jsonb_build_object('from', expired.from_status, 'to', ${event.to}::text)
               from expired
          returning entity_id`
}

/**
 * Writes the time-based transitions of R80 as of `now`: P7 and P8 (pre-registrations) and I7
 * (invitations), queues the reminders that became due (R115, R116; `reminderHours` is the
 * resolved `INVITATION_REMINDER_HOURS`, unset or 0: none), and purges rate-limit counters older
 * than a day so the table stays small.
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
  const reviewsExpired = await run(
    expireStatement({
      table: sql`pre_registrations`,
      entityType: 'preregistration',
      event: PREREGISTRATION_EVENTS.REVIEW_LAPSED,
      due: sql`t.review_deadline <= ${at}::timestamptz`,
      now: at,
    })
  )
  const preregistrationsExpired = await run(
    expireStatement({
      table: sql`pre_registrations`,
      entityType: 'preregistration',
      event: PREREGISTRATION_EVENTS.VALIDITY_LAPSED,
      due: sql`t.valid_until <= ${at}::timestamptz`,
      now: at,
    })
  )
  const invitationsExpired = await run(
    expireStatement({
      table: sql`invitations`,
      entityType: 'invitation',
      event: INVITATION_EVENTS.EXPIRE,
      due: sql`t.expires_at <= ${at}::timestamptz`,
      now: at,
    })
  )
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
  return {
    reviewsExpired,
    preregistrationsExpired,
    invitationsExpired,
    invitationLinksExpired,
    pendingLinkRegistrationsDeleted,
    rateLimitCountersPurged,
    signInStatePurged,
    ...reminders,
  }
}
