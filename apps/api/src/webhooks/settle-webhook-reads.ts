import { executeRows, type Transaction } from '@partner-center/db/portable'
import type { WebhookEndpointStatus } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import type { ClaimedDelivery } from './claim-deliveries'

// What a settle group reads under lock before it decides (settle-webhook-group.ts).

/** An endpoint as the group's settles see it, one after the other. */
export interface EndpointState {
  status: WebhookEndpointStatus
  partnerId: string | null
  failingSince: Date | null
  moduleEnabled: boolean
}

/** A held delivery's window: when it started and this attempt's number in it (R132). */
export interface HeldDelivery {
  windowStartsAt: Date
  attemptInWindow: number
}

const toDate = (value: unknown) => new Date(value as string | Date)

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `
  )

/**
 * The group's endpoints with their partners' modules, locked for the updates the settles may
 * make, in id order so that two dispatchers' groups never wait on each other in a circle.
 *
 * @example
 * const endpoints = await lockEndpoints(tx, ['…'])
 */
export async function lockEndpoints(
  tx: Transaction,
  ids: readonly string[]
): Promise<Map<string, EndpointState>> {
  const rows = await executeRows<{
    id: string
    status: WebhookEndpointStatus
    partner_id: string | null
    failing_since: unknown
    module_enabled: boolean | null
  }>(
    tx,
    sql`select e.id, e.status, e.partner_id, e.failing_since,
               p.customer_development_enabled as module_enabled
          from webhook_endpoints e
          left join partners p on p.id = e.partner_id
         where e.id in (${uuidList(ids)})
         order by e.id
           for no key update of e`
  )
  return new Map(
    rows.map((row) => [
      row.id,
      {
        status: row.status,
        partnerId: row.partner_id,
        failingSince: row.failing_since === null ? null : toDate(row.failing_since),
        moduleEnabled: row.module_enabled === true,
      },
    ])
  )
}

/**
 * The deliveries whose claims still hold them (same `attempts` and lease), locked, with each
 * attempt's number within its delivery's current window (R132).
 *
 * @example
 * const held = await heldDeliveries(tx, claims)
 */
export async function heldDeliveries(
  tx: Transaction,
  claims: readonly ClaimedDelivery[]
): Promise<Map<string, HeldDelivery>> {
  const rows = await executeRows<{ id: string; window_starts_at: unknown; earlier: number }>(
    tx,
    sql`select d.id, d.window_starts_at,
               (select count(*)::int from webhook_attempts a
                 where a.delivery_id = d.id and a.started_at >= d.window_starts_at) as earlier
          from webhook_deliveries d
          join (values ${sql.join(
            claims.map(
              (claimed) =>
                sql`(${claimed.id}::uuid, ${claimed.attempts}::int, ${claimed.lockedUntil.toISOString()}::timestamptz)`
            ),
            sql`, `
          )}) as held(id, attempts, locked_until)
            on d.id = held.id and d.attempts = held.attempts and d.locked_until = held.locked_until
         where d.status = 'SENDING'
         order by d.id
           for update of d`
  )
  return new Map(
    rows.map((row) => [
      row.id,
      { windowStartsAt: toDate(row.window_starts_at), attemptInWindow: Number(row.earlier) + 1 },
    ])
  )
}
