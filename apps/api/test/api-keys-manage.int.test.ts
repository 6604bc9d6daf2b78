// Partner API keys (docs/domain.md §13, R139, R143): created shown once and stored hashed,
// managed by an admin only, limited per partner, revoked for good; no key issued here is logged.
import { executeRows } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiKeySteps, KEYS, UNKNOWN_ID, type CreatedKey } from './api-keys-world'
import { CD, errorOf, type TestApp } from './helpers'
import { createTestApp } from './test-app'

let t: TestApp
let acmeAdmin: string
const issued: string[] = []
const { createKey, newKey, keyRow, revokeAll } = apiKeySteps(() => t, issued)

beforeAll(async () => {
  t = await createTestApp()
  acmeAdmin = await t.signIn('admin@acme.example')
})
afterAll(async () => {
  await t.close()
})

describe('creating a key (R139)', () => {
  it('answers the key once with no-store, stores only its hash and prefix, and lists it without', async () => {
    const created = await createKey(acmeAdmin, { name: '  CRM sync  ', role: 'sales' })
    expect(created.status).toBe(201)
    expect(created.headers.get('cache-control')).toBe('no-store')
    const { key, id } = created.body
    expect(key).toMatch(/^pck_[A-Za-z0-9_-]{43}$/)
    expect(created.body).toMatchObject({
      name: 'CRM sync',
      role: 'sales',
      status: 'ACTIVE',
      keyPrefix: key.slice(0, 12),
      lastUsedAt: null,
    })
    const row = await keyRow(id)
    expect(JSON.stringify(row)).not.toContain(key)
    expect(JSON.stringify(row)).not.toContain(key.slice(12))
    const { createHash } = await import('node:crypto')
    expect(row?.key_hash).toBe(createHash('sha256').update(key).digest('hex'))
    const list = await t.call('GET', KEYS, { token: acmeAdmin })
    expect(list.status).toBe(200)
    expect(list.text).not.toContain(key)
    expect(list.text).toContain(id)
    const [audit] = await executeRows<{ details: Record<string, unknown>; actor_type: string }>(
      t.database.db,
      sql`select details, actor_type from audit_events where action = 'api_key.created' and entity_id = ${id}`
    )
    expect(audit).toEqual({
      actor_type: 'partner_user',
      details: { keyPrefix: key.slice(0, 12), role: 'sales', name: 'CRM sync' },
    })
    expect(
      JSON.stringify(await t.database.db.execute(sql`select * from audit_events`))
    ).not.toContain(key)
  })

  it('refuses account_manager with ROLE_NOT_ALLOWED_FOR_KEY and an empty name', async () => {
    const before = await t.countRows()
    const manager = await createKey(acmeAdmin, { role: 'account_manager' })
    expect(errorOf(manager)).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    expect(manager.body.error?.details).toEqual({
      issues: [{ path: 'role', message: 'ROLE_NOT_ALLOWED_FOR_KEY' }],
    })
    expect(errorOf(await createKey(acmeAdmin, { name: '   ' }))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    })
    expect(await t.countRows()).toEqual(before)
  })

  it('lets only an admin manage keys (sales, read_only: PERMISSION_DENIED)', async () => {
    for (const email of ['sales@acme.example', 'viewer@acme.example', 'am@acme.example']) {
      const token = await t.signIn(email)
      expect(errorOf(await createKey(token))).toEqual({ status: 403, code: 'PERMISSION_DENIED' })
      expect(errorOf(await t.call('GET', KEYS, { token }))).toEqual({
        status: 403,
        code: 'PERMISSION_DENIED',
      })
    }
    const manager = await t.signIn('manager@ecosystem.example')
    expect(errorOf(await createKey(manager))).toEqual({ status: 403, code: 'PERMISSION_DENIED' })
  })

  it('allows 10 ACTIVE keys: the 11th is API_KEY_LIMIT, a revoked key frees a place', async () => {
    await revokeAll(acmeAdmin)
    const keys: CreatedKey[] = []
    for (let i = 0; i < 10; i += 1) keys.push(await newKey(acmeAdmin, { name: `k${i}` }))
    const before = await t.countRows()
    const refused = await createKey(acmeAdmin)
    expect(errorOf(refused)).toEqual({ status: 409, code: 'API_KEY_LIMIT' })
    expect(await t.countRows()).toEqual(before)
    await t.call('POST', `${KEYS}/${keys[0]!.id}/revoke`, { token: acmeAdmin })
    expect((await createKey(acmeAdmin)).status).toBe(201)
    await revokeAll(acmeAdmin)
  })

  it('creates exactly one key from concurrent creations at 9 ACTIVE keys', async () => {
    await revokeAll(acmeAdmin)
    for (let i = 0; i < 9; i += 1) await newKey(acmeAdmin, { name: `c${i}` })
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => createKey(acmeAdmin, { name: `race${i}` }))
    )
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409])
    const [count] = await executeRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from api_keys k join users u on u.id = k.created_by_user_id
          where u.email_canonical = 'admin@acme.example' and k.status = 'ACTIVE'`
    )
    expect(count?.n).toBe(10)
    await revokeAll(acmeAdmin)
  })
})

describe('revoking a key (R143)', () => {
  it('answers API_KEY_REVOKED from the next request; revoking again changes nothing', async () => {
    const { key, id } = await newKey(acmeAdmin)
    expect((await t.call('GET', `${CD}/history`, { token: key })).status).toBe(200)
    const revoked = await t.call<CreatedKey & { revokedAt: string }>(
      'POST',
      `${KEYS}/${id}/revoke`,
      {
        token: acmeAdmin,
      }
    )
    expect(revoked.status).toBe(200)
    expect(revoked.body).toMatchObject({ id, status: 'REVOKED' })
    expect(JSON.stringify(revoked.body)).not.toContain(key)
    expect(errorOf(await t.call('GET', `${CD}/history`, { token: key }))).toEqual({
      status: 401,
      code: 'API_KEY_REVOKED',
    })
    const before = await t.countRows()
    const again = await t.call<CreatedKey>('POST', `${KEYS}/${id}/revoke`, { token: acmeAdmin })
    expect(again.status).toBe(200)
    expect(again.body.status).toBe('REVOKED')
    expect(await t.countRows()).toEqual(before)
  })

  it('answers NOT_FOUND for another partner’s key and a malformed id', async () => {
    const umbrellaAdmin = await t.signIn('admin@umbrella.example')
    const { id } = await newKey(umbrellaAdmin)
    for (const target of [id, 'not-a-uuid', UNKNOWN_ID]) {
      expect(
        errorOf(await t.call('POST', `${KEYS}/${target}/revoke`, { token: acmeAdmin }))
      ).toEqual({
        status: 404,
        code: 'NOT_FOUND',
      })
    }
    expect((await keyRow(id))?.status).toBe('ACTIVE')
  })
})

describe('the list of keys (S34)', () => {
  it('lists every ACTIVE key before the revoked ones, so one page shows every key that works', async () => {
    await revokeAll(acmeAdmin)
    const working = await newKey(acmeAdmin, { name: 'oldest working key' })
    // 100 revoked keys newer than it: newest first alone would push it off a page of 100.
    await t.database.db.execute(sql`
      insert into api_keys (id, partner_id, role, name, key_prefix, key_hash, status,
                            created_by_user_id, created_at, revoked_at, revoked_by_user_id)
      select gen_random_uuid(), k.partner_id, k.role, 'revoked ' || n, 'pck_revoked_',
             md5(k.id::text || n), 'REVOKED', k.created_by_user_id,
             k.created_at + n * interval '1 second', k.created_at + n * interval '1 second',
             k.created_by_user_id
        from api_keys k, generate_series(1, 100) n
       where k.id = ${working.id}`)
    const page = await t.call<{ items: CreatedKey[]; total: number }>(
      'GET',
      `${KEYS}?pageSize=100`,
      { token: acmeAdmin }
    )
    expect(page.status).toBe(200)
    expect(page.body.total).toBeGreaterThan(100)
    expect(page.body.items).toHaveLength(100)
    expect(page.body.items[0]).toMatchObject({ id: working.id, status: 'ACTIVE' })
    // The revoked ones follow, newest first.
    expect(page.body.items.slice(1, 3).map((key) => key.name)).toEqual([
      'revoked 100',
      'revoked 99',
    ])
    await revokeAll(acmeAdmin)
  })
})

describe('the keys issued in this file', () => {
  it('never writes a key to the logs', () => {
    const text = JSON.stringify(t.logs)
    expect(issued.length).toBeGreaterThan(10)
    expect(issued.filter((key) => text.includes(key))).toEqual([])
    expect(text).not.toMatch(/pck_[A-Za-z0-9_-]{20,}/)
    // The access log names the key's id instead (R142).
    expect(t.logs.some((line) => line.msg === 'request' && typeof line.apiKeyId === 'string')).toBe(
      true
    )
  })
})
