import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, leakedSecrets, errorOf, P, signInAll, type TestApp } from './helpers'
import { createTestApp } from './test-app'

let t: TestApp
let tokens: Record<string, string> = {}
const ACME = '4f2e8a7c-0000-0000-0000-000000000000'

beforeAll(async () => {
  t = await createTestApp({ config: { signInMaxFailures: 3, signInRateLimitPerMinute: 40 } })
  tokens = await signInAll(t, ['manager@ecosystem.example', 'admin@acme.example'])
})
afterAll(async () => {
  await t.close()
})

const manager = () => tokens['manager@ecosystem.example']!

describe('ecosystem manager endpoints (R9, R31)', () => {
  it('lists partners for the manager and refuses partner users with PERMISSION_DENIED', async () => {
    const list = await t.call<{ items: { name: string }[] }>('GET', '/api/v1/admin/partners', {
      token: manager(),
    })
    expect(list.body.items.map((p) => p.name)).toContain('Acme Cloud Services')
    expect(
      errorOf(
        await t.call('GET', '/api/v1/admin/partners', { token: tokens['admin@acme.example'] })
      )
    ).toEqual({ status: 403, code: 'PERMISSION_DENIED' })
    expect(errorOf(await t.call('GET', '/api/v1/admin/partners'))).toEqual({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    })
  })

  it('changes capabilities and contacts with one audit event holding before and after', async () => {
    const partner = await t.createPartner({ referralModelEnabled: false })
    const response = await t.call('PATCH', `/api/v1/admin/partners/${partner.partnerId}`, {
      token: manager(),
      body: { referralModelEnabled: true, dailyInviteCap: 7, contactMobile: '+86 138 0000 1234' },
    })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      referralModelEnabled: true,
      dailyInviteCap: 7,
      contactMobile: '+8613800001234',
    })
    const [audit] = await auditEvents(
      t,
      'partner.capabilities_changed',
      response.headers.get('x-request-id')!
    )
    expect(audit?.details).toEqual({
      before: { referralModelEnabled: false, dailyInviteCap: 500, contactMobile: null },
      after: { referralModelEnabled: true, dailyInviteCap: 7, contactMobile: '+8613800001234' },
    })
  })

  it.each([
    [{ contactEmail: 'a@b.example\r\nBcc: x@y.example' }],
    [{ contactMobile: '12' }],
    [{ preregistrationQuota: 10_001 }],
    [{ name: 'Renamed' }],
    [{}],
  ])('refuses %j with VALIDATION_FAILED', async (body) => {
    const before = await t.countRows()
    const partner = (
      await t.call<{ items: { id: string }[] }>('GET', '/api/v1/admin/partners', {
        token: manager(),
      })
    ).body.items[0]!
    expect(
      errorOf(
        await t.call('PATCH', `/api/v1/admin/partners/${partner.id}`, { token: manager(), body })
      )
    ).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    expect(await t.countRows()).toEqual(before)
  })

  it('answers NOT_FOUND for an unknown or malformed partner id', async () => {
    expect(
      errorOf(
        await t.call('PATCH', `/api/v1/admin/partners/${ACME}`, {
          token: manager(),
          body: { isPrepaid: true },
        })
      )
    ).toEqual({ status: 404, code: 'NOT_FOUND' })
    expect(
      errorOf(
        await t.call('PATCH', '/api/v1/admin/partners/x', {
          token: manager(),
          body: { isPrepaid: true },
        })
      )
    ).toEqual({ status: 404, code: 'NOT_FOUND' })
  })

  it('lists the review queue and approves a pending review (P5)', async () => {
    const queue = await t.call<{ items: { id: string; customerName: string }[] }>(
      'GET',
      '/api/v1/admin/preregistrations?status=PENDING_REVIEW',
      { token: manager() }
    )
    expect(queue.body.items.map((i) => i.id)).toContain(P('P06'))
    const approved = await t.call('POST', `/api/v1/admin/preregistrations/${P('P06')}/review`, {
      token: manager(),
      body: { decision: 'approve' },
    })
    expect(approved.body).toMatchObject({ status: 'PRE_REGISTERED' })
    expect(
      errorOf(
        await t.call('POST', `/api/v1/admin/preregistrations/${P('P06')}/review`, {
          token: manager(),
          body: { decision: 'approve' },
        })
      )
    ).toEqual({ status: 409, code: 'PREREGISTRATION_NOT_ACTIVE' })
  })

  it('requires a note to reject (P6) and refuses partner users', async () => {
    expect(
      errorOf(
        await t.call('POST', `/api/v1/admin/preregistrations/${P('P07')}/review`, {
          token: manager(),
          body: { decision: 'reject', note: '' },
        })
      )
    ).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    expect(
      errorOf(
        await t.call('POST', `/api/v1/admin/preregistrations/${P('P07')}/review`, {
          token: tokens['admin@acme.example'],
          body: { decision: 'reject', note: 'x' },
        })
      )
    ).toEqual({ status: 403, code: 'PERMISSION_DENIED' })
  })

  it('refuses partner endpoints to the ecosystem manager with PERMISSION_DENIED', async () => {
    expect(
      errorOf(await t.call('GET', '/api/v1/customer-development/history', { token: manager() }))
    ).toEqual({ status: 403, code: 'PERMISSION_DENIED' })
  })
})

describe('sign-in rate limits in PostgreSQL (R59)', () => {
  // The per-account lockout is gone (a stranger could lock anyone out); what stays is the limit of
  // failures per account and client address (sign-in-limits.int.test.ts has the rest of R59).
  it('refuses an account from an address after SIGN_IN_MAX_FAILURES failures there, even with the right password', async () => {
    const wrong = { email: 'viewer@acme.example', password: 'wrong-password' }
    for (let n = 0; n < 3; n++) {
      expect(errorOf(await t.call('POST', '/api/v1/auth/sign-in', { body: wrong }))).toEqual({
        status: 401,
        code: 'INVALID_CREDENTIALS',
      })
    }
    const locked = await t.call('POST', '/api/v1/auth/sign-in', {
      body: { email: 'viewer@acme.example', password: 'Passw0rd!demo' },
    })
    expect(errorOf(locked)).toEqual({ status: 429, code: 'RATE_LIMITED' })
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('limits attempts per client address per minute', async () => {
    const codes: string[] = []
    for (let n = 0; n < 45; n++) {
      const response = await t.call('POST', '/api/v1/auth/sign-in', {
        body: { email: `nobody${n}@x.example`, password: 'x' },
      })
      codes.push(response.body.error?.code ?? 'OK')
    }
    expect(codes.at(-1)).toBe('RATE_LIMITED')
  })

  it('answers fixture endpoints only on loopback', async () => {
    const remote = await createTestApp({ clientAddress: '203.0.113.9' })
    try {
      expect(errorOf(await remote.call('POST', '/api/v1/test/partners', { body: {} }))).toEqual({
        status: 404,
        code: 'NOT_FOUND',
      })
      const doc = await remote.call<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json')
      expect(Object.keys(doc.body.paths).some((path) => path.includes('/test/'))).toBe(false)
    } finally {
      await remote.close()
    }
  })

  it('leaks no token into the logs', () => {
    expect(leakedSecrets(t, Object.values(tokens))).toEqual([])
  })
})
