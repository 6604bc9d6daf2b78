import { executeRows, type Database } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'

/**
 * The endpoints an event goes to, in SQL: the mirror of the domain's `endpointReceives` (R127),
 * compared with it over a grid of cases in `test/webhooks/fan-out-grid.int.test.ts`. `ev` is the
 * event, `e` the endpoint, `p` the endpoint's partner (none for a platform endpoint).
 */
export const ENDPOINT_RECEIVES_SQL = sql`e.status = 'ENABLED'
       and ev.type = any(e.event_types)
       and e.created_at <= ev.occurred_at
       and (e.partner_id is null
            or (e.partner_id = ev.partner_id and coalesce(p.customer_development_enabled, false)))`

/**
 * Fans out up to `limit` events not fanned out yet (E1 → E2, R127), in one statement and so one
 * transaction: claims them `FOR UPDATE SKIP LOCKED` (several dispatchers at once), inserts one
 * `PENDING` delivery (D1) per endpoint that receives the event at this instant (the endpoints
 * read `FOR SHARE`, so a concurrent disable comes before or after, never between), ignoring a
 * delivery that already exists, and sets `fanned_out_at`. Returns how many events it fanned out.
 *
 * @example
 * const events = await fanOutEvents(db, { now: clock.now(), limit: 100 })
 */
export async function fanOutEvents(
  db: Database,
  options: { now: Date; limit: number }
): Promise<number> {
  const now = options.now.toISOString()
  const rows = await executeRows<{ id: string }>(
    db,
    sql`with claimed as (
          select id, type, partner_id, occurred_at
            from webhook_events
           where fanned_out_at is null
           order by occurred_at
           limit ${options.limit}
             for update skip locked
        ), receivers as (
          select ev.id as event_id, ev.partner_id as event_partner_id,
                 e.id as endpoint_id, e.partner_id as endpoint_partner_id
            from claimed ev
            join webhook_endpoints e on e.partner_id is null or e.partner_id = ev.partner_id
            left join partners p on p.id = e.partner_id
           where ${ENDPOINT_RECEIVES_SQL}
             for share of e
        ), inserted as (
          insert into webhook_deliveries
                 (id, event_id, endpoint_id, event_partner_id, endpoint_partner_id, is_test,
                  status, attempts, run_after, window_starts_at, created_at)
          select gen_random_uuid(), event_id, endpoint_id, event_partner_id, endpoint_partner_id,
                 false, 'PENDING', 0, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
            from receivers
              on conflict (event_id, endpoint_id) do nothing
        )
        update webhook_events
           set fanned_out_at = ${now}::timestamptz
         where id in (select id from claimed)
     returning id`,
    { prepare: true }
  )
  return rows.length
}
