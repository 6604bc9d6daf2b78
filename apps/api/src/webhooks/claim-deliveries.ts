import { executeRows, type Database } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'

/** A delivery this dispatcher holds under a lease, with what its attempt needs. */
export interface ClaimedDelivery {
  id: string
  eventId: string
  endpointId: string
  isTest: boolean
  /** Counts this attempt: the attempt row's `number`. With `lockedUntil`, the claim's token. */
  attempts: number
  lockedUntil: Date
  /** The exact body (R125). */
  payload: string
  /** The endpoint's current URL (W5 applies from the next attempt). */
  url: string
  secretCiphertext: string
  previousSecretCiphertext: string | null
  previousSecretExpiresAt: Date | null
}

const toDate = (value: unknown) => new Date(value as string | Date)

/**
 * Claims up to `limit` due deliveries (D2, R133): `PENDING` ones whose `run_after` has come and
 * `SENDING` ones whose lease lapsed, `FOR UPDATE SKIP LOCKED`, taking no more of one endpoint
 * than brings its claimed deliveries (`SENDING` under a live lease) to `endpointClaimLimit`
 * (R135): the claimed ones wait in the dispatcher's per-endpoint queue, which sends at most
 * `WEBHOOK_ENDPOINT_CONCURRENCY` at once. Claims of several loops or dispatchers run side by
 * side (SKIP LOCKED keeps them apart); two that count an endpoint at once may each take up to
 * the limit. In the same statement, due deliveries of an endpoint that is disabled or deleted,
 * or whose partner's module is off, are cancelled (D6). The claim commits `SENDING`,
 * `attempts + 1` and the lease before any request is made.
 *
 * @example
 * const claimed = await claimDeliveries(db, { now, leaseSeconds: 60, limit: 20, endpointClaimLimit: 20 })
 */
export async function claimDeliveries(
  db: Database,
  options: { now: Date; leaseSeconds: number; limit: number; endpointClaimLimit: number }
): Promise<ClaimedDelivery[]> {
  if (options.limit <= 0) return []
  const now = options.now.toISOString()
  const lockedUntil = new Date(options.now.getTime() + options.leaseSeconds * 1000).toISOString()
  // Room for an endpoint at its limit among the rows looked at.
  const scan = options.limit * 2 + options.endpointClaimLimit
  const rows = await executeRows<Record<string, unknown>>(
    db,
    sql`with busy as (
            select endpoint_id, count(*)::int as in_flight
              from webhook_deliveries
             where status = 'SENDING' and locked_until >= ${now}::timestamptz
             group by endpoint_id
          ), due as (
            select d.id, d.endpoint_id, d.run_after
              from webhook_deliveries d
             where ((d.status = 'PENDING' and d.run_after <= ${now}::timestamptz)
                 or (d.status = 'SENDING' and d.locked_until < ${now}::timestamptz))
               and not exists (select 1 from busy b
                                where b.endpoint_id = d.endpoint_id
                                  and b.in_flight >= ${options.endpointClaimLimit})
             order by d.run_after
             limit ${scan}
               for update skip locked
          ), judged as (
            select due.id, due.endpoint_id, due.run_after,
                   case when e.status = 'DELETED' then 'ENDPOINT_DELETED'
                        when e.status = 'DISABLED' then 'ENDPOINT_DISABLED'
                        when e.partner_id is not null
                         and not coalesce(p.customer_development_enabled, false)
                        then 'MODULE_DISABLED' end as cancel_reason
              from due
              join webhook_endpoints e on e.id = due.endpoint_id
              left join partners p on p.id = e.partner_id
          ), ranked as (
            select j.id, j.run_after,
                   row_number() over (partition by j.endpoint_id order by j.run_after)
                     + coalesce(b.in_flight, 0) as slot
              from judged j
              left join busy b on b.endpoint_id = j.endpoint_id
             where j.cancel_reason is null
          ), chosen as (
            select id from ranked
             where slot <= ${options.endpointClaimLimit}
             order by run_after
             limit ${options.limit}
          ), cancelled as (
            update webhook_deliveries d
               set status = 'CANCELLED', cancel_reason = j.cancel_reason, locked_until = null
              from judged j
             where d.id = j.id and j.cancel_reason is not null
          )
          update webhook_deliveries d
             set status = 'SENDING', attempts = d.attempts + 1,
                 locked_until = ${lockedUntil}::timestamptz
            from chosen c, webhook_events ev, webhook_endpoints e
           where d.id = c.id and ev.id = d.event_id and e.id = d.endpoint_id
       returning d.id, d.event_id, d.endpoint_id, d.is_test, d.attempts, d.locked_until,
                 ev.payload, e.url, e.secret_ciphertext, e.previous_secret_ciphertext,
                 e.previous_secret_expires_at`,
    { prepare: true }
  )
  return rows.map((row) => ({
    id: row.id as string,
    eventId: row.event_id as string,
    endpointId: row.endpoint_id as string,
    isTest: row.is_test === true,
    attempts: Number(row.attempts),
    lockedUntil: toDate(row.locked_until),
    payload: row.payload as string,
    url: row.url as string,
    secretCiphertext: row.secret_ciphertext as string,
    previousSecretCiphertext: (row.previous_secret_ciphertext as string | null) ?? null,
    previousSecretExpiresAt:
      row.previous_secret_expires_at === null ? null : toDate(row.previous_secret_expires_at),
  }))
}

/**
 * Hands deliveries claimed but never sent back (graceful shutdown, R133): `PENDING`, no lease,
 * and the attempt the claim counted returned. Only rows this claim still holds are touched.
 *
 * @example
 * await releaseDeliveries(db, notSent)
 */
export async function releaseDeliveries(
  db: Database,
  claimed: readonly ClaimedDelivery[]
): Promise<number> {
  if (claimed.length === 0) return 0
  const released = await executeRows<{ id: string }>(
    db,
    sql`update webhook_deliveries as d
           set status = 'PENDING', locked_until = null, attempts = d.attempts - 1
          from (values ${sql.join(
            claimed.map(
              (row) =>
                sql`(${row.id}::uuid, ${row.attempts}::int, ${row.lockedUntil.toISOString()}::timestamptz)`
            ),
            sql`, `
          )}) as held(id, attempts, locked_until)
         where d.id = held.id and d.status = 'SENDING'
           and d.attempts = held.attempts and d.locked_until = held.locked_until
     returning d.id`
  )
  return released.length
}
