// Partner API keys in workerd (docs/domain.md R139–R143, R147): a key is created through the
// worker, answered once, reads its partner's rows, is refused on a write before any handler, has
// its lastUsedAt written under waitUntil, and stops working when revoked.
import { executeRows } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEdgeWorld, type EdgeWorld } from './support/edge-world'

const CD = '/api/v1/customer-development'
let world: EdgeWorld

beforeAll(async () => {
  world = await startEdgeWorld()
})
afterAll(async () => {
  await world?.stop()
})

async function waitFor(check: () => Promise<boolean>) {
  for (let i = 0; i < 50; i += 1) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('condition never held')
}

describe('API keys served by workerd', () => {
  it('creates, reads with, refuses and revokes a key', async () => {
    const admin = await world.signIn('admin@acme.example')
    const created = await world.call<{ id: string; key: string }>('POST', `${CD}/api-keys`, {
      token: admin,
      body: { name: 'Edge CRM', role: 'read_only' },
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('cache-control')).toBe('no-store')
    const { key, id } = created.body
    expect(key).toMatch(/^pck_[A-Za-z0-9_-]{43}$/)

    const list = await world.call<{ total: number }>('GET', `${CD}/preregistrations`, {
      token: key,
    })
    expect(list.status).toBe(200)
    expect(list.body.total).toBe(15)
    const write = await world.call('POST', `${CD}/preregistrations`, {
      token: key,
      body: { customerName: 'x' },
    })
    expect([write.status, (write.body as { error?: { code: string } }).error?.code]).toEqual([
      403,
      'API_KEY_NOT_ALLOWED',
    ])
    await waitFor(async () => {
      const [row] = await executeRows<{ used: boolean }>(
        world.node.database.db,
        sql`select last_used_at is not null as used from api_keys where id = ${id}`
      )
      return row?.used === true
    })

    expect((await world.call('POST', `${CD}/api-keys/${id}/revoke`, { token: admin })).status).toBe(
      200
    )
    const revoked = await world.call('GET', `${CD}/preregistrations`, { token: key })
    expect([revoked.status, (revoked.body as { error?: { code: string } }).error?.code]).toEqual([
      401,
      'API_KEY_REVOKED',
    ])
  })

  it('serves a platform key the admin reads and refuses it a partner route', async () => {
    const manager = await world.signIn('manager@ecosystem.example')
    const created = await world.call<{ key: string }>('POST', '/api/v1/admin/api-keys', {
      token: manager,
      body: { name: 'Edge BI' },
    })
    expect(created.status).toBe(201)
    const { key } = created.body
    expect((await world.call('GET', '/api/v1/admin/partners', { token: key })).status).toBe(200)
    const partnerRoute = await world.call('GET', `${CD}/preregistrations`, { token: key })
    expect([
      partnerRoute.status,
      (partnerRoute.body as { error?: { code: string } }).error?.code,
    ]).toEqual([403, 'PERMISSION_DENIED'])
  })
})
