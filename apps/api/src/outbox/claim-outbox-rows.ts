import { executeRows, type Database } from '@partner-center/db/portable'
import type { OutboxKind } from '@partner-center/db/schema'
import { sql } from 'drizzle-orm'

/** An outbox row this dispatcher holds under a lease; `attempts` already counts this attempt. */
export interface ClaimedRow {
  id: string
  kind: OutboxKind
  aggregateId: string
  payload: Record<string, string>
  attempts: number
}

/**
 * Claims up to `limit` due rows (architecture.md §7, R50): pending rows whose `run_after` has
 * come, and sending rows whose lease lapsed (their dispatcher died). `SKIP LOCKED` lets several
 * dispatchers claim at once without waiting on or taking each other's rows.
 *
 * @example
 * const rows = await claimOutboxRows(db, { now, leaseSeconds: 300, limit: 10 })
 */
export async function claimOutboxRows(
  db: Database,
  options: { now: Date; leaseSeconds: number; limit: number }
): Promise<ClaimedRow[]> {
  const now = options.now.toISOString()
  const lockedUntil = new Date(options.now.getTime() + options.leaseSeconds * 1000).toISOString()
  const rows = await executeRows<{
    id: string
    kind: OutboxKind
    aggregate_id: string
    payload: Record<string, string> | string
    attempts: number
  }>(
    db,
    sql`update outbox
           set status = 'SENDING', attempts = attempts + 1, locked_until = ${lockedUntil}::timestamptz
         where id in (select id from outbox
                       where (status = 'PENDING' and run_after <= ${now}::timestamptz)
                          or (status = 'SENDING' and locked_until < ${now}::timestamptz)
                       order by run_after
                       for update skip locked
                       limit ${options.limit})
     returning id, kind, aggregate_id, payload, attempts`,
    // Every claim loop runs this text again and again: prepared, it is one round trip.
    { prepare: true }
  )
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    aggregateId: row.aggregate_id,
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as never) : row.payload,
    attempts: Number(row.attempts),
  }))
}

/**
 * Hands rows claimed but never started back (graceful shutdown): pending again, no lease, and
 * the attempt the claim counted is returned, since nothing was tried. Only rows still held by
 * this claim (same `attempts`) are touched.
 *
 * @example
 * await releaseOutboxRows(db, notStarted)
 */
export async function releaseOutboxRows(
  db: Database,
  rows: readonly ClaimedRow[]
): Promise<number> {
  if (rows.length === 0) return 0
  const released = await executeRows<{ id: string }>(
    db,
    sql`update outbox as o
           set status = 'PENDING', locked_until = null, attempts = o.attempts - 1
          from (values ${sql.join(
            rows.map((row) => sql`(${row.id}::uuid, ${row.attempts}::int)`),
            sql`, `
          )}) as held(id, attempts)
         where o.id = held.id and o.status = 'SENDING' and o.attempts = held.attempts
     returning o.id`
  )
  return released.length
}
