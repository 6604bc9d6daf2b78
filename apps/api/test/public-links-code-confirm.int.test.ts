import { executeRows } from '@partner-center/db'
import { customerAccounts, pendingLinkRegistrations } from '@partner-center/db/schema'
import { BUSINESS_TABLES, countTableRows } from '@partner-center/db/testing'
import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, errorOf, leakedSecrets, type TestApp } from './helpers'
import { insertInvitationLink, linkCustomer } from './support/public-link-fixtures'
import {
  linkCodeWorld,
  wrongCodeOf,
  type LinkCodeLink,
  type LinkCodePartner,
} from './support/link-code-world'

// Issue 20 point 3, second half: confirming the emailed code registers the customer through the
// link (domain.md R101–R104), and wrong, spent, expired or foreign codes register no one.
// The codes are read from the real SMTP sink, never from the DB.

const world = linkCodeWorld()
const { smtp, seenCodes, fresh, mailedCode, requestCode, confirm } = world
let t: TestApp
let partner: LinkCodePartner
let link: LinkCodeLink
beforeAll(() => {
  t = world.t
  partner = world.partner
  link = world.link
})

describe('the code step (R101–R103)', () => {
  it('creates nothing until the code is confirmed, then registers, signs in and counts', async () => {
    const email = fresh('new')
    const before = await countTableRows(t.database.db, BUSINESS_TABLES)
    const requested = await requestCode(email)
    expect(requested.status).toBe(202)
    expect(Object.keys(requested.body).sort()).toEqual([
      'expiresAt',
      'pendingRegistrationId',
      'resendAfterSeconds',
    ])
    expect(requested.body).toMatchObject({
      expiresAt: '2026-03-02T09:10:00.000Z',
      resendAfterSeconds: 60,
    })
    const after = await countTableRows(t.database.db, BUSINESS_TABLES)
    // The pending row and its EMAIL_CODE outbox row only: no account, pre-registration,
    // invitation or audit event.
    expect(after).toEqual({
      ...before,
      outbox: before.outbox! + 1,
      pending_link_registrations: before.pending_link_registrations! + 1,
    })

    const code = await mailedCode(email)
    const mail = smtp.sink.list().find((m) => m.to.includes(email))!
    expect(mail.subject).toBe(`${code} is your Example Cloud verification code`)
    expect(mail.messageId).toBe(
      `<email-code.${requested.body.pendingRegistrationId}@partner-center.local>`
    )
    expect(mail.text).toContain('the invitation from Lumen Partners')
    const [stored] = await t.database.db
      .select()
      .from(pendingLinkRegistrations)
      .where(eq(pendingLinkRegistrations.id, requested.body.pendingRegistrationId))
    expect(stored?.codeHash).toMatch(/^k1:/)
    expect(stored?.codeHash).not.toContain(code)

    const registered = await confirm(requested.body.pendingRegistrationId, code)
    expect(registered.status).toBe(201)
    expect(registered.body.customer.email).toBe(email)
    const me = await t.call('GET', '/api/v1/public/auth/me', { token: registered.body.token })
    expect(me.body).toMatchObject({ email, emailVerified: true })
    const [account] = await t.database.db
      .select()
      .from(customerAccounts)
      .where(eq(customerAccounts.emailCanonical, email))
    expect(account).toMatchObject({ registeredVia: 'LINK', emailVerified: true, isPartner: false })
    const counts = await executeRows<{ registration_count: number }>(
      t.database.db,
      sql`select registration_count from invitation_links where id = ${link.id}`
    )
    expect(counts[0]?.registration_count).toBeGreaterThanOrEqual(1)
    const audits = await auditEvents(t, 'customer_account.registered')
    expect(audits.find((a) => a.entity_id === account?.id)?.details).toMatchObject({
      linkId: link.id,
      channel: 'custom_link',
    })
    // It does not accept (as R61).
    const associated = await executeRows(
      t.database.db,
      sql`select 1 from associations where customer_account_id = ${account!.id}`
    )
    expect(associated).toHaveLength(0)
    // The code is spent.
    expect(errorOf(await confirm(requested.body.pendingRegistrationId, code))).toEqual({
      status: 410,
      code: 'EMAIL_CODE_EXPIRED',
    })
  })

  it('answers ACCOUNT_EXISTS at confirmation when the address has an account then', async () => {
    const email = fresh('late')
    const requested = await requestCode(email)
    const code = await mailedCode(email)
    // The same address registers through an email invitation meanwhile (R104's race).
    await linkCustomer(t, email)
    const answer = await confirm(requested.body.pendingRegistrationId, code)
    expect(errorOf(answer)).toEqual({ status: 409, code: 'ACCOUNT_EXISTS' })
    const [row] = await t.database.db
      .select({ status: pendingLinkRegistrations.status })
      .from(pendingLinkRegistrations)
      .where(eq(pendingLinkRegistrations.id, requested.body.pendingRegistrationId))
    expect(row?.status).toBe('CONFIRMED')
  })

  it('refuses a mobile used by an account at confirmation and keeps the row usable', async () => {
    const holder = fresh('mobile-holder')
    await linkCustomer(t, holder, { mobile: '+8613912345678' })
    const email = fresh('mobile')
    const requested = await requestCode(email, { mobile: '+86 139 1234 5678' })
    expect(requested.status).toBe(202)
    const code = await mailedCode(email)
    const refused = await confirm(requested.body.pendingRegistrationId, code)
    expect(errorOf(refused)).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    expect(refused.text).toContain('mobile')
    await executeRows(
      t.database.db,
      sql`update customer_accounts set mobile_e164 = null where email_canonical = ${holder}`
    )
    expect((await confirm(requested.body.pendingRegistrationId, code)).status).toBe(201)
  })

  it('voids the row at the fifth wrong code and refuses a correct sixth, creating nothing', async () => {
    const email = fresh('wrong')
    const requested = await requestCode(email)
    const code = await mailedCode(email)
    const wrong = wrongCodeOf(code)
    const answers = []
    for (let i = 0; i < 5; i += 1) {
      const answer = await confirm(requested.body.pendingRegistrationId, wrong)
      answers.push([answer.status, answer.body.error?.code, answer.body.error?.details?.triesLeft])
    }
    expect(answers).toEqual([
      [422, 'EMAIL_CODE_INVALID', 4],
      [422, 'EMAIL_CODE_INVALID', 3],
      [422, 'EMAIL_CODE_INVALID', 2],
      [422, 'EMAIL_CODE_INVALID', 1],
      [410, 'EMAIL_CODE_TRIES_EXHAUSTED', undefined],
    ])
    expect(errorOf(await confirm(requested.body.pendingRegistrationId, code))).toEqual({
      status: 410,
      code: 'EMAIL_CODE_TRIES_EXHAUSTED',
    })
    const accounts = await t.database.db
      .select()
      .from(customerAccounts)
      .where(eq(customerAccounts.emailCanonical, email))
    expect(accounts).toHaveLength(0)
  })

  it('counts concurrent wrong codes one try each', async () => {
    const email = fresh('parallel-wrong')
    const requested = await requestCode(email)
    const wrong = wrongCodeOf(await mailedCode(email))
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => confirm(requested.body.pendingRegistrationId, wrong))
    )
    expect(answers.map((a) => a.status)).toEqual([422, 422, 422])
    const [row] = await t.database.db
      .select({ tries: pendingLinkRegistrations.tries })
      .from(pendingLinkRegistrations)
      .where(eq(pendingLinkRegistrations.id, requested.body.pendingRegistrationId))
    expect(row?.tries).toBe(3)
  })

  it('expires the code at 10 minutes, and a newer request supersedes an older one', async () => {
    const email = fresh('expiry')
    const first = await requestCode(email)
    const firstCode = await mailedCode(email)
    t.clock.current = new Date(t.clock.now().getTime() + 61_000)
    smtp.sink.clear()
    const second = await requestCode(email)
    expect(second.status).toBe(202)
    const secondCode = await mailedCode(email)
    expect(errorOf(await confirm(first.body.pendingRegistrationId, firstCode))).toEqual({
      status: 410,
      code: 'EMAIL_CODE_EXPIRED',
    })
    t.clock.current = new Date(Date.parse(second.body.expiresAt))
    expect(errorOf(await confirm(second.body.pendingRegistrationId, secondCode))).toEqual({
      status: 410,
      code: 'EMAIL_CODE_EXPIRED',
    })
  })

  it('refuses a pending registration of another link and a malformed code', async () => {
    const other = await insertInvitationLink(t, { ...partner, createdByUserId: partner.userId })
    const email = fresh('other-link')
    const requested = await requestCode(email)
    const code = await mailedCode(email)
    expect(errorOf(await confirm(requested.body.pendingRegistrationId, code, other.code))).toEqual({
      status: 410,
      code: 'EMAIL_CODE_EXPIRED',
    })
    expect(
      errorOf(await confirm(requested.body.pendingRegistrationId, ` ${code.slice(1)}`))
    ).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    expect((await confirm(requested.body.pendingRegistrationId, code)).status).toBe(201)
  })
})

describe('secrets stay out of the logs (R77, R99)', () => {
  it('never logs a link code, an email code or an unmasked customer email', () => {
    expect(seenCodes.length).toBeGreaterThan(5)
    const codes = seenCodes.map((code) => `"${code}"`)
    expect(leakedSecrets(t, [link.code, ...codes])).toEqual([])
  })
})
