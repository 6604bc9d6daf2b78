// Platform API keys of the ecosystem manager (docs/domain.md §13, R139, R141, R143): managed by
// the manager only, read the admin endpoints, revoked for good; no key issued here is logged.
import { executeRows } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiKeySteps, KEYS, UNKNOWN_ID, type CreatedKey } from './api-keys-world'
import { CD, errorOf, type TestApp } from './helpers'
import { createTestApp } from './test-app'

let t: TestApp
let acmeAdmin: string
const issued: string[] = []
const { newKey, keyRow } = apiKeySteps(() => t, issued)

beforeAll(async () => {
  t = await createTestApp()
  acmeAdmin = await t.signIn('admin@acme.example')
})
afterAll(async () => {
  await t.close()
})

describe('platform keys of the ecosystem manager (R139, R141, R143)', () => {
  const ADMIN_KEYS = '/api/v1/admin/api-keys'

  it('are managed by the ecosystem manager only and read the admin endpoints', async () => {
    const manager = await t.signIn('manager@ecosystem.example')
    const created = await t.call<CreatedKey>('POST', ADMIN_KEYS, {
      token: manager,
      body: { name: 'BI export' },
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('cache-control')).toBe('no-store')
    expect(created.body).toMatchObject({ role: 'ecosystem_manager', status: 'ACTIVE' })
    const { key, id } = created.body
    issued.push(key)
    expect((await keyRow(id))?.partner_id).toBeNull()
    // A partner admin may not manage platform keys, nor see them; nor the manager partner keys.
    expect(errorOf(await t.call('GET', ADMIN_KEYS, { token: acmeAdmin }))).toEqual({
      status: 403,
      code: 'PERMISSION_DENIED',
    })
    const partnerList = await t.call('GET', `${KEYS}?pageSize=100`, { token: acmeAdmin })
    expect(partnerList.text).not.toContain(id)
    const platformList = await t.call<{ items: CreatedKey[] }>('GET', ADMIN_KEYS, {
      token: manager,
    })
    expect(platformList.body.items.map((item) => item.id)).toEqual([id])
    expect(platformList.text).not.toContain(key)

    expect((await t.call('GET', '/api/v1/admin/partners', { token: key })).status).toBe(200)
    expect((await t.call('GET', '/api/v1/admin/preregistrations', { token: key })).status).toBe(200)
    const me = await t.call<Record<string, unknown>>('GET', '/api/v1/me', { token: key })
    expect(me.body).toMatchObject({
      principal: { kind: 'api_key', id, name: 'BI export' },
      user: { role: 'ecosystem_manager' },
      partner: null,
    })
    // A platform key on a partner route (R9), and on writes and key routes (R141).
    expect(errorOf(await t.call('GET', `${CD}/preregistrations`, { token: key }))).toEqual({
      status: 403,
      code: 'PERMISSION_DENIED',
    })
    for (const [method, path] of [
      ['PATCH', `/api/v1/admin/partners/${UNKNOWN_ID}`],
      ['POST', ADMIN_KEYS],
      ['GET', ADMIN_KEYS],
    ] as const) {
      const body = method === 'GET' ? undefined : {}
      expect(errorOf(await t.call(method, path, { token: key, body }))).toEqual({
        status: 403,
        code: 'API_KEY_NOT_ALLOWED',
      })
    }
    // A partner key is NOT_FOUND on the admin revoke path, and the reverse.
    const partnerKey = await newKey(acmeAdmin)
    expect(
      errorOf(await t.call('POST', `${ADMIN_KEYS}/${partnerKey.id}/revoke`, { token: manager }))
    ).toEqual({ status: 404, code: 'NOT_FOUND' })
    expect(errorOf(await t.call('POST', `${KEYS}/${id}/revoke`, { token: acmeAdmin }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    })

    const revoked = await t.call<CreatedKey>('POST', `${ADMIN_KEYS}/${id}/revoke`, {
      token: manager,
    })
    expect(revoked.body.status).toBe('REVOKED')
    expect(errorOf(await t.call('GET', '/api/v1/admin/partners', { token: key }))).toEqual({
      status: 401,
      code: 'API_KEY_REVOKED',
    })
    const [audit] = await executeRows<{ actor_type: string; partner_id: string | null }>(
      t.database.db,
      sql`select actor_type, partner_id from audit_events where action = 'api_key.revoked' and entity_id = ${id}`
    )
    expect(audit).toEqual({ actor_type: 'ecosystem_manager', partner_id: null })
  })
})

describe('the keys issued in this file', () => {
  it('never writes a key to the logs', () => {
    const text = JSON.stringify(t.logs)
    expect(issued.length).toBe(2)
    expect(issued.filter((key) => text.includes(key))).toEqual([])
    expect(text).not.toMatch(/pck_[A-Za-z0-9_-]{20,}/)
    // The access log names the key's id instead (R142).
    expect(t.logs.some((line) => line.msg === 'request' && typeof line.apiKeyId === 'string')).toBe(
      true
    )
  })
})
