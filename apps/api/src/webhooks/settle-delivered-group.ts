import { executeRows, type Database } from '@partner-center/db/portable'
import { decideWebhookSettle } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import type { AttemptToSettle } from './settle-webhook-group'

/**
 * How stale an endpoint's `lastDeliveredAt` may be before a delivered attempt writes it again
 * (domain.md D3): under load every settle would otherwise rewrite the endpoint's row, and one
 * second is finer than the "Last Delivery" column shows.
 */
const LAST_DELIVERED_RESOLUTION_SECONDS = 1

/** What a 2xx decides needs nothing read (D3): the endpoint changes unless it is a test. */
function endpointChanges(isTest: boolean): boolean {
  const decision = decideWebhookSettle({
    delivered: true,
    delivery: { isTest, windowStartsAt: new Date(0), attemptInWindow: 1 },
    endpoint: { status: 'ENABLED', partnerId: null, failingSince: null },
    moduleEnabled: true,
    now: new Date(0),
    random: 0,
  })
  return decision.endpoint.kind === 'DELIVERED'
}

const ENDPOINT_CHANGES = { test: endpointChanges(true), event: endpointChanges(false) }

// One statement, so one round trip and its own transaction, with one text whatever the group's
// size (the rows are one JSON parameter), so it runs prepared. The endpoints are locked first and
// in id order, as the settle transaction of failures locks them (settle-webhook-reads.ts), so
// that settles of several dispatchers never wait on each other in a circle: `locked` is an
// InitPlan of `delivered`'s condition, evaluated before its first row is locked. A delivery is
// written only while this claim still holds it (`SENDING` with the claim's `attempts` and lease);
// the attempt row is inserted for exactly those.
function settleDeliveredStatement(rows: string, now: string) {
  return sql`
    with v as (
      select * from json_to_recordset(${rows}::json) as r(
        id uuid, endpoint_id uuid, attempts int, locked_until timestamptz, started_at timestamptz,
        webhook_timestamp int, duration_ms int, outcome text, status_code int,
        remote_address text, response_excerpt text, changes_endpoint boolean)
    ), locked as (
      select e.id, e.failing_since, e.last_delivered_at
        from webhook_endpoints e
       where e.id in (select distinct endpoint_id from v)
       order by e.id
         for no key update
    ), delivered as (
      update webhook_deliveries d
         set status = 'DELIVERED', locked_until = null, delivered_at = ${now}::timestamptz,
             last_attempt_at = v.started_at, last_outcome = v.outcome,
             last_status_code = v.status_code, last_duration_ms = v.duration_ms
        from v
       where d.id = v.id and d.status = 'SENDING' and d.attempts = v.attempts
         and d.locked_until = v.locked_until
         and (select count(*) from locked) >= 0
      returning d.id
    ), attempts as (
      insert into webhook_attempts
        (id, delivery_id, number, started_at, webhook_timestamp, duration_ms, outcome,
         status_code, remote_address, response_excerpt)
      select gen_random_uuid(), v.id, v.attempts, v.started_at, v.webhook_timestamp,
             v.duration_ms, v.outcome, v.status_code, v.remote_address, v.response_excerpt
        from v join delivered using (id)
    ), endpoints as (
      update webhook_endpoints e
         set failing_since = null, last_delivered_at = ${now}::timestamptz
        from locked l
       where e.id = l.id
         and exists (select 1 from v join delivered using (id)
                      where v.endpoint_id = e.id and v.changes_endpoint)
         and (l.failing_since is not null or l.last_delivered_at is null
              or l.last_delivered_at <= ${now}::timestamptz
                                         - make_interval(secs => ${LAST_DELIVERED_RESOLUTION_SECONDS}))
    )
    select id from delivered`
}

/**
 * Settles attempts that a receiver answered with a 2xx (D3) in one statement: `DELIVERED`, the
 * attempt rows, and on their endpoints `failingSince = null` and `lastDeliveredAt = now` (at most
 * once a second per endpoint). Only deliveries this claim still holds are written. Returns, per
 * attempt, whether its claim still held the delivery.
 *
 * @example
 * const held = await settleDeliveredGroup(db, delivered, { now })
 */
export async function settleDeliveredGroup(
  db: Database,
  group: readonly AttemptToSettle[],
  options: { now: Date }
): Promise<boolean[]> {
  if (group.length === 0) return []
  const rows = group.map(({ claimed, made }) => ({
    id: claimed.id,
    endpoint_id: claimed.endpointId,
    attempts: claimed.attempts,
    locked_until: claimed.lockedUntil.toISOString(),
    started_at: made.startedAt.toISOString(),
    webhook_timestamp: made.webhookTimestamp,
    duration_ms: made.result.durationMs,
    outcome: made.result.outcome,
    status_code: made.result.statusCode,
    remote_address: made.result.remoteAddress,
    response_excerpt: made.result.responseExcerpt,
    changes_endpoint: claimed.isTest ? ENDPOINT_CHANGES.test : ENDPOINT_CHANGES.event,
  }))
  const statement = settleDeliveredStatement(JSON.stringify(rows), options.now.toISOString())
  const settled = await executeRows<{ id: string }>(db, statement, { prepare: true })
  const held = new Set(settled.map((row) => row.id))
  return group.map(({ claimed }) => held.has(claimed.id))
}
