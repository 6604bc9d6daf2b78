// `node dist/migrate.js` (issue 17): the Node command that migrates before a worker deploy, on a
// real process against an empty PostgreSQL database, as the README's deploy steps run it.
import { executeRows } from '@partner-center/db/portable'
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBuiltEntry } from './support/built-entry'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false })
})
afterAll(async () => {
  await database.close()
})

async function tableCount(): Promise<number> {
  const [row] = await executeRows<{ count: number }>(
    database.db,
    sql`select count(*)::int as count from information_schema.tables where table_schema = 'public'`
  )
  return row?.count ?? 0
}

describe('the migrate command', () => {
  it('migrates an empty database in production and ends, then finds nothing left to do', async () => {
    if (!database.url) throw new Error('needs TEST_DATABASE_URL')
    expect(await tableCount()).toBe(0)
    // Production needs only the database here: no SMTP_URL, PUBLIC_BASE_URL or key.
    const first = startBuiltEntry('migrate', { APP_ENV: 'production', DATABASE_URL: database.url })
    expect(await first.exited).toBe(0)
    expect(first.output()).toContain('migrations applied')
    const tables = await tableCount()
    expect(tables).toBeGreaterThan(10)

    const again = startBuiltEntry('migrate', { APP_ENV: 'production', DATABASE_URL: database.url })
    expect(await again.exited).toBe(0)
    expect(again.output()).not.toContain('data step applied')
    expect(await tableCount()).toBe(tables)
  })

  it('refuses to run without DATABASE_URL, naming it, rather than migrate an embedded database', async () => {
    const refused = startBuiltEntry('migrate', {})
    expect(await refused.exited).toBe(1)
    expect(refused.output()).toContain('migrate needs DATABASE_URL')
  })
})
