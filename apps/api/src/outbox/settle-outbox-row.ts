import { executeRows, type Database } from '@partner-center/db'
import type { OutboxStatus } from '@partner-center/db/schema'
import { sql, type SQL } from 'drizzle-orm'
import type { ClaimedRow } from './claim-outbox-rows'
import type { SendFailure } from './describe-send-error'

/** How one delivery attempt ended. */
export type DeliveryOutcome =
  | { kind: 'sent' }
  | { kind: 'retry'; runAfter: Date; failure: SendFailure }
  | { kind: 'failed'; failure: SendFailure }
  | { kind: 'cancelled' }

const ROW_STATUS: Record<DeliveryOutcome['kind'], OutboxStatus> = {
  sent: 'SENT',
  retry: 'PENDING',
  failed: 'FAILED',
  cancelled: 'CANCELLED',
}

/**
 * The `update outbox` that settles a claimed row, as SQL to embed in a statement. It only
 * matches while this claim still holds the row (`SENDING` with the claim's `attempts`): if the
 * lease lapsed and another dispatcher took the row, the late result changes nothing.
 *
 * @example
 * sql`with settled as (${settleOutboxRowSql(row, outcome, now)}) select count(*) from settled`
 */
export function settleOutboxRowSql(row: ClaimedRow, outcome: DeliveryOutcome, now: Date): SQL {
  const at = now.toISOString()
  const runAfter = outcome.kind === 'retry' ? outcome.runAfter.toISOString() : null
  const lastError =
    outcome.kind === 'retry' || outcome.kind === 'failed' ? outcome.failure.lastError : null
  const status = ROW_STATUS[outcome.kind]
  return sql`update outbox
                set status = ${status},
                    locked_until = null,
                    run_after = coalesce(${runAfter}::timestamptz, run_after),
                    last_error = ${lastError}::text,
                    sent_at = case when ${status}::text = 'SENT' then ${at}::timestamptz else sent_at end
              where id = ${row.id}::uuid and status = 'SENDING' and attempts = ${row.attempts}::int
          returning id`
}

/**
 * Settles a row that touches no other table (notices, cancellations). Returns whether this claim
 * still held it.
 *
 * @example
 * await settleOutboxRow(db, row, { kind: 'cancelled' }, now)
 */
export async function settleOutboxRow(
  db: Database,
  row: ClaimedRow,
  outcome: DeliveryOutcome,
  now: Date
): Promise<boolean> {
  const rows = await executeRows<{ id: string }>(db, settleOutboxRowSql(row, outcome, now), {
    prepare: true,
  })
  return rows.length > 0
}
