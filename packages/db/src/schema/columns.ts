import { sql, type SQL } from 'drizzle-orm'
import { timestamp, uuid, type PgColumn } from 'drizzle-orm/pg-core'

/**
 * A `timestamptz` column read as a `Date`. Every time in this schema is an instant (domain.md §3);
 * there is deliberately no default: `now` comes from the clock in deps, never from the database.
 *
 * @example
 * createdAt: timestamptz('created_at').notNull()
 */
export function timestamptz(name: string) {
  return timestamp(name, { withTimezone: true, mode: 'date' })
}

/** A uuid primary key; callers normally supply the id, the default is only a fallback. */
export function uuidPrimaryKey() {
  return uuid('id').primaryKey().defaultRandom()
}

/**
 * SQL `column in ('A', 'B')` with the values inlined, for CHECK constraints and partial index
 * predicates (DDL cannot take bind parameters). Values come from the `as const` lists only.
 */
export function inList(column: PgColumn, values: readonly string[]): SQL {
  const literals = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')
  return sql`${column} in (${sql.raw(literals)})`
}
