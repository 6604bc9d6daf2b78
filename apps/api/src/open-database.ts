import { createDb, migrateDb, type DbHandle } from '@partner-center/db'
import type { AppLogger } from './logging/app-logger'
import { fileURLToPath } from 'node:url'
import type { Env } from './env'
import { logDataSteps } from './log-data-steps'
import { disableDemoCredentials } from './security/disable-demo-credentials'

/**
 * What both entry points do before serving: open the database (PostgreSQL with `DATABASE_URL`,
 * else PGlite), apply the migrations and data steps under the advisory lock (so the API and any
 * number of dispatchers may start in any order), log the steps this process applied, and in
 * production switch off the demo credentials a development run may have seeded.
 *
 * `bundledMigrations` is the entry file's own `./migrations` (the build copies them beside the
 * entries; this module may land in a chunk elsewhere), unless `MIGRATIONS_DIR` says otherwise.
 */
export async function openMigratedDatabase(
  env: Env,
  logger: AppLogger,
  options: { bundledMigrations: URL }
): Promise<DbHandle> {
  const handle = await createDb({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR })
  const migrated = await migrateDb(handle, {
    migrationsFolder: env.MIGRATIONS_DIR ?? fileURLToPath(options.bundledMigrations),
  })
  logDataSteps(logger, migrated)
  if (env.APP_ENV === 'production') {
    await disableDemoCredentials(handle.db, { now: new Date(), logger })
  }
  return handle
}
