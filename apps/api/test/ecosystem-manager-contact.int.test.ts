// Issue 16 item 1: the partner's ecosystem manager contact, set by the ecosystem manager
// (PATCH /admin/partners/{id}, R9) and returned to the partner's users by GET /me, so the
// console can name whom to ask for a capability (S9, S11).
import { AdminPartner, MeResponse } from '@partner-center/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, errorOf, signInAll } from './helpers'
import { createTestApp } from './test-app'

type TestApp = Awaited<ReturnType<typeof createTestApp>>
let t: TestApp
let manager = ''

beforeAll(async () => {
  t = await createTestApp()
  manager = (await signInAll(t, ['manager@ecosystem.example']))['manager@ecosystem.example']!
})
afterAll(async () => {
  await t.close()
})

async function meOf(email: string) {
  const answer = await t.call('GET', '/api/v1/me', { token: await t.signIn(email) })
  expect(answer.status).toBe(200)
  return MeResponse.parse(answer.body)
}

function patch(partnerId: string, body: unknown) {
  return t.call('PATCH', `/api/v1/admin/partners/${partnerId}`, { token: manager, body })
}

describe('ecosystem manager contact of a partner', () => {
  it('returns the seeded manager of a demo partner in GET /me and the partner list', async () => {
    const me = await meOf('viewer@acme.example')
    expect(me.partner?.ecosystemManager).toEqual({
      name: 'Mei Chen',
      email: 'mei.chen@ecosystem.example',
    })
    const list = await t.call<{ items: AdminPartner[] }>('GET', '/api/v1/admin/partners', {
      token: manager,
    })
    const umbrella = list.body.items.find((item) => item.name === 'Umbrella Solutions')
    expect(umbrella?.ecosystemManager.name).toBe('Mei Chen')
  })

  it('sets a trimmed name and a canonical email, audits the change and shows it in /me', async () => {
    const partner = await t.createPartner({ users: [{ role: 'sales' }] })
    expect((await meOf(partner.users[0]!.email)).partner?.ecosystemManager).toEqual({
      name: null,
      email: null,
    })
    const answer = await patch(partner.partnerId, {
      ecosystemManagerName: '  Lena Wu ',
      ecosystemManagerEmail: ' Lena.Wu@Ecosystem.EXAMPLE ',
    })
    expect(answer.status).toBe(200)
    expect(AdminPartner.parse(answer.body).ecosystemManager).toEqual({
      name: 'Lena Wu',
      email: 'lena.wu@ecosystem.example',
    })
    const [audit] = await auditEvents(
      t,
      'partner.capabilities_changed',
      answer.headers.get('x-request-id')!
    )
    expect(audit?.details).toEqual({
      before: { ecosystemManagerName: null, ecosystemManagerEmail: null },
      after: {
        ecosystemManagerName: 'Lena Wu',
        ecosystemManagerEmail: 'lena.wu@ecosystem.example',
      },
    })
    expect((await meOf(partner.users[0]!.email)).partner?.ecosystemManager).toEqual({
      name: 'Lena Wu',
      email: 'lena.wu@ecosystem.example',
    })
  })

  it('clears either field with null, the other staying', async () => {
    const partner = await t.createPartner({
      ecosystemManagerName: 'Lena Wu',
      ecosystemManagerEmail: 'lena.wu@ecosystem.example',
    })
    const cleared = await patch(partner.partnerId, { ecosystemManagerEmail: null })
    expect(AdminPartner.parse(cleared.body).ecosystemManager).toEqual({
      name: 'Lena Wu',
      email: null,
    })
    const both = await patch(partner.partnerId, { ecosystemManagerName: null })
    expect(AdminPartner.parse(both.body).ecosystemManager).toEqual({ name: null, email: null })
  })

  it.each([
    ['a name of 101 characters', { ecosystemManagerName: 'x'.repeat(101) }, 'ecosystemManagerName'],
    [
      'a name with a control character',
      { ecosystemManagerName: 'Lena\u0007Wu' },
      'ecosystemManagerName',
    ],
    [
      'a name with a line break',
      { ecosystemManagerName: 'Lena\nBcc: x@y.example' },
      'ecosystemManagerName',
    ],
    [
      'an email that is no address',
      { ecosystemManagerEmail: 'lena at ecosystem' },
      'ecosystemManagerEmail',
    ],
    [
      'an email with a mixed-script domain',
      { ecosystemManagerEmail: 'lena@pаypal.example' },
      'ecosystemManagerEmail',
    ],
  ])('refuses %s with VALIDATION_FAILED and changes nothing', async (_, body, path) => {
    const partner = await t.createPartner({ ecosystemManagerName: 'Lena Wu' })
    const before = await t.countRows()
    const answer = await patch(partner.partnerId, body)
    expect(errorOf(answer)).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    // The field is named, whether the route's control-character check (R4) or the domain refused it.
    const { error } = answer.body as { error?: { details?: { issues?: { path: string }[] } } }
    expect(error?.details?.issues?.map((issue) => issue.path)).toEqual([path])
    expect(await t.countRows()).toEqual(before)
    const list = await t.call<{ items: AdminPartner[] }>('GET', '/api/v1/admin/partners', {
      token: manager,
    })
    const stored = list.body.items.find((item) => item.id === partner.partnerId)
    expect(stored?.ecosystemManager).toEqual({ name: 'Lena Wu', email: null })
  })
})
