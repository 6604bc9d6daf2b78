import { sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, executeRows, migrateDb, MIGRATIONS_FOLDER, type DbHandle } from '../src/index'
import { createTestDatabase, type TestDatabase } from '../src/testing/index'

let testDb: TestDatabase
// Every committed migration; new ones must not require editing the counts below.
const MIGRATION_COUNT = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length
const extraHandles: DbHandle[] = []

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false })
})
afterAll(async () => {
  await Promise.all(extraHandles.map((handle) => handle.close()))
  await testDb.close()
})

/** Three handles on the same database; on PGlite (no URL) the same handle three times. */
async function threeHandles(): Promise<DbHandle[]> {
  const { url } = testDb
  if (!url) return [testDb.handle, testDb.handle, testDb.handle]
  const handles = await Promise.all([createDb({ url }), createDb({ url }), createDb({ url })])
  extraHandles.push(...handles)
  return handles
}

async function appliedCount(): Promise<number> {
  const [row] = await executeRows<{ count: number }>(
    testDb.db,
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`
  )
  return row?.count ?? -1
}

describe('migrateDb', () => {
  it('applies every migration exactly once when three processes start together (R81)', async () => {
    const results = await Promise.all(
      (await threeHandles()).map((handle) =>
        migrateDb(handle, { migrationsFolder: MIGRATIONS_FOLDER })
      )
    )
    const applied = results.map((result) => result.applied).sort()
    expect(applied).toEqual([0, 0, MIGRATION_COUNT])
    expect(await appliedCount()).toBe(MIGRATION_COUNT)
  })

  it('applies nothing when run again', async () => {
    const result = await migrateDb(testDb.handle, { migrationsFolder: MIGRATIONS_FOLDER })
    expect(result.applied).toBe(0)
    expect(await appliedCount()).toBe(MIGRATION_COUNT)
  })

  it('creates every table of the schema', async () => {
    const rows = await executeRows<{ table_name: string }>(
      testDb.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`
    )
    expect(rows.map((row) => row.table_name)).toEqual([
      'access_tokens',
      'api_keys',
      'associations',
      'audit_events',
      'customer_accounts',
      'data_steps',
      'idempotency_keys',
      'invitation_batches',
      'invitation_links',
      'invitation_tokens',
      'invitations',
      'outbox',
      'partners',
      'pending_link_registrations',
      'pre_registrations',
      'rate_limit_counters',
      'sign_in_backoffs',
      'sign_in_known_addresses',
      'users',
      'webhook_attempts',
      'webhook_deliveries',
      'webhook_endpoints',
      'webhook_events',
    ])
  })
})
