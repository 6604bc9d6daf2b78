import type { SQL } from 'drizzle-orm'
import type { Database } from './create-db'

/**
 * Runs raw SQL and returns its rows as an array, whichever driver is behind `db`: postgres.js
 * answers `db.execute()` with an array of rows, PGlite with `{ rows }`. Rows keep the SQL column
 * names (snake_case) and the driver's value parsing; prefer the query builder where it suffices.
 *
 * @example
 * const claimed = await executeRows<{ id: string }>(tx, sql`update outbox set … returning id`)
 */
export async function executeRows<T extends Record<string, unknown>>(
  db: Pick<Database, 'execute'>,
  query: SQL
): Promise<T[]> {
  const result: unknown = await db.execute(query)
  if (Array.isArray(result)) return [...(result as T[])]
  return (result as { rows: T[] }).rows
}
