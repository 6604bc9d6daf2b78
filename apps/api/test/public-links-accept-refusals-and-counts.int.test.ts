import { executeRows } from '@partner-center/db'
import { preRegistrations } from '@partner-center/db/schema'
import { failureMessage } from '@partner-center/domain'
import { eq, sql } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, CD, errorOf, type TestApp } from './helpers'
import {
  caseEmail,
  createOwner,
  insertInvitation,
  insertPreregistration,
  type Owner,
} from './state-machines/state-fixtures'
import { insertInvitationLink, linkCustomer, PUBLIC_LINKS } from './support/public-link-fixtures'
import {
  linkAcceptSteps,
  openLinkAcceptWorld,
  type InsertedLink,
} from './support/link-accept-world'

// Issue 20 points 3 and 4: accepting through an invitation link (domain.md R106, R107, R110–R112):
// refusals recorded as link rows, email invitations verifying the email, link rows outside the
// caps, an account manager's History Records and the ecosystem manager's count per source.

let t: TestApp
let owner: Owner
let link: InsertedLink
const { accept, linkRowsOf } = linkAcceptSteps(() => ({ t, owner, link }))

beforeAll(async () => {
  ;({ t, owner, link } = await openLinkAcceptWorld())
})
afterAll(async () => {
  await t?.close()
})

describe('refusals at R107 steps 5–7 (I11)', () => {
  it('records an ASSOCIATION_FAILED link row naming the row it would have converted, which stays', async () => {
    const email = caseEmail('unpaid')
    const prereg = await insertPreregistration(t, owner, { status: 'PRE_REGISTERED', email })
    const customer = await linkCustomer(t, email, { flags: { hasUnpaidBills: true } })
    const answer = await accept(customer.token)
    expect(errorOf(answer)).toEqual({ status: 422, code: 'UNPAID_BILLS' })
    const [row] = await linkRowsOf(customer.id)
    expect(row).toMatchObject({
      status: 'ASSOCIATION_FAILED',
      channel: 'custom_link',
      failureCode: 'UNPAID_BILLS',
      preregistrationId: prereg,
      linkTag: 'Spring Fair',
    })
    const [kept] = await t.database.db
      .select({ status: preRegistrations.status })
      .from(preRegistrations)
      .where(eq(preRegistrations.id, prereg))
    expect(kept?.status).toBe('PRE_REGISTERED')
    const failed = await auditEvents(t, 'invitation.association_failed')
    expect(failed.find((a) => a.entity_id === row!.id)?.details).toMatchObject({
      code: 'UNPAID_BILLS',
      channel: 'custom_link',
    })
  })

  it('records a partner-check failure with no row to convert (preregistrationId null)', async () => {
    const partner = await t.createPartner({ customerDevelopmentEnabled: false })
    const other = await insertInvitationLink(t, {
      partnerId: partner.partnerId,
      createdByUserId: partner.users[0]!.id,
    })
    const customer = await linkCustomer(t, caseEmail('cd-off'))
    expect(errorOf(await accept(customer.token, other.code))).toEqual({
      status: 403,
      code: 'CUSTOMER_DEVELOPMENT_NOT_ENABLED',
    })
    const [row] = await linkRowsOf(customer.id)
    expect(row).toMatchObject({
      status: 'ASSOCIATION_FAILED',
      failureCode: 'CUSTOMER_DEVELOPMENT_NOT_ENABLED',
      preregistrationId: null,
    })
  })

  it('refuses a customer protected by another partner’s pre-registration with the email’s code and texts', async () => {
    const email = caseEmail('protected')
    const rival = await createOwner(t)
    const held = await insertPreregistration(t, rival, { status: 'PRE_REGISTERED', email })
    const customer = await linkCustomer(t, email)
    const answer = await t.call('POST', `${PUBLIC_LINKS}/accept`, {
      token: customer.token,
      headers: { 'accept-language': 'zh-CN' },
      body: { code: link.code, instructionsAccepted: true },
    })
    expect(errorOf(answer)).toEqual({ status: 409, code: 'PREREGISTERED_BY_ANOTHER_PARTNER' })
    expect(answer.body.error?.message).toBe(
      failureMessage('PREREGISTERED_BY_ANOTHER_PARTNER', 'zh-CN')
    )
    const [rivalRow] = await t.database.db
      .select({ status: preRegistrations.status })
      .from(preRegistrations)
      .where(eq(preRegistrations.id, held))
    expect(rivalRow?.status).toBe('PRE_REGISTERED')
    expect((await linkRowsOf(customer.id))[0]?.failureCode).toBe('PREREGISTERED_BY_ANOTHER_PARTNER')
  })
})

describe('email invitations verify the email (R106)', () => {
  it('sets emailVerified when an email invitation is accepted, audited once', async () => {
    const email = caseEmail('r106')
    const prereg = await insertPreregistration(t, owner, { status: 'PRE_REGISTERED', email })
    const sent = await insertInvitation(t, owner, {
      status: 'SENT',
      preregistrationId: prereg,
      email,
    })
    const customer = await linkCustomer(t, email, { emailVerified: false })
    const answer = await t.call('POST', '/api/v1/public/invitations/accept', {
      token: customer.token,
      body: { token: sent.token, instructionsAccepted: true },
    })
    expect(answer.status).toBe(200)
    const me = await t.call('GET', '/api/v1/public/auth/me', { token: customer.token })
    expect(me.body).toMatchObject({ emailVerified: true })
    const audits = await auditEvents(t, 'customer_account.email_verified')
    expect(audits.filter((a) => a.entity_id === customer.id)).toHaveLength(1)
  })
})

describe('link rows count towards no cap or cooldown (R110)', () => {
  it('invites a customer whose link rows would exceed the recipient and partner caps', async () => {
    const capped = await createOwner(t)
    await executeRows(
      t.database.db,
      sql`update partners set daily_invite_cap = 1 where id = ${capped.partnerId}`
    )
    const cappedLink = await insertInvitationLink(t, {
      partnerId: capped.partnerId,
      createdByUserId: capped.userId,
    })
    const email = caseEmail('caps')
    // Three refused link acceptances today: three link rows for this recipient and partner.
    const customer = await linkCustomer(t, email, { flags: { hasUnpaidBills: true } })
    for (let i = 0; i < 3; i += 1) {
      expect((await accept(customer.token, cappedLink.code)).status).toBe(422)
    }
    await t.call('PATCH', `/api/v1/test/customer-accounts/${customer.id}`, {
      body: { hasUnpaidBills: false },
    })
    const prereg = await insertPreregistration(t, capped, { status: 'PRE_REGISTERED', email })
    const invited = await t.call<{ queued: number; skipped: number }>('POST', `${CD}/invitations`, {
      token: capped.token,
      headers: { 'idempotency-key': randomUUID() },
      body: { preregistrationIds: [prereg], associationType: 'reseller' },
    })
    expect(invited.status).toBe(202)
    expect(invited.body).toMatchObject({ queued: 1, skipped: 0 })
  })
})

describe('History Records and the ecosystem manager (R111, R112)', () => {
  it('shows an account manager the link rows of their own links only (R90)', async () => {
    const partner = await t.createPartner({
      users: [
        { role: 'account_manager', locale: 'en' },
        { role: 'account_manager', locale: 'en' },
      ],
    })
    const [mine, theirs] = partner.users
    const own = await insertInvitationLink(t, {
      partnerId: partner.partnerId,
      createdByUserId: mine!.id,
    })
    const other = await insertInvitationLink(t, {
      partnerId: partner.partnerId,
      createdByUserId: theirs!.id,
    })
    for (const code of [own.code, other.code]) {
      const customer = await linkCustomer(t, caseEmail('am'))
      expect((await accept(customer.token, code)).status).toBe(200)
    }
    const token = await t.signIn(mine!.email)
    const history = await t.call<{ items: { linkTag: string | null }[]; total: number }>(
      'GET',
      `${CD}/history`,
      { token }
    )
    expect(history.status).toBe(200)
    expect(history.body.items.map((i) => i.linkTag)).toEqual([own.tag])
  })

  it('counts each partner’s active associations per source for the ecosystem manager', async () => {
    const partner = await t.createPartner({ name: 'Source Count Partners' })
    const userId = partner.users[0]!.id
    const general = await insertInvitationLink(t, {
      partnerId: partner.partnerId,
      createdByUserId: userId,
      kind: 'GENERAL',
      tag: partner.users[0]!.email,
    })
    const custom = await insertInvitationLink(t, {
      partnerId: partner.partnerId,
      createdByUserId: userId,
    })
    for (const [code, count] of [
      [general.code, 2],
      [custom.code, 1],
    ] as const) {
      for (let i = 0; i < count; i += 1) {
        const customer = await linkCustomer(t, caseEmail('by-source'))
        expect((await accept(customer.token, code)).status).toBe(200)
      }
    }
    const manager = await t.signIn('manager@ecosystem.example')
    const list = await t.call<{
      items: { id: string; associationsBySource: Record<string, number> }[]
    }>('GET', '/api/v1/admin/partners', { token: manager })
    expect(list.body.items.find((p) => p.id === partner.partnerId)?.associationsBySource).toEqual({
      email: 0,
      general_link: 2,
      custom_link: 1,
    })
    const acme = list.body.items.find((p) => (p.associationsBySource.email ?? 0) > 0)
    expect(acme).toBeDefined()
  })
})
