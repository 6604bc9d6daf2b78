// Shared steps of the partner API key tests (docs/domain.md §13, R139–R143): each test file
// keeps its own test app and its own list of issued keys, and binds these helpers to them.
import { executeRows } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import { CD, type TestApp } from './helpers'

/** A key as answered on creation (the fields the tests read). */
export interface CreatedKey {
  id: string
  key: string
  keyPrefix: string
  name: string
  role: string
  status: string
  lastUsedAt: string | null
}

/** The partner side's key collection. */
export const KEYS = `${CD}/api-keys`
/** A well-formed id no row has. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

/**
 * The key steps of one test file, over the app `app()` answers (set in that file's `beforeAll`)
 * and recording every key created into `issued`, for the file's leak check.
 */
export function apiKeySteps(app: () => TestApp, issued: string[]) {
  async function createKey(token: string, body: Record<string, unknown> = {}) {
    const response = await app().call<CreatedKey>('POST', KEYS, {
      token,
      body: { name: 'CRM sync', role: 'read_only', ...body },
    })
    if (response.status === 201) issued.push(response.body.key)
    return response
  }

  async function newKey(token: string, body: Record<string, unknown> = {}): Promise<CreatedKey> {
    const response = await createKey(token, body)
    expect(response.status).toBe(201)
    return response.body
  }

  async function keyRow(id: string) {
    const [row] = await executeRows<Record<string, unknown>>(
      app().database.db,
      sql`select * from api_keys where id = ${id}`
    )
    return row
  }

  /** `last_used_at` of a key in epoch ms (null when never used). */
  async function lastUsedMs(id: string): Promise<number | null> {
    const [row] = await executeRows<{ ms: number | null }>(
      app().database.db,
      sql`select (extract(epoch from last_used_at) * 1000)::float8 as ms from api_keys where id = ${id}`
    )
    return row?.ms ?? null
  }

  /** Revokes every ACTIVE key of the partner, so a test starts below the limit. */
  async function revokeAll(token: string) {
    const page = await app().call<{ items: CreatedKey[] }>('GET', `${KEYS}?pageSize=100`, {
      token,
    })
    for (const item of page.body.items.filter((key) => key.status === 'ACTIVE')) {
      expect((await app().call('POST', `${KEYS}/${item.id}/revoke`, { token })).status).toBe(200)
    }
  }

  return { createKey, newKey, keyRow, lastUsedMs, revokeAll }
}
