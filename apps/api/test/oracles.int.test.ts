import { executeRows } from '@partner-center/db'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CD, errorOf, I, P, type TestApp } from './helpers'
import { createTestApp, T } from './test-app'

// Issue 13 item 7: refused pre-registrations cost nothing and a full-email search confirmed a
// masked value without a trace. Small limits here; the defaults are 120 per user and 600 per
// partner per hour.
const PER_USER = 3
const PER_PARTNER = 5
const PRE = `${CD}/preregistrations`

let t: TestApp
let acme: string

beforeAll(async () => {
  t = await createTestApp({
    config: {
      preregistrationRateLimitPerUserPerHour: PER_USER,
      preregistrationRateLimitPerPartnerPerHour: PER_PARTNER,
    },
  })
  acme = await t.signIn('admin@acme.example')
})
afterAll(async () => {
  await t.close()
})

let serial = 0
const customer = () => {
  serial += 1
  return { customerName: `Limit Customer ${serial}`, email: `limit.${serial}@limits.example` }
}

describe('pre-registration attempts per user and per partner (R59a)', () => {
  it('counts accepted and refused attempts and answers 429 RATE_LIMITED with Retry-After beyond', async () => {
    const fixture = await t.createPartner({
      users: [{ role: 'admin' }, { role: 'sales' }, { role: 'sales' }],
    })
    const [first, second, third] = await Promise.all(
      fixture.users.map((user) => t.signIn(user.email))
    )
    const create = (token: string, body: unknown) => t.call('POST', PRE, { token, body })

    // One user: an accepted, a refused (own duplicate) and an invalid attempt use up the 3.
    const accepted = customer()
    expect((await create(first!, accepted)).status).toBe(201)
    expect(errorOf(await create(first!, accepted))).toEqual({
      status: 409,
      code: 'ALREADY_PREREGISTERED',
    })
    expect(errorOf(await create(first!, { customerName: '' }))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    })
    const rowsBefore = await t.countRows()
    const limited = await create(first!, customer())
    expect(errorOf(limited)).toEqual({ status: 429, code: 'RATE_LIMITED' })
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(3600)
    expect(limited.body.error?.details).toEqual({ retryAfterSeconds: retryAfter })
    expect(await t.countRows()).toEqual(rowsBefore)

    // The partner: 3 of the first user and 2 of the second reach 5; the next of anyone is refused.
    expect((await create(second!, customer())).status).toBe(201)
    expect((await create(second!, customer())).status).toBe(201)
    expect(errorOf(await create(second!, customer()))).toEqual({
      status: 429,
      code: 'RATE_LIMITED',
    })
    expect(errorOf(await create(third!, customer()))).toEqual({ status: 429, code: 'RATE_LIMITED' })

    // Another partner is not affected, and the next hour starts afresh.
    expect((await create(acme, customer())).status).toBe(201)
    t.clock.current = new Date(T.getTime() + 3600_000)
    try {
      expect((await create(third!, customer())).status).toBe(201)
    } finally {
      t.clock.current = T
    }
  })
})

/** The `pii.searched` events of a request, with their actor. */
async function searchEvents(requestId: string) {
  return executeRows<{ actor_id: string; partner_id: string; details: Record<string, unknown> }>(
    t.database.db,
    sql`select actor_id, partner_id, details from audit_events
        where action = 'pii.searched' and request_id = ${requestId}`
  )
}

describe('searching for an email or a number (M9a)', () => {
  const acmeAdminId = async () => {
    const me = await t.call<{ user: { id: string }; partner: { id: string } }>(
      'GET',
      '/api/v1/me',
      {
        token: acme,
      }
    )
    return { userId: me.body.user.id, partnerId: me.body.partner.id }
  }

  it.each([
    [
      'the list, a full email',
      PRE,
      'new.alpha@customer.example',
      'n***@customer.example',
      [P('P01')],
    ],
    ['the list, a mobile number', PRE, '13800000010', '****0010', [P('P10')]],
    ['History, an email domain', `${CD}/history`, 'new.gamma@', 'n***@', [I('P04-1')]],
  ])(
    '%s writes one pii.searched event with the masked text and the matched ids',
    async (_, path, q, masked, ids) => {
      const response = await t.call<{ items: { id: string }[]; total: number }>(
        'GET',
        `${path}?q=${encodeURIComponent(q)}`,
        { token: acme }
      )
      expect(response.status).toBe(200)
      expect(response.body.items.map((item) => item.id)).toEqual(ids)
      const events = await searchEvents(response.headers.get('x-request-id')!)
      const { userId, partnerId } = await acmeAdminId()
      expect(events).toEqual([
        {
          actor_id: userId,
          partner_id: partnerId,
          details: expect.objectContaining({
            q: masked,
            rowIds: ids,
            matched: ids.length,
          }) as unknown,
        },
      ])
      expect(JSON.stringify(events)).not.toContain(q.slice(1))
    }
  )

  it('audits a search that matches nothing too, and nothing for a name or a short number', async () => {
    const none = await t.call('GET', `${PRE}?q=${encodeURIComponent('nobody@nowhere.example')}`, {
      token: acme,
    })
    const events = await searchEvents(none.headers.get('x-request-id')!)
    expect(events.map((event) => event.details)).toEqual([
      expect.objectContaining({ q: 'n***@nowhere.example', rowIds: [], matched: 0 }),
    ])
    for (const q of ['alpha', '00010', 'Beta 12345']) {
      const response = await t.call('GET', `${PRE}?q=${encodeURIComponent(q)}`, { token: acme })
      expect(response.status).toBe(200)
      expect(await searchEvents(response.headers.get('x-request-id')!)).toEqual([])
    }
  })
})
