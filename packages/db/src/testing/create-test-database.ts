import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { createDb } from '../create-db'
import type { Database, DbHandle } from '../database'
import { migrateDb } from '../migrate-db'
import { MIGRATIONS_FOLDER } from '../migrations-folder'
import { readTestDatabaseUrl } from './env'

/** Options of {@link createTestDatabase}. */
export interface CreateTestDatabaseOptions {
  /** Apply the migrations before returning (default true); false to test the migrator itself. */
  migrate?: boolean
}

/** A throwaway database for one test file. */
export interface TestDatabase {
  db: Database
  /** URL of the fresh database (open more handles to it with `createDb({ url })`); null on PGlite. */
  url: string | null
  kind: 'postgres' | 'pglite'
  /** The underlying handle, for `migrateDb` in tests of the migrator. */
  handle: DbHandle
  /** Closes the handle and drops the database. */
  close: () => Promise<void>
}

let warned = false

/**
 * A fresh, migrated database for one test file. With `TEST_DATABASE_URL` it creates a uniquely
 * named database on that server and drops it on close; without it, it falls back to in-memory
 * PGlite and warns loudly that concurrency is not exercised (architecture.md §9).
 *
 * @example
 * let testDb: TestDatabase
 * beforeAll(async () => { testDb = await createTestDatabase() })
 * afterAll(() => testDb.close())
 */
export async function createTestDatabase(
  options: CreateTestDatabaseOptions = {}
): Promise<TestDatabase> {
  const serverUrl = readTestDatabaseUrl()
  if (!serverUrl) return createPgliteTestDatabase(options)

  const name = `pc_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined })
  await admin.unsafe(`create database "${name}"`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const handle = await createDb({ url: url.toString() })
  const close = async () => {
    await handle.close()
    // FORCE ends connections a test leaked, so one failing file cannot leave databases behind.
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.end({ timeout: 5 })
  }
  try {
    if (options.migrate !== false) await migrateDb(handle, { migrationsFolder: MIGRATIONS_FOLDER })
  } catch (error) {
    await close()
    throw error
  }
  return { db: handle.db, url: url.toString(), kind: 'postgres', handle, close }
}

async function createPgliteTestDatabase(options: CreateTestDatabaseOptions): Promise<TestDatabase> {
  if (!warned) {
    warned = true
    console.warn(
      [
        '',
        '!!! TEST_DATABASE_URL is not set: integration tests run on in-memory PGlite.',
        '!!! PGlite has a single connection, so concurrency and locking are NOT exercised.',
        '',
      ].join('\n')
    )
  }
  const handle = await createDb({ dataDir: 'memory://' })
  if (options.migrate !== false) await migrateDb(handle, { migrationsFolder: MIGRATIONS_FOLDER })
  return { db: handle.db, url: null, kind: 'pglite', handle, close: handle.close }
}
