// Partner API keys (docs/domain.md §13, R139–R143): created shown once and stored hashed, read
// only their partner's data, refused on every route the table does not mark `apiKey`, revoked
// for good, limited per partner and per minute, audited as `api_key` when they reveal.
import { API_ROUTES, type ApiRoute } from '@partner-center/contracts/routes'
import { executeRows } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CD, PUBLIC, errorOf, type TestApp } from './helpers'
import { createTestApp } from './test-app'

interface CreatedKey {
  id: string
  key: string
  keyPrefix: string
  name: string
  role: string
  status: string
  lastUsedAt: string | null
}

const KEYS = `${CD}/api-keys`
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

let t: TestApp
let acmeAdmin: string
const issued: string[] = []

async function createKey(token: string, body: Record<string, unknown> = {}) {
  const response = await t.call<CreatedKey>('POST', KEYS, {
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
    t.database.db,
    sql`select * from api_keys where id = ${id}`
  )
  return row
}

/** `last_used_at` of a key in epoch ms (null when never used). */
async function lastUsedMs(id: string): Promise<number | null> {
  const [row] = await executeRows<{ ms: number | null }>(
    t.database.db,
    sql`select (extract(epoch from last_used_at) * 1000)::float8 as ms from api_keys where id = ${id}`
  )
  return row?.ms ?? null
}

/** Revokes every ACTIVE key of the partner, so a test starts below the limit. */
async function revokeAll(token: string) {
  const page = await t.call<{ items: CreatedKey[] }>('GET', `${KEYS}?pageSize=100`, { token })
  for (const item of page.body.items.filter((key) => key.status === 'ACTIVE')) {
    expect((await t.call('POST', `${KEYS}/${item.id}/revoke`, { token })).status).toBe(200)
  }
}

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

describe('reading with a key (R140, R141)', () => {
  it('reads its partner’s pre-registrations, history, links, link associations and /me', async () => {
    const { key, id } = await newKey(acmeAdmin, { role: 'read_only' })
    for (const path of [
      `${CD}/preregistrations`,
      `${CD}/history`,
      `${CD}/invitation-links`,
      `${CD}/link-associations`,
    ]) {
      const answer = await t.call<{ total: number }>('GET', path, { token: key })
      expect({ path, status: answer.status }).toEqual({ path, status: 200 })
    }
    const sessionList = await t.call<{ total: number }>('GET', `${CD}/preregistrations`, {
      token: acmeAdmin,
    })
    const keyList = await t.call<{ total: number }>('GET', `${CD}/preregistrations`, { token: key })
    expect(keyList.body.total).toBe(sessionList.body.total)
    const me = await t.call<Record<string, unknown>>('GET', '/api/v1/me', { token: key })
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({
      principal: { kind: 'api_key', id, name: 'CRM sync', keyPrefix: key.slice(0, 12) },
      user: { id, role: 'read_only' },
      permissions: ['custdev.view', 'custdev.history.view', 'custdev.reveal'],
    })
    const userMe = await t.call<Record<string, unknown>>('GET', '/api/v1/me', { token: acmeAdmin })
    expect(userMe.body).toMatchObject({ principal: { kind: 'user' } })
  })

  it('never sees another partner’s data (cross-tenant)', async () => {
    const umbrellaAdmin = await t.signIn('admin@umbrella.example')
    const umbrellaKey = (await newKey(umbrellaAdmin, { role: 'admin' })).key
    const acme = await t.call<{ items: { id: string }[] }>('GET', `${CD}/preregistrations`, {
      token: acmeAdmin,
    })
    const umbrella = await t.call<{ items: { id: string }[] }>('GET', `${CD}/preregistrations`, {
      token: umbrellaKey,
    })
    expect(umbrella.status).toBe(200)
    const acmeIds = new Set(acme.body.items.map((item) => item.id))
    expect(acmeIds.size).toBeGreaterThan(0)
    expect(umbrella.body.items.filter((item) => acmeIds.has(item.id))).toEqual([])
    // A batch of acme is NOT_FOUND for umbrella's key (R2).
    const [batch] = await executeRows<{ id: string }>(
      t.database.db,
      sql`select b.id from invitation_batches b join partners p on p.id = b.partner_id
          where p.name ilike 'acme%' limit 1`
    )
    expect(batch).toBeDefined()
    expect(
      errorOf(await t.call('GET', `${CD}/invitation-batches/${batch!.id}`, { token: umbrellaKey }))
    ).toEqual({ status: 404, code: 'NOT_FOUND' })
    // An acme key may not revoke (or even list) umbrella's keys, nor its own.
    expect(errorOf(await t.call('GET', KEYS, { token: umbrellaKey }))).toEqual({
      status: 403,
      code: 'API_KEY_NOT_ALLOWED',
    })
  })

  it('answers API_KEY_NOT_ALLOWED on every route not marked apiKey, and changes nothing', async () => {
    const { key } = await newKey(acmeAdmin, { role: 'admin' })
    const refused = (Object.entries(API_ROUTES) as [string, ApiRoute][]).filter(
      ([, route]) => !route.apiKey && (route.auth === 'user' || route.auth === 'admin')
    )
    expect(refused.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'createPreregistration',
        'sendInvitations',
        'findApiKeys',
        'createApiKey',
        'revokeApiKey',
        'getInvitationLinkUrl',
        'signOut',
        'updatePartner',
      ])
    )
    const before = await t.countRows()
    for (const [name, route] of refused) {
      const path = `/api${route.path.replace(/\{\w+\}/g, UNKNOWN_ID)}`
      const answer = await t.call(route.method, path, {
        token: key,
        body: route.method === 'GET' ? undefined : { name: 'x', role: 'admin' },
      })
      expect({ name, ...errorOf(answer) }).toEqual({
        name,
        status: 403,
        code: 'API_KEY_NOT_ALLOWED',
      })
    }
    expect(await t.countRows()).toEqual(before)
  })

  it('is not a customer token (NOT_AUTHENTICATED) and a partner key is refused on admin reads', async () => {
    const { key } = await newKey(acmeAdmin)
    expect(errorOf(await t.call('GET', `${PUBLIC}/auth/me`, { token: key }))).toEqual({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    })
    expect(errorOf(await t.call('GET', '/api/v1/admin/partners', { token: key }))).toEqual({
      status: 403,
      code: 'PERMISSION_DENIED',
    })
  })

  it('answers NOT_AUTHENTICATED to an unknown pck_ key', async () => {
    const unknown = `pck_${'A'.repeat(43)}`
    expect(errorOf(await t.call('GET', `${CD}/preregistrations`, { token: unknown }))).toEqual({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    })
    expect(
      errorOf(await t.call('GET', `${CD}/preregistrations`, { token: 'pck_short_key_0123456789' }))
    ).toEqual({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    })
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

describe('use, limits and audit of a key (R140, R142)', () => {
  it('writes lastUsedAt once a minute at most, whatever the request rate', async () => {
    const { key, id } = await newKey(acmeAdmin)
    const start = t.clock.current
    try {
      for (let i = 0; i < 20; i += 1) {
        expect((await t.call('GET', `${CD}/invitation-links`, { token: key })).status).toBe(200)
        t.clock.current = new Date(start.getTime() + i * 1000)
      }
      expect(await lastUsedMs(id)).toBe(start.getTime())
      t.clock.current = new Date(start.getTime() + 60_000)
      await t.call('GET', `${CD}/invitation-links`, { token: key })
      expect(await lastUsedMs(id)).toBe(start.getTime() + 60_000)
      const list = await t.call<{ items: CreatedKey[] }>('GET', `${KEYS}?pageSize=100`, {
        token: acmeAdmin,
      })
      expect(list.body.items.find((item) => item.id === id)?.lastUsedAt).toBe(
        new Date(start.getTime() + 60_000).toISOString()
      )
    } finally {
      t.clock.current = start
    }
  })

  it('audits a reveal with a key as pii.revealed by actor api_key', async () => {
    const { key, id } = await newKey(acmeAdmin, { role: 'read_only' })
    const answer = await t.call('GET', `${CD}/preregistrations?reveal=name`, { token: key })
    expect(answer.status).toBe(200)
    const rows = await executeRows<{ actor_type: string; actor_id: string }>(
      t.database.db,
      sql`select actor_type, actor_id from audit_events where action = 'pii.revealed' and actor_id = ${id}`
    )
    expect(rows).toEqual([{ actor_type: 'api_key', actor_id: id }])
  })

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

describe('the per-key rate limit (R142)', () => {
  let small: TestApp
  beforeAll(async () => {
    small = await createTestApp({ config: { apiKeyRateLimitPerMinute: 3 } })
  })
  afterAll(async () => {
    await small.close()
  })

  it('answers 429 RATE_LIMITED with Retry-After beyond the limit, per key', async () => {
    const admin = await small.signIn('admin@acme.example')
    const created = await small.call<CreatedKey>('POST', KEYS, {
      token: admin,
      body: { name: 'busy', role: 'read_only' },
    })
    const { key } = created.body
    for (let i = 0; i < 3; i += 1) {
      expect((await small.call('GET', `${CD}/history`, { token: key })).status).toBe(200)
    }
    const refused = await small.call('GET', `${CD}/history`, { token: key })
    expect(errorOf(refused)).toEqual({ status: 429, code: 'RATE_LIMITED' })
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    // The person's session is not limited by the key's bucket.
    expect((await small.call('GET', `${CD}/history`, { token: admin })).status).toBe(200)
  })
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
