import { executeRows, type Transaction } from '@partner-center/db/portable'
import type { WebhookSettleDecision } from '@partner-center/domain'
import { sql, type SQL } from 'drizzle-orm'
import type { ClaimedDelivery } from './claim-deliveries'
import type { MadeAttempt } from './deliver-webhook-attempt'
import type { EndpointState } from './settle-webhook-reads'

// What a settle group writes: one statement for the whole group (a part per table), so that the
// endpoints' row locks are held for one round trip whatever the group's size.

/** One decided attempt of the group. */
export interface DecidedAttempt {
  claimed: ClaimedDelivery
  made: MadeAttempt
  decision: WebhookSettleDecision
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString())

/**
 * The attempt rows (no signature, secret or header of ours, §13.3.3), `number` = the claim's
 * `attempts`.
 */
function insertAttempts(decided: readonly DecidedAttempt[]): SQL {
  return sql`insert into webhook_attempts
               (id, delivery_id, number, started_at, webhook_timestamp, duration_ms, outcome,
                status_code, remote_address, response_excerpt)
        values ${sql.join(
          decided.map(
            ({ claimed, made }) =>
              sql`(gen_random_uuid(), ${claimed.id}::uuid, ${claimed.attempts}::int,
                   ${made.startedAt.toISOString()}::timestamptz, ${made.webhookTimestamp}::int,
                   ${made.result.durationMs}::int, ${made.result.outcome}::text,
                   ${made.result.statusCode}::int, ${made.result.remoteAddress}::text,
                   ${made.result.responseExcerpt}::text)`
          ),
          sql`, `
        )}`
}

/** Each delivery's next state (D3–D6) and the copies of its last attempt; the lease is dropped. */
function updateDeliveries(decided: readonly DecidedAttempt[], now: Date): SQL {
  const rows = decided.map(({ claimed, made, decision }) => {
    const next = decision.delivery
    return sql`(${claimed.id}::uuid, ${next.status}::text,
                ${next.status === 'PENDING' ? next.runAfter.toISOString() : null}::timestamptz,
                ${next.status === 'CANCELLED' ? next.cancelReason : null}::text,
                ${next.status === 'DELIVERED' ? now.toISOString() : null}::timestamptz,
                ${made.startedAt.toISOString()}::timestamptz, ${made.result.outcome}::text,
                ${made.result.statusCode}::int, ${made.result.durationMs}::int)`
  })
  return sql`update webhook_deliveries as d
           set status = v.status, locked_until = null,
               run_after = coalesce(v.run_after, d.run_after),
               cancel_reason = v.cancel_reason,
               delivered_at = coalesce(v.delivered_at, d.delivered_at),
               last_attempt_at = v.last_attempt_at, last_outcome = v.last_outcome,
               last_status_code = v.last_status_code, last_duration_ms = v.last_duration_ms
          from (values ${sql.join(rows, sql`, `)})
            as v(id, status, run_after, cancel_reason, delivered_at, last_attempt_at,
                 last_outcome, last_status_code, last_duration_ms)
         where d.id = v.id`
}

/** What a settle group changed on one endpoint: its state after and whether one was delivered. */
export interface EndpointChange {
  state: EndpointState
  delivered: boolean
}

/**
 * The endpoints the group's attempts changed, as the last of them left each: `failingSince`
 * (set by a failure, cleared by a delivery, R134) and `lastDeliveredAt = now` when one of the
 * group's attempts to it was delivered.
 */
function updateEndpoints(changed: ReadonlyMap<string, EndpointChange>, now: Date): SQL {
  const rows = [...changed].map(
    ([id, { state, delivered }]) =>
      sql`(${id}::uuid, ${iso(state.failingSince)}::timestamptz, ${delivered}::boolean)`
  )
  return sql`update webhook_endpoints as e
           set failing_since = v.failing_since,
               last_delivered_at = case when v.delivered then ${now.toISOString()}::timestamptz
                                        else e.last_delivered_at end
          from (values ${sql.join(rows, sql`, `)}) as v(id, failing_since, delivered)
         where e.id = v.id`
}

/**
 * Writes a settle group's decided attempts in one statement: the attempt rows, the deliveries'
 * next states and the endpoints they changed (data-modifying parts of one `with`, each run
 * once).
 *
 * @example
 * await writeSettledGroup(tx, decided, changed, now)
 */
export async function writeSettledGroup(
  tx: Transaction,
  decided: readonly DecidedAttempt[],
  changed: ReadonlyMap<string, EndpointChange>,
  now: Date
) {
  if (decided.length === 0) return
  const endpoints =
    changed.size > 0 ? sql`, endpoints as (${updateEndpoints(changed, now)})` : sql``
  await executeRows(
    tx,
    sql`with attempts as (${insertAttempts(decided)}),
             deliveries as (${updateDeliveries(decided, now)})${endpoints}
        select 1`
  )
}
