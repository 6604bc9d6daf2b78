import type { SQL } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import type { Database } from './database'

// Renders SQL exactly as the drivers' sessions do (we configure no casing on them).
const dialect = new PgDialect()

/** Options of {@link executeRows}. */
export interface ExecuteRowsOptions {
  /**
   * Runs the statement as a prepared one (postgres.js keeps it per connection, by its text).
   * Worth it for a statement a process repeats with the same text: postgres.js otherwise asks
   * the server for the parameter types first, a second round trip on every run. PGlite ignores it.
   */
  prepare?: boolean
}

/**
 * Runs raw SQL and returns its rows as an array, whichever driver is behind `db`: postgres.js
 * answers `db.execute()` with an array of rows, PGlite with `{ rows }`. Rows keep the SQL column
 * names (snake_case) and the driver's value parsing; prefer the query builder where it suffices.
 *
 * @example
 * const claimed = await executeRows<{ id: string }>(tx, sql`update outbox set … returning id`)
 * const again = await executeRows(tx, sql`select … where id = ${id}`, { prepare: true })
 */
export async function executeRows<T extends Record<string, unknown>>(
  db: Pick<Database, 'execute' | '_'>,
  query: SQL,
  options: ExecuteRowsOptions = {}
): Promise<T[]> {
  const result: unknown = options.prepare
    ? await db._.session
        .prepareQuery(dialect.sqlToQuery(query), undefined, 'execute_rows', false)
        .execute()
    : await db.execute(query)
  if (Array.isArray(result)) return [...(result as T[])]
  return (result as { rows: T[] }).rows
}
