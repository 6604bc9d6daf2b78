import { appliesFromSql, executeRows, type Database } from '@partner-center/db/portable'
import { DEFAULT_LIMITS, INVITATION_EVENTS } from '@partner-center/domain'
import { sql, type SQL } from 'drizzle-orm'

// The statuses a reminder may still go out from: its token event's from-states (`SENT`).
const { REMINDER_TOKEN_ISSUED } = INVITATION_EVENTS

/** What one sweep did about reminders. */
export interface ReminderSweep {
  /** `INVITATION_REMINDER` rows inserted for invitations that became due (R115, R116). */
  remindersQueued: number
  /** Pending reminder rows whose invitation is no longer `SENT` or has expired, cancelled (R116). */
  remindersCancelled: number
}

/**
 * The SQL of the domain's `isReminderDue` (R115) over `invitations as i` at `now` with
 * H = `reminderHours` > 0: status `SENT` with `sentAt` set, `reminderAt = expiresAt − H`,
 * `reminderAt ≤ now < expiresAt`, and `reminderAt − sentAt ≥ 24 h`
 * (`REMINDER_MIN_HOURS_AFTER_SEND`). An integration test checks it against `isReminderDue`.
 *
 * @example
 * sql`select i.id from invitations as i where ${reminderDueSql(now, 48)}`
 */
export function reminderDueSql(now: Date, reminderHours: number): SQL {
  const at = now.toISOString()
  const reminderAt = sql`(i.expires_at - make_interval(hours => ${reminderHours}::int))`
  const minAfterSend = DEFAULT_LIMITS.REMINDER_MIN_HOURS_AFTER_SEND
  return sql`(${appliesFromSql(sql`i.status`, REMINDER_TOKEN_ISSUED)}
    and i.sent_at is not null and i.expires_at is not null
    and ${reminderAt} <= ${at}::timestamptz and ${at}::timestamptz < i.expires_at
    and ${reminderAt} - i.sent_at >= make_interval(hours => ${minAfterSend}::int))`
}

/**
 * The reminder step of the sweeper (R80, R115, R116). First it queues one `INVITATION_REMINDER`
 * outbox row per due invitation, with the dedupe key `invitation:{id}:reminder` and an insert
 * that ignores a conflict, so a reminder is queued at most once per invitation however many
 * sweeps run, at once or again (none when `reminderHours` is 0: reminders off). Then it cancels
 * the pending reminder rows of invitations that ended without the writer cancelling them (expiry
 * I7 by the sweeper; acceptance and association failure cancel theirs at once); the dispatcher
 * re-reads the invitation anyway before sending (R117).
 *
 * @example
 * const { remindersQueued } = await queueDueReminders(db, clock.now(), config.invitationReminderHours)
 */
export async function queueDueReminders(
  db: Database,
  now: Date,
  reminderHours: number
): Promise<ReminderSweep> {
  const at = now.toISOString()
  const queued =
    reminderHours > 0
      ? await executeRows<{ id: string }>(
          db,
          sql`insert into outbox (id, kind, aggregate_id, payload, dedupe_key, status, attempts,
                                  run_after, created_at)
              select gen_random_uuid(), 'INVITATION_REMINDER', i.id,
                     jsonb_build_object('invitationId', i.id::text),
                     'invitation:' || i.id::text || ':reminder', 'PENDING', 0,
                     ${at}::timestamptz, ${at}::timestamptz
                from invitations as i
               where ${reminderDueSql(now, reminderHours)}
                 and not exists (select 1 from outbox as o
                                  where o.dedupe_key = 'invitation:' || i.id::text || ':reminder')
              on conflict (dedupe_key) do nothing
              returning id`
        )
      : []
  const cancelled = await executeRows<{ id: string }>(
    db,
    sql`update outbox as o set status = 'CANCELLED'
          from invitations as i
         where o.kind = 'INVITATION_REMINDER' and o.status = 'PENDING' and i.id = o.aggregate_id
           and (not ${appliesFromSql(sql`i.status`, REMINDER_TOKEN_ISSUED)}
                or i.expires_at <= ${at}::timestamptz)
     returning o.id`
  )
  return { remindersQueued: queued.length, remindersCancelled: cancelled.length }
}
