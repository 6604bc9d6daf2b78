import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executeRows, migrateDb, MIGRATIONS_FOLDER, type DataStep } from '../src/index'
import { createTestDatabase, type TestDatabase } from '../src/testing/index'

// The mechanism behind one-off data steps (issue 13): after the SQL migrations, under the same
// lock and in the same transaction, each step runs once and is recorded with its report.

let testDb: TestDatabase
let runs = 0

const counting: DataStep = {
  name: 'test-counting-step',
  run: async ({ run, now }) => {
    runs += 1
    await run(
      `insert into rate_limit_counters (bucket_key, window_start, count)
       values ('data-step-test', $1::text::timestamptz, 1)`,
      [now.toISOString()]
    )
    return { inserted: 1 }
  },
}
const failing: DataStep = {
  name: 'test-failing-step',
  run: async () => {
    throw new Error('step failed')
  },
}

async function counters(): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    testDb.db,
    sql`select count(*)::int as n from rate_limit_counters where bucket_key = 'data-step-test'`
  )
  return row?.n ?? -1
}

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false })
  await migrateDb(testDb.handle, { migrationsFolder: MIGRATIONS_FOLDER, dataSteps: [] })
})
afterAll(async () => {
  await testDb.close()
})

describe('data steps', () => {
  it('roll back with everything else in the migration transaction when one fails', async () => {
    const now = new Date('2026-03-02T09:00:00.000Z')
    await expect(
      migrateDb(testDb.handle, {
        migrationsFolder: MIGRATIONS_FOLDER,
        dataSteps: [counting, failing],
        now,
      })
    ).rejects.toThrow('step failed')
    expect(await counters()).toBe(0)
    const recorded = await executeRows(testDb.db, sql`select name from data_steps`)
    expect(recorded).toEqual([])
  })

  it('run once and are recorded with their report', async () => {
    const now = new Date('2026-03-02T09:00:00.000Z')
    runs = 0
    const first = await migrateDb(testDb.handle, {
      migrationsFolder: MIGRATIONS_FOLDER,
      dataSteps: [counting],
      now,
    })
    const second = await migrateDb(testDb.handle, {
      migrationsFolder: MIGRATIONS_FOLDER,
      dataSteps: [counting],
      now,
    })
    expect(first.dataSteps).toEqual([{ name: 'test-counting-step', report: { inserted: 1 } }])
    expect(second.dataSteps).toEqual([])
    expect(runs).toBe(1)
    expect(await counters()).toBe(1)
    const recorded = await executeRows<{ name: string; applied_at: string; report: unknown }>(
      testDb.db,
      sql`select name, applied_at, report from data_steps`
    )
    expect(recorded.map((row) => ({ ...row, applied_at: new Date(row.applied_at) }))).toEqual([
      { name: 'test-counting-step', applied_at: now, report: { inserted: 1 } },
    ])
  })
})
