import { executeRows, type Database } from '@partner-center/db/portable'
import type { OutboxStatus } from '@partner-center/db/schema'
import { sql } from 'drizzle-orm'
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
 * Settles a row that touches no other table (notices, cancellations). Returns whether this claim
 * still held it: the update only matches while this claim holds the row (`SENDING` with the
 * claim's `attempts`), so a late result after a lapsed lease, when another dispatcher took the
 * row, changes nothing.
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
  const at = now.toISOString()
  const runAfter = outcome.kind === 'retry' ? outcome.runAfter.toISOString() : null
  const lastError =
    outcome.kind === 'retry' || outcome.kind === 'failed' ? outcome.failure.lastError : null
  const status = ROW_STATUS[outcome.kind]
  const rows = await executeRows<{ id: string }>(
    db,
    sql`update outbox
                  set status = ${status},
                      locked_until = null,
                      run_after = coalesce(${runAfter}::timestamptz, run_after),
                      last_error = ${lastError}::text,
                      sent_at = case when ${status}::text = 'SENT' then ${at}::timestamptz else sent_at end
                where id = ${row.id}::uuid and status = 'SENDING' and attempts = ${row.attempts}::int
            returning id`,
    // Every settle of a notice or cancellation runs this text: prepared, it is one round trip.
    { prepare: true }
  )
  return rows.length > 0
}
