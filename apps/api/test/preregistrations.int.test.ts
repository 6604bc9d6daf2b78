import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, CD, leakedSecrets, errorOf, I, P, signInAll, type TestApp } from './helpers'
import { createTestApp, T } from './test-app'

let t: TestApp
let tokens: Record<string, string> = {}
const PRE = `${CD}/preregistrations`

beforeAll(async () => {
  t = await createTestApp()
  tokens = await signInAll(t, [
    'admin@acme.example',
    'sales@acme.example',
    'am@acme.example',
    'admin@globex.example',
  ])
})
afterAll(async () => {
  await t.close()
})

const acme = () => tokens['admin@acme.example']!
const create = (body: unknown, token = acme()) => t.call('POST', PRE, { token, body })

interface Item {
  id: string
  status: string
  customerName: string
  email: string | null
  mobile: string | null
  validUntil: string | null
}

describe('pre-registering a customer (R19–R28)', () => {
  it('creates a PRE_REGISTERED row valid 15 days and answers it masked with 201', async () => {
    const response = await t.call<Item>('POST', PRE, {
      token: acme(),
      body: {
        customerName: 'Kappa Trading',
        email: 'New.Kappa@Customer.example',
        mobile: '+86 138 0000 0777',
      },
    })
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({
      status: 'PRE_REGISTERED',
      customerName: 'K***',
      email: 'N***@Customer.example',
      mobile: '+86 ****0777',
      validUntil: new Date(T.getTime() + 15 * 86_400_000).toISOString(),
    })
    const audits = await auditEvents(t, 'preregistration.created')
    expect(audits.find((a) => a.entity_id === response.body.id)?.details).toMatchObject({
      customerName: 'K***',
    })
  })

  it.each([
    ['globex.client@customer.example', undefined, 409, 'ALREADY_ASSOCIATED'],
    ['special.contract@customer.example', undefined, 422, 'SPECIAL_CONTRACT'],
    ['partner.account@customer.example', undefined, 422, 'CUSTOMER_IS_PARTNER'],
    ['globex.prospect@customer.example', undefined, 409, 'PREREGISTERED_BY_ANOTHER_PARTNER'],
    ['new.alpha@customer.example', undefined, 409, 'ALREADY_PREREGISTERED'],
    ['ps.contract@customer.example', '+8613800000099', 422, 'IDENTITY_AMBIGUOUS'],
  ])(
    'refuses %s with %s %s and stores only the refusal audit',
    async (email, mobile, status, code) => {
      const before = await t.countRows()
      const response = await create({ customerName: 'Refused Co', email, mobile })
      expect(errorOf(response)).toEqual({ status: status, code: code })
      const after = await t.countRows()
      expect({ ...after, audit_events: 0 }).toEqual({ ...before, audit_events: 0 })
      expect(after.audit_events).toBe(before.audit_events! + 1)
      const refused = await auditEvents(
        t,
        'preregistration.refused',
        response.headers.get('x-request-id')!
      )
      expect(refused).toHaveLength(1)
      expect(JSON.stringify(refused)).not.toContain(email)
    }
  )

  it('tells the other partner only the protection end, and its own duplicate only the row id', async () => {
    const other = await create({ customerName: 'X', email: 'globex.prospect@customer.example' })
    expect(other.body.error?.details).toEqual({ protectedUntil: expect.any(String) as string })
    const own = await create({ customerName: 'X', email: 'new.alpha@customer.example' })
    expect(own.body.error?.details).toEqual({ preregistrationId: P('P01') })
  })

  it('sends an old account with spend to manual review after a rejected review (R25)', async () => {
    const response = await t.call<Item & { reviewReason: string }>('POST', PRE, {
      token: acme(),
      body: { customerName: 'Rejected Again', email: 'rejected.co@customer.example' },
    })
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({
      status: 'PENDING_REVIEW',
      reviewReason: 'ACCOUNT_TOO_OLD_OR_HAS_SPEND',
    })
  })

  it('refuses a partner at its quota with QUOTA_EXCEEDED', async () => {
    const response = await create(
      { customerName: 'New', email: 'quota.test@customer.example' },
      tokens['admin@globex.example']
    )
    expect(errorOf(response)).toEqual({ status: 409, code: 'QUOTA_EXCEEDED' })
  })

  it('refuses a partner without contact with PARTNER_CONTACT_MISSING', async () => {
    const partner = await t.createPartner({ contactEmail: null })
    const token = await t.signIn(partner.users[0]!.email)
    expect(
      errorOf(await create({ customerName: 'New', email: 'contact.test@customer.example' }, token))
    ).toEqual({ status: 422, code: 'PARTNER_CONTACT_MISSING' })
  })

  it.each([
    [{ customerName: 'No Contact' }],
    [{ customerName: '', email: 'x@customer.example' }],
    [{ customerName: 'Bad', email: 'not an email' }],
    [{ customerName: 'Bad', mobile: '12' }],
    [{ customerName: 'Owned', email: 'owned@customer.example', status: 'PRE_REGISTERED' }],
    [{ customerName: 'Tenant', email: 'tenant@customer.example', partnerId: P('P01') }],
  ])('answers %j with VALIDATION_FAILED and stores nothing', async (body) => {
    const before = await t.countRows()
    expect(errorOf(await create(body))).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    expect(await t.countRows()).toEqual(before)
  })

  it('writes an expired holder EXPIRED before another partner takes the identity (R28)', async () => {
    t.clock.current = new Date(T.getTime() + 7 * 86_400_000)
    try {
      const umbrella = await t.signIn('admin@umbrella.example')
      const response = await create(
        { customerName: 'Gamma', email: 'new.gamma@customer.example' },
        umbrella
      )
      expect(response.status).toBe(201)
      const expired = await auditEvents(
        t,
        'preregistration.expired',
        response.headers.get('x-request-id')!
      )
      expect(expired.map((e) => e.entity_id)).toEqual([P('P04')])
    } finally {
      t.clock.current = T
    }
  })
})

describe('deleting pre-registrations (R32, R33)', () => {
  it('deletes a row, revokes its live invitation and cancels its pending email', async () => {
    const response = await t.call('DELETE', `${PRE}/${P('P02')}`, { token: acme() })
    expect(response.status).toBe(200)
    expect(response.body).toEqual({
      preregistrationId: P('P02'),
      outcome: 'DELETED',
      revokedInvitationId: I('P02-2'),
      externalRef: null,
    })
    expect(
      await auditEvents(t, 'invitation.revoked', response.headers.get('x-request-id')!)
    ).toHaveLength(1)
    expect(
      await auditEvents(t, 'preregistration.deleted', response.headers.get('x-request-id')!)
    ).toHaveLength(1)
    expect(errorOf(await t.call('DELETE', `${PRE}/${P('P02')}`, { token: acme() }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    })
  })

  it('refuses to delete a converted row with PREREGISTRATION_NOT_DELETABLE', async () => {
    expect(errorOf(await t.call('DELETE', `${PRE}/${P('P05')}`, { token: acme() }))).toEqual({
      status: 409,
      code: 'PREREGISTRATION_NOT_DELETABLE',
    })
  })

  it.each([['not-a-uuid'], [P('G01')], ['00000000-0000-4000-8000-000000000000']])(
    'answers NOT_FOUND for %s',
    async (id) => {
      expect(errorOf(await t.call('DELETE', `${PRE}/${id}`, { token: acme() }))).toEqual({
        status: 404,
        code: 'NOT_FOUND',
      })
    }
  )

  it('hides a colleague row from an account manager as NOT_FOUND', async () => {
    expect(
      errorOf(await t.call('DELETE', `${PRE}/${P('P01')}`, { token: tokens['am@acme.example'] }))
    ).toEqual({ status: 404, code: 'NOT_FOUND' })
  })

  it('decides every id of a batch delete on its own', async () => {
    const ids = [P('P09'), P('P05'), P('G01'), P('P09'), P('P14')]
    const response = await t.call<{
      results: { preregistrationId: string; outcome: string; code?: string }[]
    }>('POST', `${PRE}/batch-delete`, { token: acme(), body: { preregistrationIds: ids } })
    expect(response.status).toBe(200)
    expect(response.body.results.map((r) => [r.outcome, r.code])).toEqual([
      ['DELETED', undefined],
      ['SKIPPED', 'PREREGISTRATION_NOT_DELETABLE'],
      ['SKIPPED', 'NOT_FOUND'],
      ['SKIPPED', 'NOT_FOUND'],
    ])
  })

  it('fails a batch delete with a malformed id as a whole', async () => {
    const before = await t.countRows()
    expect(
      errorOf(
        await t.call('POST', `${PRE}/batch-delete`, {
          token: acme(),
          body: { preregistrationIds: [P('P01'), 'x'] },
        })
      )
    ).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    expect(await t.countRows()).toEqual(before)
  })
})

describe('the customer list with reveal (R35, M6, M7)', () => {
  it('reveals columns and writes exactly one pii.revealed event with the returned ids', async () => {
    const response = await t.call<{ items: Item[] }>('GET', `${PRE}?reveal=name,email&q=alpha`, {
      token: acme(),
    })
    expect(response.status).toBe(200)
    expect(response.body.items.map((i) => i.email)).toEqual(['new.alpha@customer.example'])
    const audits = await auditEvents(t, 'pii.revealed', response.headers.get('x-request-id')!)
    expect(audits).toHaveLength(1)
    expect(audits[0]?.details).toMatchObject({ columns: ['email', 'name'], rowIds: [P('P01')] })
    expect(JSON.stringify(audits)).not.toContain('new.alpha')
  })

  it('audits a reveal of an empty page too', async () => {
    const response = await t.call('GET', `${PRE}?reveal=mobile&page=99`, { token: acme() })
    const audits = await auditEvents(t, 'pii.revealed', response.headers.get('x-request-id')!)
    expect(audits.map((a) => a.details.rowIds)).toEqual([[]])
  })

  it('reports the real total on a page past the end', async () => {
    const first = await t.call<{ total: number }>('GET', PRE, { token: acme() })
    const past = await t.call<{ total: number; items: unknown[] }>('GET', `${PRE}?page=50`, {
      token: acme(),
    })
    expect(past.body.items).toEqual([])
    expect(past.body.total).toBe(first.body.total)
  })

  it('matches mobile digits only from 4 digits on and refuses a 1-character search', async () => {
    const four = await t.call<{ items: Item[] }>('GET', `${PRE}?q=0010`, { token: acme() })
    expect(four.body.items.map((i) => i.mobile)).toEqual(['+86 ****0010'])
    const three = await t.call<{ items: Item[] }>('GET', `${PRE}?q=010`, { token: acme() })
    expect(three.body.items).toEqual([])
    expect(errorOf(await t.call('GET', `${PRE}?q=a`, { token: acme() }))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    })
  })

  it('leaks no token and no unmasked customer email into the logs', () => {
    expect(leakedSecrets(t, Object.values(tokens))).toEqual([])
  })
})
