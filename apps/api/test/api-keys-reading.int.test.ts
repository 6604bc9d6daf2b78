// Reading with a partner API key (docs/domain.md §13, R140, R141): its partner's data only,
// refused on every route the table does not mark `apiKey`; no key issued here is logged.
import { API_ROUTES, type ApiRoute } from '@partner-center/contracts/routes'
import { executeRows } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiKeySteps, KEYS, UNKNOWN_ID } from './api-keys-world'
import { CD, PUBLIC, errorOf, type TestApp } from './helpers'
import { createTestApp } from './test-app'

let t: TestApp
let acmeAdmin: string
const issued: string[] = []
const { newKey } = apiKeySteps(() => t, issued)

beforeAll(async () => {
  t = await createTestApp()
  acmeAdmin = await t.signIn('admin@acme.example')
})
afterAll(async () => {
  await t.close()
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

describe('the keys issued in this file', () => {
  it('never writes a key to the logs', () => {
    const text = JSON.stringify(t.logs)
    expect(issued.length).toBe(4)
    expect(issued.filter((key) => text.includes(key))).toEqual([])
    expect(text).not.toMatch(/pck_[A-Za-z0-9_-]{20,}/)
    // The access log names the key's id instead (R142).
    expect(t.logs.some((line) => line.msg === 'request' && typeof line.apiKeyId === 'string')).toBe(
      true
    )
  })
})
