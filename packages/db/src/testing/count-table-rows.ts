import { sql } from 'drizzle-orm'
import type { Database } from '../database'
import { executeRows } from '../execute-rows'

/**
 * The tables a request or the seed writes business rows to (domain.md §3), for row counts that
 * prove a refused request changed nothing.
 *
 * @example
 * expect(await countTableRows(db, BUSINESS_TABLES)).toEqual(before)
 */
export const BUSINESS_TABLES = [
  'partners',
  'users',
  'customer_accounts',
  'pre_registrations',
  'invitation_batches',
  'invitations',
  'invitation_tokens',
  'invitation_links',
  'pending_link_registrations',
  'api_keys',
  'webhook_endpoints',
  'webhook_events',
  'webhook_deliveries',
  'webhook_attempts',
  'associations',
  'outbox',
  'idempotency_keys',
  'audit_events',
] as const

/**
 * Row counts of `tables`, by table name.
 *
 * @example
 * (await countTableRows(db, ['outbox'])).outbox // 0
 */
export async function countTableRows(
  db: Database,
  tables: readonly string[]
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const [row] = await executeRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from ${sql.identifier(table)}`
    )
    counts[table] = Number(row?.count ?? -1)
  }
  return counts
}
