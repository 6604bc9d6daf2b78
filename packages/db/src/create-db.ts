import { mkdirSync } from 'node:fs'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { registerRawClient } from './raw-client'
import * as schema from './schema/index'

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

/** Options of {@link createDb}. */
export interface CreateDbOptions {
  /** A PostgreSQL URL; when set, postgres.js is used with a pool of 10 connections. */
  url?: string
  /** PGlite data folder when no URL is given; default `.data/pglite`; `memory://` for tests. */
  dataDir?: string
}

/** An open database: the drizzle instance, which driver serves it, and how to close it. */
export interface DbHandle {
  db: Database
  kind: 'postgres' | 'pglite'
  /** Ends the pool or closes PGlite; the handle is unusable afterwards. */
  close: () => Promise<void>
}

/** Default PGlite folder, relative to the working directory (git-ignored). */
export const DEFAULT_PGLITE_DIR = '.data/pglite'

/**
 * Opens the database: postgres.js when `url` is given, else an embedded PGlite persisted in
 * `dataDir`. PGlite allows one process per data folder, so only one process may open a folder.
 * PGlite is a development package: it is imported only on that path, so a process on a real
 * database never loads it (issue 13).
 *
 * @example
 * const handle = await createDb({ url: env.DATABASE_URL }) // PGlite in .data/pglite when undefined
 * await migrateDb(handle, { migrationsFolder: MIGRATIONS_FOLDER })
 * const rows = await handle.db.select().from(partners)
 * await handle.close()
 */
export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  if (options.url) {
    // Notices such as "schema already exists, skipping" are expected and would only add noise.
    const sql = postgres(options.url, { max: 10, onnotice: () => undefined })
    const handle: DbHandle = {
      db: drizzlePostgres(sql, { schema }),
      kind: 'postgres',
      close: () => sql.end({ timeout: 5 }),
    }
    registerRawClient(handle, { kind: 'postgres', sql })
    return handle
  }
  const dataDir = options.dataDir ?? DEFAULT_PGLITE_DIR
  // PGlite creates the last folder only; `.data/` does not exist on a fresh clone.
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true })
  // drizzle's PGlite driver imports @electric-sql/pglite too, so both stay behind import().
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ])
  const pglite = new PGlite(dataDir)
  const handle: DbHandle = {
    db: drizzlePglite(pglite, { schema }),
    kind: 'pglite',
    close: () => pglite.close(),
  }
  registerRawClient(handle, { kind: 'pglite', pglite })
  return handle
}
