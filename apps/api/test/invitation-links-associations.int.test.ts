import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, CD, errorOf, signInAll, type TestApp } from './helpers'
import { insertLinkAssociation, linkRow, LINKS, type PageBody } from './invitation-link-fixtures'
import { createTestApp, T } from './test-app'

// Customers associated through links (domain.md R98, R90): masked like the other lists, revealed
// with their audit, an account manager's own links only. The rows are written directly as a link
// association leaves them (the public accept endpoint is built and tested elsewhere).

let t: TestApp
let tokens: Record<string, string> = {}
const ASSOCIATIONS = `${CD}/link-associations`
const ENDPOINT = 'GET /api/v1/customer-development/link-associations'

interface AssociationBody {
  id: string
  customerName: string
  email: string | null
  mobile: string | null
  accountName: string | null
  linkId: string
  linkTag: string
  channel: string
  associationType: string
  associatedAt: string
}

const minutes = (n: number) => new Date(T.getTime() + n * 60_000)
let acmeId = ''

beforeAll(async () => {
  t = await createTestApp()
  tokens = await signInAll(t, [
    'admin@acme.example',
    'am@acme.example',
    'viewer@acme.example',
    'admin@umbrella.example',
  ])
  const custom = await t.call<{ id: string }>('POST', LINKS, {
    token: tokens['admin@acme.example'],
    body: { tag: 'Spring Fair' },
  })
  const amLink = await t.call<{ id: string }>('POST', LINKS, {
    token: tokens['am@acme.example'],
    body: { tag: 'AM Roadshow' },
  })
  const general = await t.call<{ id: string }>('POST', `${LINKS}/general`, {
    token: tokens['admin@acme.example'],
  })
  const umbrella = await t.call<{ id: string }>('POST', LINKS, {
    token: tokens['admin@umbrella.example'],
    body: { tag: 'Spring Fair' },
  })
  const [customRow, amRow, generalRow, umbrellaRow] = await Promise.all(
    [custom, amLink, general, umbrella].map((answer) => linkRow(t, answer.body.id))
  )
  if (!customRow || !amRow || !generalRow || !umbrellaRow) throw new Error('links')
  acmeId = customRow.partnerId
  const rows = [
    { link: customRow, n: 1, name: 'Lambda Foods', email: 'lambda.foods@customer.example' },
    { link: customRow, n: 2, name: 'Mu Logistics', email: 'mu.log@customer.example' },
    { link: generalRow, n: 3, name: 'Nu Retail', email: 'nu.retail@customer.example' },
    { link: amRow, n: 4, name: 'Xi Travel', email: 'xi.travel@customer.example' },
  ]
  for (const row of rows) {
    await insertLinkAssociation(t, {
      partnerId: row.link.partnerId,
      link: row.link,
      customerName: row.name,
      email: row.email,
      mobile: `+861380000${String(row.n).padStart(4, '0')}`,
      accountName: `${row.name} Account`,
      acceptedAt: minutes(row.n),
    })
  }
  // Not listed: a failed link row of Acme, and an association of another partner.
  await insertLinkAssociation(t, {
    partnerId: acmeId,
    link: customRow,
    customerName: 'Omicron Failed',
    email: 'omicron@customer.example',
    accountName: 'Omicron Account',
    acceptedAt: minutes(5),
    status: 'ASSOCIATION_FAILED',
  })
  await insertLinkAssociation(t, {
    partnerId: umbrellaRow.partnerId,
    link: umbrellaRow,
    customerName: 'Pi Umbrella',
    email: 'pi.umbrella@customer.example',
    accountName: 'Pi Account',
    acceptedAt: minutes(6),
  })
})
afterAll(async () => {
  await t.close()
})

const page = (query = '', email = 'admin@acme.example') =>
  t.call<PageBody<AssociationBody>>('GET', `${ASSOCIATIONS}${query}`, { token: tokens[email] })

describe('GET …/link-associations (R98)', () => {
  it('lists the partner’s ACCEPTED link rows newest first, masked by default', async () => {
    const answer = await page()
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ total: 4, page: 1, pageSize: 20 })
    expect(answer.body.items.map((item) => item.linkTag)).toEqual([
      'AM Roadshow',
      'admin@acme.example',
      'Spring Fair',
      'Spring Fair',
    ])
    expect(answer.body.items[0]).toEqual({
      id: expect.any(String) as string,
      customerName: 'X***',
      email: 'x***@customer.example',
      mobile: '+86 ****0004',
      accountName: 'X***',
      linkId: expect.any(String) as string,
      linkTag: 'AM Roadshow',
      channel: 'custom_link',
      associationType: 'reseller',
      associatedAt: minutes(4).toISOString(),
    })
    expect(answer.body.items[1]?.channel).toBe('general_link')
    expect(answer.text).not.toMatch(/Lambda|Xi Travel|lambda\.foods|Omicron|Pi Umbrella/)
  })

  it('reveals with reveal=name,email,mobile and writes one pii.revealed event naming the endpoint', async () => {
    const answer = await page('?reveal=name,email,mobile&pageSize=1')
    expect(answer.body.items).toEqual([
      expect.objectContaining({
        customerName: 'Xi Travel',
        email: 'xi.travel@customer.example',
        mobile: '+8613800000004',
        accountName: 'Xi Travel Account',
      }),
    ])
    const events = (await auditEvents(t, 'pii.revealed')).filter(
      (event) => event.details.endpoint === ENDPOINT
    )
    expect(events).toHaveLength(1)
    expect(events[0]?.details).toMatchObject({
      columns: ['email', 'mobile', 'name'],
      rowIds: [answer.body.items[0]?.id],
    })
    const emailOnly = await page('?reveal=email&pageSize=1')
    expect(emailOnly.body.items[0]).toMatchObject({
      customerName: 'X***',
      accountName: 'X***',
      email: 'xi.travel@customer.example',
    })
  })

  it('pages with R35’s envelope', async () => {
    const second = await page('?pageSize=3&page=2')
    expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 3 })
    expect(second.body.items).toHaveLength(1)
    expect(second.body.items[0]?.associatedAt).toBe(minutes(1).toISOString())
  })

  it('searches names, emails and mobiles (audited as a PII search) and the tag key', async () => {
    const tags = async (q: string) =>
      (await page(`?q=${encodeURIComponent(q)}`)).body.items.map((item) => item.email)
    expect(await tags('lambda')).toEqual(['l***@customer.example'])
    expect(await tags('MU.LOG@customer.example')).toEqual(['m***@customer.example'])
    expect(await tags('00000003')).toEqual(['n***@customer.example'])
    expect(await tags('ＳＰＲＩＮＧ')).toHaveLength(2)
    expect(await tags('roadshow')).toEqual(['x***@customer.example'])
    expect(await tags('nobody')).toEqual([])
    const searched = (await auditEvents(t, 'pii.searched')).filter(
      (event) => event.details.endpoint === ENDPOINT
    )
    expect(searched.length).toBeGreaterThanOrEqual(2)
    expect(JSON.stringify(searched)).not.toContain('mu.log@')
  })

  it('shows an account manager only the associations of their own links', async () => {
    const answer = await page('', 'am@acme.example')
    expect(answer.body.total).toBe(1)
    expect(answer.body.items.map((item) => item.linkTag)).toEqual(['AM Roadshow'])
  })

  it('keeps partners apart', async () => {
    const answer = await page('?reveal=name', 'admin@umbrella.example')
    expect(answer.body.items.map((item) => item.customerName)).toEqual(['Pi Umbrella'])
  })

  it('lets a read-only user list and reveal (custdev.reveal), and refuses bad queries', async () => {
    expect((await page('?reveal=name', 'viewer@acme.example')).body.items[0]?.customerName).toBe(
      'Xi Travel'
    )
    for (const query of ['?reveal=address', '?q=a', '?pageSize=0', '?status=ACTIVE']) {
      expect(errorOf(await page(query))).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    }
    expect(errorOf(await t.call('GET', ASSOCIATIONS))).toEqual({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    })
  })
})
