import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type * as schema from './schema/index'

/** The drizzle schema object handed to drizzle, for relational queries (`db.query.*`). */
export type Schema = typeof schema

/**
 * The one database type every caller uses, whichever driver is behind it. Use cases take `db`
 * (or the `tx` of `db.transaction`) and never learn whether it is postgres.js or PGlite.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>

/**
 * The `tx` of `db.transaction(async (tx) => …)`. It is also a {@link Database}, so repositories
 * typed with `Database` accept either.
 */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]

/** An open database: the drizzle instance, which driver serves it, and how to close it. */
export interface DbHandle {
  db: Database
  kind: 'postgres' | 'pglite'
  /** Ends the pool or closes PGlite; the handle is unusable afterwards. */
  close: () => Promise<void>
}
