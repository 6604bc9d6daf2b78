// Use of a partner API key (docs/domain.md §13, R140, R142): lastUsedAt written once a minute,
// reveals audited as `api_key`, a per-key rate limit; no key issued here is logged.
import { executeRows } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiKeySteps, KEYS, type CreatedKey } from './api-keys-world'
import { CD, errorOf, type TestApp } from './helpers'
import { createTestApp } from './test-app'

let t: TestApp
let acmeAdmin: string
const issued: string[] = []
const { newKey, lastUsedMs } = apiKeySteps(() => t, issued)

beforeAll(async () => {
  t = await createTestApp()
  acmeAdmin = await t.signIn('admin@acme.example')
})
afterAll(async () => {
  await t.close()
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
    expect(issued.length).toBe(2)
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
