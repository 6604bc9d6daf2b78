import { mkdirSync } from 'node:fs'
import type { DbHandle } from './database'
import { createPostgresDb } from './postgres-db'
import { registerRawClient } from './raw-client'
import * as schema from './schema/index'

/** Options of {@link createDb}. */
export interface CreateDbOptions {
  /** A PostgreSQL URL; when set, postgres.js is used with a pool of 10 connections. */
  url?: string
  /** PGlite data folder when no URL is given; default `.data/pglite`; `memory://` for tests. */
  dataDir?: string
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
  if (options.url) return createPostgresDb(options.url)
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
