import { executeRows } from '@partner-center/db'
import {
  associations,
  customerAccounts,
  invitationLinks,
  invitations,
  outbox,
  preRegistrations,
} from '@partner-center/db/schema'
import { BUSINESS_TABLES, countTableRows } from '@partner-center/db/testing'
import { failureMessage } from '@partner-center/domain'
import { and, eq, sql } from 'drizzle-orm'
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
import { insertInvitationLink, linkCustomer, LINKS } from './support/invitation-link-fixtures'
import { createTestApp } from './test-app'

// Issue 20 points 3 and 4: accepting through an invitation link (domain.md R106–R112): the
// order of checks, the one transaction, the attribution to a pre-registration, the link rows in
// History Records and the caps, and the ecosystem manager's count per source.

let t: TestApp
let owner: Owner
let link: Awaited<ReturnType<typeof insertInvitationLink>>

const TABLES = [...new Set([...BUSINESS_TABLES, 'invitation_links', 'pending_link_registrations'])]

beforeAll(async () => {
  t = await createTestApp()
  owner = await createOwner(t)
  link = await insertInvitationLink(t, {
    partnerId: owner.partnerId,
    createdByUserId: owner.userId,
    tag: 'Spring Fair',
  })
})
afterAll(async () => {
  await t?.close()
})

function accept(token: string | undefined, code = link.code, instructionsAccepted = true) {
  return t.call('POST', `${LINKS}/accept`, {
    token,
    headers: { 'accept-language': 'zh-CN' },
    body: { code, instructionsAccepted },
  })
}

async function linkRowsOf(customerAccountId: string) {
  return t.database.db
    .select()
    .from(invitations)
    .where(
      sql`${invitations.acceptedCustomerAccountId} = ${customerAccountId} or ${invitations.failedCustomerAccountId} = ${customerAccountId}`
    )
}

async function linkCounts(linkId = link.id) {
  const [row] = await t.database.db
    .select({ associations: invitationLinks.associationCount })
    .from(invitationLinks)
    .where(eq(invitationLinks.id, linkId))
  return row?.associations
}

describe('accepting through a link: order of checks (R107 steps 1–4)', () => {
  it('answers NOT_AUTHENTICATED, the link code, EMAIL_NOT_VERIFIED and AGREEMENT_REQUIRED, writing nothing', async () => {
    const customer = await linkCustomer(t, caseEmail('order'), { emailVerified: false })
    const disabled = await insertInvitationLink(t, {
      partnerId: owner.partnerId,
      createdByUserId: owner.userId,
      status: 'DISABLED',
    })
    const before = await countTableRows(t.database.db, TABLES)
    expect(errorOf(await accept(undefined))).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' })
    const stopped = await accept(customer.token, disabled.code, false)
    expect(errorOf(stopped)).toEqual({ status: 410, code: 'OFFLINE_LINK_DISABLED' })
    expect(typeof stopped.body.error?.details?.partnerName).toBe('string')
    expect(errorOf(await accept(customer.token, link.code, false))).toEqual({
      status: 403,
      code: 'EMAIL_NOT_VERIFIED',
    })
    await t.database.db
      .update(customerAccounts)
      .set({ emailVerified: true })
      .where(eq(customerAccounts.id, customer.id))
    expect(errorOf(await accept(customer.token, link.code, false))).toEqual({
      status: 422,
      code: 'AGREEMENT_REQUIRED',
    })
    expect(await countTableRows(t.database.db, TABLES)).toEqual(before)
  })
})

describe('a link association (R108, R109)', () => {
  it('creates the association, the ACCEPTED link row and a converted pre-registration outside the quota (P9b)', async () => {
    const email = caseEmail('p9b')
    const customer = await linkCustomer(t, email)
    const before = await linkCounts()
    const answer = await accept(customer.token)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ associationType: 'reseller', frozenPendingBudget: true })

    const [row] = await linkRowsOf(customer.id)
    expect(row).toMatchObject({
      status: 'ACCEPTED',
      channel: 'custom_link',
      linkId: link.id,
      linkTag: 'Spring Fair',
      createdByUserId: owner.userId,
      recipientEmailCanonical: email,
      locale: 'zh-CN',
      batchId: null,
      expiresAt: null,
      messageId: null,
    })
    const [association] = await t.database.db
      .select()
      .from(associations)
      .where(eq(associations.customerAccountId, customer.id))
    expect(association).toMatchObject({
      status: 'ACTIVE',
      origin: 'LINK_INVITATION',
      invitationId: row!.id,
      partnerId: owner.partnerId,
      payer: 'PARTNER',
    })
    const [created] = await t.database.db
      .select()
      .from(preRegistrations)
      .where(eq(preRegistrations.id, row!.preregistrationId!))
    expect(created).toMatchObject({
      source: 'LINK',
      status: 'CONVERTED',
      convertedVia: 'custom_link',
      associationId: association!.id,
      customerAccountId: customer.id,
      emailCanonical: email,
      createdByUserId: owner.userId,
      validFrom: null,
      validUntil: null,
    })
    expect(await linkCounts()).toBe((before ?? 0) + 1)
    const [frozen] = await t.database.db
      .select({ frozen: customerAccounts.frozen })
      .from(customerAccounts)
      .where(eq(customerAccounts.id, customer.id))
    expect(frozen?.frozen).toBe(true)
    const mails = await t.database.db
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.aggregateId, association!.id), eq(outbox.kind, 'ASSOCIATION_SUCCESS_EMAIL'))
      )
    expect(mails).toHaveLength(1)
    const accepted = await auditEvents(t, 'invitation.accepted')
    expect(accepted.find((a) => a.entity_id === row!.id)?.details).toMatchObject({
      channel: 'custom_link',
      linkId: link.id,
    })
    const converted = await auditEvents(t, 'preregistration.converted')
    expect(converted.find((a) => a.entity_id === created!.id)?.details).toMatchObject({
      created: true,
      channel: 'custom_link',
    })
    expect(JSON.stringify(await auditEvents(t, 'association.created'))).not.toContain(link.code)
  })

  it('answers LINK_ALREADY_USED through the same link and writes nothing; another link records ALREADY_ASSOCIATED', async () => {
    const customer = await linkCustomer(t, caseEmail('again'))
    expect((await accept(customer.token)).status).toBe(200)
    const before = await countTableRows(t.database.db, TABLES)
    expect(errorOf(await accept(customer.token))).toEqual({
      status: 409,
      code: 'LINK_ALREADY_USED',
    })
    expect(await countTableRows(t.database.db, TABLES)).toEqual(before)
    const other = await insertInvitationLink(t, {
      partnerId: owner.partnerId,
      createdByUserId: owner.userId,
    })
    expect(errorOf(await accept(customer.token, other.code))).toEqual({
      status: 409,
      code: 'ALREADY_ASSOCIATED',
    })
    const rows = await linkRowsOf(customer.id)
    expect(rows.map((r) => [r.status, r.linkId, r.failureCode]).sort()).toEqual(
      [
        ['ACCEPTED', link.id, null],
        ['ASSOCIATION_FAILED', other.id, 'ALREADY_ASSOCIATED'],
      ].sort()
    )
  })

  it('converts the newest overlapping pre-registration and revokes its live invitation (P9a, I6c)', async () => {
    const email = caseEmail('p9a')
    const now = t.clock.now().getTime()
    const older = await insertPreregistration(t, owner, {
      status: 'REJECTED',
      email,
      createdAt: new Date(now - 3 * 86_400_000),
    })
    const newer = await insertPreregistration(t, owner, {
      status: 'PRE_REGISTERED',
      email,
      createdAt: new Date(now - 86_400_000),
    })
    const sent = await insertInvitation(t, owner, {
      status: 'SENT',
      preregistrationId: newer,
      email,
    })
    const [reminder] = await t.database.db
      .insert(outbox)
      .values({
        kind: 'INVITATION_REMINDER',
        aggregateId: sent.id,
        payload: { invitationId: sent.id },
        dedupeKey: `invitation:${sent.id}:reminder`,
        status: 'PENDING',
        runAfter: t.clock.now(),
        createdAt: t.clock.now(),
      })
      .returning({ id: outbox.id })
    const customer = await linkCustomer(t, email)
    expect((await accept(customer.token)).status).toBe(200)

    const status = async (id: string) =>
      (
        await t.database.db
          .select({ status: preRegistrations.status, via: preRegistrations.convertedVia })
          .from(preRegistrations)
          .where(eq(preRegistrations.id, id))
      )[0]
    expect(await status(newer)).toEqual({ status: 'CONVERTED', via: 'custom_link' })
    expect(await status(older)).toEqual({ status: 'REJECTED', via: null })
    const [revoked] = await t.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, sent.id))
    expect(revoked).toMatchObject({ status: 'REVOKED', failureCode: 'LINK_ASSOCIATED' })
    const [cancelled] = await t.database.db
      .select({ status: outbox.status })
      .from(outbox)
      .where(eq(outbox.id, reminder!.id))
    expect(cancelled?.status).toBe('CANCELLED')
    const [row] = await linkRowsOf(customer.id)
    expect(row?.preregistrationId).toBe(newer)
    const audits = await auditEvents(t, 'invitation.revoked')
    expect(audits.find((a) => a.entity_id === sent.id)?.details).toMatchObject({
      failureCode: 'LINK_ASSOCIATED',
      channel: 'custom_link',
      linkId: link.id,
    })
    // Its email link is used up: LINK_ALREADY_USED, not LINK_REVOKED (I6c).
    const opened = await t.call('POST', '/api/v1/public/invitations/resolve', {
      body: { token: sent.token },
    })
    expect(errorOf(opened)).toEqual({ status: 409, code: 'LINK_ALREADY_USED' })
    // History shows the revoked email row with the link association's reason.
    const history = await t.call<{ items: { id: string; failure: { code: string } | null }[] }>(
      'GET',
      `${CD}/history?channel=email&pageSize=100`,
      { token: owner.token }
    )
    expect(history.body.items.find((i) => i.id === sent.id)?.failure?.code).toBe('LINK_ASSOCIATED')
  })

  it('applies the age/spend waiver of the converted row only for this account', async () => {
    const email = caseEmail('waived')
    const customer = await linkCustomer(t, email, {
      flags: { registeredAt: new Date(t.clock.now().getTime() - 30 * 86_400_000).toISOString() },
    })
    const prereg = await insertPreregistration(t, owner, {
      status: 'PRE_REGISTERED',
      email,
      customerAccountId: customer.id,
    })
    await t.database.db
      .update(preRegistrations)
      .set({ ageSpendWaived: true })
      .where(eq(preRegistrations.id, prereg))
    expect((await accept(customer.token)).status).toBe(200)
  })
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
    const answer = await t.call('POST', `${LINKS}/accept`, {
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
  it('shows link rows with their source and tag, filters by channel, and a link row without a pre-registration cannot be resent', async () => {
    const all = await t.call<{
      items: {
        id: string
        channel: string
        linkTag: string | null
        status: string
        expiresAt: string | null
        preregistrationId: string | null
        resendCheck: { allowed: boolean; code?: string }
        invitedBy: { id: string }
      }[]
      total: number
    }>('GET', `${CD}/history?pageSize=100`, { token: owner.token })
    expect(all.status).toBe(200)
    const linkRows = all.body.items.filter((i) => i.channel !== 'email')
    expect(linkRows.length).toBeGreaterThan(0)
    for (const row of linkRows) {
      expect(row).toMatchObject({ channel: 'custom_link', expiresAt: null })
      expect(row.linkTag).not.toBeNull()
    }
    expect(linkRows.every((row) => row.invitedBy.id === owner.userId)).toBe(true)
    const emailRows = all.body.items.filter((i) => i.channel === 'email')
    expect(emailRows.every((row) => row.linkTag === null)).toBe(true)

    const onlyLinks = await t.call<{ items: { channel: string }[]; total: number }>(
      'GET',
      `${CD}/history?channel=general_link,custom_link&pageSize=100`,
      { token: owner.token }
    )
    expect(onlyLinks.body.total).toBe(linkRows.length)
    expect(new Set(onlyLinks.body.items.map((i) => i.channel))).toEqual(new Set(['custom_link']))
    const onlyEmail = await t.call<{ total: number }>('GET', `${CD}/history?channel=email`, {
      token: owner.token,
    })
    expect(onlyEmail.body.total).toBe(all.body.total - linkRows.length)
    expect(
      errorOf(await t.call('GET', `${CD}/history?channel=sms`, { token: owner.token }))
    ).toEqual({ status: 400, code: 'VALIDATION_FAILED' })

    const orphan = linkRows.find((row) => row.preregistrationId === null)
    // An ACCEPTED link row converted its pre-registration, so Resend is that row's refusal (R110);
    // an ASSOCIATION_FAILED row may name a row that still holds, which the history order does not
    // fix, so it is not picked here.
    const converted = linkRows.find(
      (row) => row.preregistrationId !== null && row.status === 'ACCEPTED'
    )
    // The ALREADY_ASSOCIATED row above converted nothing (its customer's row was CONVERTED).
    expect(orphan?.resendCheck).toEqual({ allowed: false, code: 'NOT_FOUND' })
    expect(converted?.resendCheck.allowed).toBe(false)
  })

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
