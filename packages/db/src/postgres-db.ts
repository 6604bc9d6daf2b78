import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import type { DbHandle } from './database'
import { registerRawClient } from './raw-client'
import * as schema from './schema/index'

/** Options of {@link createPostgresDb}. */
export interface PostgresDbOptions {
  /** Connections in the pool (default 10); they open on first use, not here. */
  max?: number
}

/**
 * Opens PostgreSQL through postgres.js. Portable: no `node:` module and no PGlite on this path,
 * so the worker entry uses it too (postgres.js picks its `cloudflare:sockets` build there).
 *
 * @example
 * const handle = createPostgresDb(env.DATABASE_URL, { max: 5 })
 * await handle.db.select().from(partners)
 * await handle.close()
 */
export function createPostgresDb(url: string, options: PostgresDbOptions = {}): DbHandle {
  // Notices such as "schema already exists, skipping" are expected and would only add noise.
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => undefined })
  const handle: DbHandle = {
    db: drizzle(sql, { schema }),
    kind: 'postgres',
    close: () => sql.end({ timeout: 5 }),
  }
  registerRawClient(handle, { kind: 'postgres', sql })
  return handle
}
