import { executeRows, type Database } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'

/**
 * Deletes pending link registrations past their `expiresAt` and `VOID` ones (§12.2.2, R80): they
 * created nothing and block nothing, so nothing else refers to them but their outbox row, whose
 * dispatcher re-read then finds no row and cancels it (R102). Answers how many were deleted.
 *
 * @example
 * const deleted = await sweepPendingLinkRegistrations(db, clock.now())
 */
export async function sweepPendingLinkRegistrations(db: Database, now: Date): Promise<number> {
  const rows = await executeRows(
    db,
    sql`delete from pending_link_registrations
         where expires_at <= ${now.toISOString()}::timestamptz or status = 'VOID'
     returning id`
  )
  return rows.length
}
