import { executeRows, type Database } from '@partner-center/db/portable'
import { DEFAULT_LIMITS } from '@partner-center/domain'
import { sql, type SQL } from 'drizzle-orm'

/** What one webhook retention pass removed (R145). */
export interface WebhookSweep {
  /** Events past retention with no delivery still to send, deleted with their deliveries and attempts. */
  webhookEventsDeleted: number
  /** Endpoints deleted more than the retention ago, deleted with everything that was theirs. */
  webhookEndpointsPurged: number
  /** Endpoints whose previous signing secret expired, now holding only the current one. */
  webhookPreviousSecretsCleared: number
}

/** Options of {@link sweepWebhookRecords}. */
export interface WebhookSweepOptions {
  /** `WEBHOOK_LOG_RETENTION_DAYS` (30); also how long a deleted endpoint's rows stay. */
  retentionDays?: number
  /** Rows one delete statement takes, so a large backlog never holds long locks. */
  batchSize?: number
}

const DAY_MS = 86_400_000

/** Runs a `delete … returning` batch after batch until one comes back short. */
async function deleteInBatches(
  db: Database,
  batchSize: number,
  statement: (limit: number) => SQL
): Promise<number> {
  let total = 0
  for (;;) {
    const deleted = (await executeRows(db, statement(batchSize))).length
    total += deleted
    if (deleted < batchSize) return total
  }
}

/**
 * The webhook part of the sweep (R145), as of `now`:
 * - events that occurred more than `retentionDays` ago, were fanned out, and have no `PENDING`
 *   or `SENDING` delivery are deleted; their deliveries and attempts go with them (cascade). An
 *   event still waiting for its fan-out or a retry is kept until that work ends;
 * - endpoints `DELETED` more than `retentionDays` ago are deleted, and with them their
 *   deliveries, attempts and test events (cascade);
 * - a previous signing secret whose `previousSecretExpiresAt` has passed is cleared (R129
 *   already stopped signing with it).
 * Every statement takes rows with `skip locked`, so several dispatchers sweep side by side and
 * never wait on a claim or on each other.
 *
 * @example
 * const { webhookEventsDeleted } = await sweepWebhookRecords(db, clock.now())
 */
export async function sweepWebhookRecords(
  db: Database,
  now: Date,
  options: WebhookSweepOptions = {}
): Promise<WebhookSweep> {
  const retentionDays = options.retentionDays ?? DEFAULT_LIMITS.WEBHOOK_LOG_RETENTION_DAYS
  const batchSize = options.batchSize ?? 1000
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString()
  const at = now.toISOString()
  const webhookEventsDeleted = await deleteInBatches(
    db,
    batchSize,
    (limit) => sql`delete from webhook_events
                    where id in (select e.id from webhook_events e
                                  where e.occurred_at < ${cutoff}::timestamptz
                                    and e.fanned_out_at is not null
                                    and not exists (select 1 from webhook_deliveries d
                                                     where d.event_id = e.id
                                                       and d.status in ('PENDING', 'SENDING'))
                                  for update skip locked
                                  limit ${limit})
                returning id`
  )
  const webhookEndpointsPurged = await deleteInBatches(
    db,
    batchSize,
    (limit) => sql`delete from webhook_endpoints
                    where id in (select id from webhook_endpoints
                                  where status = 'DELETED' and deleted_at < ${cutoff}::timestamptz
                                  for update skip locked
                                  limit ${limit})
                returning id`
  )
  const cleared = await executeRows(
    db,
    sql`update webhook_endpoints
           set previous_secret_ciphertext = null, previous_secret_key_id = null,
               previous_secret_expires_at = null
         where id in (select id from webhook_endpoints
                       where previous_secret_expires_at <= ${at}::timestamptz
                       for update skip locked)
     returning id`
  )
  return {
    webhookEventsDeleted,
    webhookEndpointsPurged,
    webhookPreviousSecretsCleared: cleared.length,
  }
}
