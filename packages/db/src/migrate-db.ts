import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator'
import type { DbHandle } from './database'
import { applyPendingDataSteps, type AppliedDataStep, type DataStep } from './data-steps/data-step'
import { DATA_STEPS } from './data-steps/index'
import type { RunSql } from './data-steps/sql-runner'
import { getRawClient } from './raw-client'

/** Options of {@link migrateDb}. */
export interface MigrateDbOptions {
  /** Folder holding drizzle-kit's SQL files and `meta/_journal.json`; see `MIGRATIONS_FOLDER`. */
  migrationsFolder: string
  /**
   * Data steps to apply after the SQL migrations, under the same lock (default: every step in
   * `DATA_STEPS`). Tests pass `[]` to build a database as it was before a step.
   */
  dataSteps?: readonly DataStep[]
  /** The instant data steps use (R5); default the current time. */
  now?: Date
}

/** What {@link migrateDb} did. */
export interface MigrateDbResult {
  /** Number of migrations applied by this call (0 when the database was up to date). */
  applied: number
  /** Data steps applied by this call, with their reports, for the caller to log once. */
  dataSteps: AppliedDataStep[]
}

/**
 * Key of the transaction-scoped advisory lock serialising migrations (R81). Any fixed number
 * works as long as every process uses the same one; this one spells "PCDB".
 */
export const MIGRATION_LOCK_KEY = 0x50434442

/**
 * Applies pending migrations in one transaction that first takes a PostgreSQL advisory lock, so
 * several API and dispatcher processes starting together are safe (R81): the first applies them,
 * the others wait, then find nothing to do. Bookkeeping uses drizzle's own table
 * (`drizzle.__drizzle_migrations`), so drizzle-kit and this function agree on what ran. Pending
 * data steps (`data_steps`) follow in the same transaction, so they too run exactly once.
 *
 * The lock is transaction-scoped and taken on the transaction's connection: with a pool, a
 * session lock taken through one connection would not protect statements run on another.
 *
 * @example
 * const handle = createDb({ url: env.DATABASE_URL })
 * await migrateDb(handle, { migrationsFolder: MIGRATIONS_FOLDER }) // bundles pass their own copy
 */
export async function migrateDb(
  handle: DbHandle,
  options: MigrateDbOptions
): Promise<MigrateDbResult> {
  const migrations = readMigrationFiles({ migrationsFolder: options.migrationsFolder })
  const client = getRawClient(handle)
  if (client.kind === 'postgres') {
    return client.sql.begin(async (tx) => {
      const run: RunSql = async (text, params) => tx.unsafe(text, params as never[])
      return applyPending(run, run, migrations, options)
    })
  }
  // PGlite runs one transaction at a time per instance, so concurrent calls in one process queue.
  return client.pglite.transaction(async (tx) => {
    const run: RunSql = async (text, params) =>
      (await tx.query<Record<string, unknown>>(text, params)).rows
    // exec() uses the simple protocol, like postgres.js unsafe() without parameters.
    const runScript: RunSql = async (text) => {
      await tx.exec(text)
      return []
    }
    return applyPending(run, runScript, migrations, options)
  })
}

async function applyPending(
  run: RunSql,
  runScript: RunSql,
  migrations: MigrationMeta[],
  options: MigrateDbOptions
): Promise<MigrateDbResult> {
  await run(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`)
  await run('create schema if not exists "drizzle"')
  await run(
    'create table if not exists "drizzle"."__drizzle_migrations" ' +
      '(id serial primary key, hash text not null, created_at bigint)'
  )
  const appliedRows = await run('select created_at from "drizzle"."__drizzle_migrations"')
  // Unlike drizzle's migrator ("newer than the last one"), any journal entry not yet recorded
  // runs, so a migration generated on a machine with a late clock is never skipped silently.
  const done = new Set(appliedRows.map((row) => Number(row.created_at)))
  let applied = 0
  for (const migration of migrations) {
    if (done.has(migration.folderMillis)) continue
    for (const statement of migration.sql) {
      if (statement.trim() !== '') await runScript(statement)
    }
    await run('insert into "drizzle"."__drizzle_migrations" (hash, created_at) values ($1, $2)', [
      migration.hash,
      migration.folderMillis,
    ])
    applied += 1
  }
  const now = options.now ?? new Date()
  const dataSteps = await applyPendingDataSteps(run, options.dataSteps ?? DATA_STEPS, now)
  return { applied, dataSteps }
}
