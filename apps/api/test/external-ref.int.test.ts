import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CD, type TestApp } from './helpers'
import { caseEmail, createOwner, type Owner } from './state-machines/state-fixtures'
import { createTestApp } from './test-app'

// Issue 21, R122: the partner's own reference of a customer, set at pre-registration, stored
// trimmed, never masked, returned in the list, History Records and batch answers, and a filter
// of both lists (an exact, case-sensitive match).

let t: TestApp
let owner: Owner
beforeAll(async () => {
  t = await createTestApp()
  owner = await createOwner(t)
})
afterAll(async () => {
  await t?.close()
})

interface ErrorBody {
  error?: { code: string; details?: { issues?: { path: string; message: string }[] } }
}
interface Page {
  items: { id: string; externalRef: string | null; preregistrationId?: string | null }[]
  total: number
}

const preregister = (body: Record<string, unknown>) =>
  t.call<{ id: string; externalRef: string | null } & ErrorBody>('POST', `${CD}/preregistrations`, {
    token: owner.token,
    body: { customerName: 'Reference Co', email: caseEmail('ref'), ...body },
  })
const list = (path: string) => t.call<Page>('GET', `${CD}/${path}`, { token: owner.token })

describe('externalRef on a pre-registration (R122)', () => {
  it('is stored trimmed and as entered; absent or null is none', async () => {
    expect((await preregister({ externalRef: '  crm-Ä 7 ' })).body.externalRef).toBe('crm-Ä 7')
    expect((await preregister({ externalRef: null })).body.externalRef).toBeNull()
    expect((await preregister({})).body.externalRef).toBeNull()
  })

  it.each([
    ['', 'REQUIRED'],
    ['   ', 'REQUIRED'],
    ['x'.repeat(65), 'TOO_LONG'],
    ['CRM\u200b42', 'FORMAT_CHARACTER'],
    ['\u202eCRM', 'FORMAT_CHARACTER'],
  ])('refuses %j with VALIDATION_FAILED, reason %s, and stores nothing', async (ref, reason) => {
    const email = caseEmail('ref.bad')
    const answer = await preregister({ email, externalRef: ref })
    expect(answer.status).toBe(400)
    expect(answer.body.error?.code).toBe('VALIDATION_FAILED')
    expect(answer.body.error?.details?.issues).toContainEqual({
      path: 'externalRef',
      message: reason,
    })
    expect((await preregister({ email })).status).toBe(201)
  })

  it('refuses a control character first (R4)', async () => {
    const answer = await preregister({ externalRef: 'CRM\n42' })
    expect(answer.status).toBe(400)
    expect(answer.body.error?.details?.issues).toContainEqual({
      path: 'externalRef',
      message: 'CONTROL_CHARACTER',
    })
  })

  it('accepts 64 characters of four bytes each', async () => {
    const ref = '𝔸'.repeat(64)
    expect((await preregister({ externalRef: ref })).body.externalRef).toBe(ref)
  })
})

describe('externalRef in the lists and batch answers (R122)', () => {
  it('filters the customer list and History Records by an exact match', async () => {
    const ref = `CRM-${crypto.randomUUID().slice(0, 8)}`
    const a = await preregister({ externalRef: ref })
    const b = await preregister({ externalRef: ref })
    await preregister({ externalRef: ref.toLowerCase() })
    await preregister({ externalRef: `${ref}-2` })
    const found = await list(`preregistrations?externalRef=${encodeURIComponent(ref)}`)
    expect(found.status).toBe(200)
    expect(found.body.items.map((item) => item.id).sort()).toEqual([a.body.id, b.body.id].sort())
    expect(found.body.items.every((item) => item.externalRef === ref)).toBe(true)

    const invited = await t.call<{
      results: { preregistrationId: string; externalRef?: string }[]
    }>('POST', `${CD}/invitations`, {
      token: owner.token,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: { preregistrationIds: [a.body.id], associationType: 'reseller' },
    })
    expect(invited.body.results).toEqual([
      expect.objectContaining({ preregistrationId: a.body.id, externalRef: ref }),
    ])
    const history = await list(`history?externalRef=${encodeURIComponent(ref)}`)
    expect(history.body.items).toEqual([
      expect.objectContaining({ preregistrationId: a.body.id, externalRef: ref }),
    ])
    expect((await list(`history?externalRef=${ref.toLowerCase()}`)).body.items).toEqual([])
  })

  it('answers it in the delete results', async () => {
    const created = await preregister({ externalRef: 'CRM-DEL' })
    const deleted = await t.call<{ results: { externalRef?: string | null }[] }>(
      'POST',
      `${CD}/preregistrations/batch-delete`,
      { token: owner.token, body: { preregistrationIds: [created.body.id] } }
    )
    expect(deleted.body.results).toEqual([expect.objectContaining({ externalRef: 'CRM-DEL' })])
  })
})
