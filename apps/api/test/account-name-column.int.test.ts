// Issue 16 item 2: the list's "Customer Name/Account Name" column (domain.md S5). The account's
// display name is shown only once the customer associated (CONVERTED through an ACTIVE
// association), masked like a name and revealed with the name column; never for an account the
// identity merely resolved to, which would tell the partner who is behind an email before consent.
import { executeRows } from '@partner-center/db'
import { demoId } from '@partner-center/db/seed'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, CD, P, PUBLIC } from './helpers'
import { demoLinkToken } from './public/link-fixtures'
import { createTestApp } from './test-app'

let t: Awaited<ReturnType<typeof createTestApp>>
let admin = ''
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.signIn('admin@acme.example')
})
afterAll(async () => {
  await t.close()
})

interface Item {
  id: string
  status: string
  customerName: string
  accountName: string | null
}

async function list(query = '') {
  const response = await t.call<{ items: Item[] }>(
    'GET',
    `${CD}/preregistrations?pageSize=100${query}`,
    { token: admin }
  )
  expect(response.status).toBe(200)
  const byId = new Map(response.body.items.map((item) => [item.id, item]))
  return { response, byId, text: response.text }
}

// Non-CONVERTED seeded rows whose identity resolved to an account at creation (R18).
const MATCHED_NOT_ASSOCIATED = ['P03', 'P06', 'P07', 'P11', 'P12'] as const

describe('the Customer Name/Account Name column (S5)', () => {
  it('carries the masked account name of associated rows and null for every other row', async () => {
    const { byId, text } = await list()
    expect(byId.get(P('P05'))).toMatchObject({ customerName: 'D***', accountName: 'D***' })
    expect(byId.get(P('P15'))).toMatchObject({ customerName: 'E***', accountName: 'L***' })
    expect(byId.get(P('P16'))).toMatchObject({ customerName: 'I***', accountName: 'Z***' })
    const others = [...byId.values()].filter((item) => item.status !== 'CONVERTED')
    expect(others.length).toBeGreaterThan(0)
    expect(others.map((item) => item.accountName)).toEqual(others.map(() => null))
    expect(text).not.toContain('Lin Hao')
    expect(text).not.toContain('Zhou Min')
  })

  it('reveals account names with reveal=name and writes exactly one pii.revealed event', async () => {
    const { response, byId, text } = await list('&reveal=name')
    expect(byId.get(P('P15'))).toMatchObject({
      customerName: 'Eta Consulting',
      accountName: 'Lin Hao',
    })
    expect(byId.get(P('P16'))?.accountName).toBe('Zhou Min')
    expect(byId.get(P('P05'))?.accountName).toBe('Delta Media')
    const audits = await auditEvents(t, 'pii.revealed', response.headers.get('x-request-id')!)
    expect(audits).toHaveLength(1)
    expect(audits[0]?.details).toMatchObject({ columns: ['name'] })
    expect(audits[0]?.details.rowIds).toEqual(expect.arrayContaining([P('P15'), P('P16')]))
    expect(JSON.stringify(audits)).not.toContain('Lin Hao')
    // Revealing names never exposes the account a not-yet-associated identity resolved to.
    for (const name of MATCHED_NOT_ASSOCIATED) expect(byId.get(P(name))?.accountName).toBeNull()
    expect(text).not.toContain('Reserved Instances')
  })

  it('shows a matched account only after its customer accepted the invitation', async () => {
    const before = await list('&reveal=name')
    expect(before.byId.get(P('P03'))).toMatchObject({
      status: 'PRE_REGISTERED',
      accountName: null,
    })
    const signIn = await t.call<{ token: string }>('POST', `${PUBLIC}/auth/sign-in`, {
      body: { email: 'fresh.eligible@customer.example', password: 'Passw0rd!demo' },
    })
    const accepted = await t.call('POST', `${PUBLIC}/invitations/accept`, {
      token: signIn.body.token,
      body: { token: demoLinkToken('P03-1'), instructionsAccepted: true },
    })
    expect(accepted.status).toBe(200)
    const after = await list()
    expect(after.byId.get(P('P03'))).toMatchObject({ status: 'CONVERTED', accountName: 'F***' })
  })

  it('answers null for a row that is not CONVERTED even when it points at an active association', async () => {
    // Data consistency never holds this; the query's status guard must hold without it.
    await executeRows(
      t.database.db,
      sql`update pre_registrations set association_id = ${demoId('association:iota.logistics')}
        where id = ${P('P12')}`
    )
    const { byId, text } = await list('&reveal=name')
    expect(byId.get(P('P12'))).toMatchObject({ status: 'PRE_REGISTERED', accountName: null })
    expect(byId.get(P('P16'))?.accountName).toBe('Zhou Min')
    expect(text.match(/Zhou Min/g)).toHaveLength(1)
  })

  it('answers null once the association is no longer ACTIVE', async () => {
    await executeRows(
      t.database.db,
      sql`update associations set status = 'ENDED', ended_at = ${new Date().toISOString()}
        where id = ${demoId('association:new.eta')}`
    )
    const { byId, text } = await list('&reveal=name')
    expect(byId.get(P('P15'))).toMatchObject({ status: 'CONVERTED', accountName: null })
    expect(text).not.toContain('Lin Hao')
  })
})
