import { permissionsForRole, type PermissionKey } from '@partner-center/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CD, leakedSecrets, errorOf, I, P, signInAll, type TestApp } from './helpers'
import { createTestApp } from './test-app'

let t: TestApp
let tokens: Record<string, string> = {}
const UNKNOWN = '00000000-0000-4000-8000-000000000001'
const USERS = {
  admin: 'admin@acme.example',
  sales: 'sales@acme.example',
  account_manager: 'am@acme.example',
  read_only: 'viewer@acme.example',
} as const

beforeAll(async () => {
  t = await createTestApp()
  tokens = await signInAll(t, [
    ...Object.values(USERS),
    'manager@ecosystem.example',
    'admin@initech.example',
    'admin@globex.example',
  ])
})
afterAll(async () => {
  await t.close()
})

interface Endpoint {
  name: string
  permission: PermissionKey
  method: string
  path: string
  body?: unknown
}

// Harmless requests: unknown ids, so an allowed call answers 2xx or 404 and changes no row.
const ENDPOINTS: Endpoint[] = [
  { name: 'list', permission: 'custdev.view', method: 'GET', path: `${CD}/preregistrations` },
  {
    name: 'pre-register',
    permission: 'custdev.preregister',
    method: 'POST',
    path: `${CD}/preregistrations`,
    body: { customerName: 'X', email: 'not-an-email' },
  },
  {
    name: 'delete',
    permission: 'custdev.preregister.delete',
    method: 'DELETE',
    path: `${CD}/preregistrations/${UNKNOWN}`,
  },
  {
    name: 'batch delete',
    permission: 'custdev.preregister.delete',
    method: 'POST',
    path: `${CD}/preregistrations/batch-delete`,
    body: { preregistrationIds: [UNKNOWN] },
  },
  {
    name: 'invite',
    permission: 'custdev.invite',
    method: 'POST',
    path: `${CD}/invitations`,
    body: { preregistrationIds: Array(101).fill(UNKNOWN) as string[] },
  },
  {
    name: 'resend',
    permission: 'custdev.invite',
    method: 'POST',
    path: `${CD}/invitations/${UNKNOWN}/resend`,
  },
  {
    name: 'preview',
    permission: 'custdev.invite',
    method: 'POST',
    path: `${CD}/invitations/preview`,
    body: { associationType: 'reseller', locale: 'en' },
  },
  {
    name: 'batch progress',
    permission: 'custdev.invite',
    method: 'GET',
    path: `${CD}/invitation-batches/${UNKNOWN}`,
  },
  { name: 'history', permission: 'custdev.history.view', method: 'GET', path: `${CD}/history` },
  {
    name: 'webhook endpoints',
    permission: 'custdev.webhooks.manage',
    method: 'GET',
    path: `${CD}/webhook-endpoints`,
  },
]

const cases = ENDPOINTS.flatMap((endpoint) =>
  Object.entries(USERS).map(([role, email]) => [endpoint.name, role, email, endpoint] as const)
)

describe('role × endpoint permission matrix (§2.3, R3)', () => {
  it.each(cases)('%s as %s follows the matrix', async (_name, role, email, endpoint) => {
    const response = await t.call(endpoint.method, endpoint.path, {
      token: tokens[email],
      body: endpoint.body,
    })
    const allowed = permissionsForRole(role as keyof typeof USERS).includes(endpoint.permission)
    const outcome = [401, 403].includes(response.status) ? errorOf(response) : 'allowed'
    expect(outcome).toEqual(allowed ? 'allowed' : { status: 403, code: 'PERMISSION_DENIED' })
  })

  it.each(ENDPOINTS.map((e) => [e.name, e] as const))(
    '%s answers 401, module-off and manager in R3 order',
    async (_name, endpoint) => {
      const call = (token?: string) =>
        t.call(endpoint.method, endpoint.path, { token, body: endpoint.body })
      expect(errorOf(await call())).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' })
      expect(errorOf(await call(tokens['admin@initech.example']))).toEqual({
        status: 403,
        code: 'CUSTOMER_DEVELOPMENT_NOT_ENABLED',
      })
      expect(errorOf(await call(tokens['manager@ecosystem.example']))).toEqual({
        status: 403,
        code: 'PERMISSION_DENIED',
      })
    }
  )

  it('checks permission before validation for the viewer', async () => {
    expect(
      errorOf(
        await t.call('POST', `${CD}/invitations`, {
          token: tokens[USERS.read_only],
          body: { bogus: true },
        })
      )
    ).toEqual({ status: 403, code: 'PERMISSION_DENIED' })
  })
})

describe('cross-tenant matrix (R2)', () => {
  const globex = () => tokens['admin@globex.example']!
  it.each([
    ['DELETE', `${CD}/preregistrations/${P('P01')}`, undefined],
    ['POST', `${CD}/invitations/${I('P03-1')}/resend`, undefined],
    [
      'POST',
      `${CD}/invitations/preview`,
      { associationType: 'referral', locale: 'en', preregistrationId: P('P01') },
    ],
  ])('answers %s %s of another partner with NOT_FOUND', async (method, path, body) => {
    expect(errorOf(await t.call(method, path, { token: globex(), body }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    })
  })

  it('answers another partner’s batch with NOT_FOUND', async () => {
    const batch = await t.call<{ batchId: string }>('POST', `${CD}/invitations`, {
      token: tokens[USERS.admin],
      body: { preregistrationIds: [UNKNOWN] },
    })
    expect(
      errorOf(
        await t.call('GET', `${CD}/invitation-batches/${batch.body.batchId}`, { token: globex() })
      )
    ).toEqual({ status: 404, code: 'NOT_FOUND' })
  })

  it('skips another partner’s rows with NOT_FOUND on invite and batch delete', async () => {
    const invite = await t.call<{ results: { code?: string }[] }>('POST', `${CD}/invitations`, {
      token: globex(),
      body: { preregistrationIds: [P('P01')], associationType: 'reseller' },
    })
    expect(errorOf(invite)).toEqual({ status: 403, code: 'PREPAID_PARTNER_RESELLER' })
    const sales = await t.call<{ results: { code?: string }[] }>('POST', `${CD}/invitations`, {
      token: tokens[USERS.sales],
      body: { preregistrationIds: [P('G01')] },
    })
    expect(sales.body.results.map((r) => r.code)).toEqual(['NOT_FOUND'])
    const removal = await t.call<{ results: { code?: string }[] }>(
      'POST',
      `${CD}/preregistrations/batch-delete`,
      { token: globex(), body: { preregistrationIds: [P('P01')] } }
    )
    expect(removal.body.results.map((r) => r.code)).toEqual(['NOT_FOUND'])
  })

  it('never lists or shows history of another partner', async () => {
    const list = await t.call<{ items: { id: string }[] }>(
      'GET',
      `${CD}/preregistrations?pageSize=100`,
      { token: globex() }
    )
    expect(list.body.items.map((i) => i.id)).toEqual([P('G01')])
    const history = await t.call<{ items: unknown[] }>('GET', `${CD}/history`, { token: globex() })
    expect(history.body.items).toEqual([])
  })

  it('leaks no token into the logs', () => {
    expect(leakedSecrets(t, Object.values(tokens))).toEqual([])
  })
})
