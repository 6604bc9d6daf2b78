import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getUniqueViolation } from '../src/index'
import { apiKeys, UNIQUE_CONSTRAINTS, type NewApiKeyRow } from '../src/schema/index'
import { createTestDatabase, type TestDatabase } from '../src/testing/index'
import { insertPartner, NOW, rejectionOf, unique } from './fixtures'

// The database guards of API keys (domain.md §13.3.4): what holds even if a writer is wrong.

let testDb: TestDatabase
let owner: { partnerId: string; userId: string }

beforeAll(async () => {
  testDb = await createTestDatabase()
  owner = await insertPartner(testDb.db)
})
afterAll(() => testDb.close())

function keyRow(overrides: Partial<NewApiKeyRow> = {}): NewApiKeyRow {
  return {
    id: randomUUID(),
    partnerId: owner.partnerId,
    role: 'read_only',
    name: 'CRM',
    keyPrefix: 'pck_abcdefgh',
    keyHash: unique('hash'),
    status: 'ACTIVE',
    createdByUserId: owner.userId,
    createdAt: NOW,
    ...overrides,
  }
}

function checkViolation(error: unknown): string | undefined {
  const cause = (error as { cause?: { constraint_name?: string } }).cause
  return cause?.constraint_name ?? (error as { constraint_name?: string }).constraint_name
}

describe('api_keys constraints', () => {
  it('keeps key hashes unique', async () => {
    const row = keyRow()
    await testDb.db.insert(apiKeys).values(row)
    const error = await rejectionOf(
      testDb.db.insert(apiKeys).values(keyRow({ keyHash: row.keyHash }))
    )
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.apiKeyHash)
  })

  it('refuses account_manager, a partner key of the ecosystem manager and a partnerless role', async () => {
    const cases: [Partial<NewApiKeyRow>, string][] = [
      [{ role: 'account_manager' as NewApiKeyRow['role'] }, 'api_keys_role_check'],
      [{ role: 'ecosystem_manager' }, 'api_keys_scope_check'],
      [{ partnerId: null }, 'api_keys_scope_check'],
      [{ status: 'REVOKED' }, 'api_keys_revoked_check'],
      [{ revokedAt: NOW }, 'api_keys_revoked_check'],
      [{ keyPrefix: 'pck_short' }, 'api_keys_key_prefix_check'],
    ]
    for (const [overrides, constraint] of cases) {
      const error = await rejectionOf(testDb.db.insert(apiKeys).values(keyRow(overrides)))
      expect({ overrides, constraint: checkViolation(error) }).toEqual({ overrides, constraint })
    }
  })
})
