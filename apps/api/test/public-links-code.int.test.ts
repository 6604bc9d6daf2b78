import { executeRows } from '@partner-center/db'
import { customerAccounts, pendingLinkRegistrations } from '@partner-center/db/schema'
import { BUSINESS_TABLES, countTableRows } from '@partner-center/db/testing'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startDispatcher, type Dispatcher } from '../src/outbox/start-dispatcher'
import { sweepExpiredRecords } from '../src/outbox/sweep-expired-records'
import { auditEvents, errorOf, leakedSecrets, type TestApp } from './helpers'
import { testDispatcherConfig, waitFor } from './outbox/outbox-fixtures'
import { smtpForFile } from './outbox/smtp-for-file'
import { createSentInvitation, registerThroughLink } from './public/link-fixtures'
import {
  codeFromMail,
  insertInvitationLink,
  linkCustomer,
  linkPartner,
  LINKS,
  registrationBody,
} from './support/invitation-link-fixtures'
import { createTestApp } from './test-app'

// Issue 20 point 3: registering through an invitation link proves the mailbox with an emailed
// code (domain.md R100–R105). The codes are read from the real SMTP sink, never from the DB.

let t: TestApp
let dispatcher: Dispatcher
const smtp = smtpForFile(500)
let partner: Awaited<ReturnType<typeof linkPartner>>
let link: Awaited<ReturnType<typeof insertInvitationLink>>

const TABLES = [...new Set([...BUSINESS_TABLES, 'invitation_links', 'pending_link_registrations'])]
const run = crypto.randomUUID().slice(0, 8)
let n = 0
/** A fresh address of this run (every test gets its own, so the code caps stay apart). */
const fresh = (label: string) => `${label}.${run}.${(n += 1)}@customer.example`

beforeAll(async () => {
  t = await createTestApp()
  partner = await linkPartner(t, { name: 'Lumen Partners' })
  link = await insertInvitationLink(t, { ...partner, createdByUserId: partner.userId })
})
beforeEach(() => {
  dispatcher = startDispatcher({
    db: t.database.db,
    clock: t.clock,
    logger: t.deps.logger,
    transport: smtp.transport,
    config: testDispatcherConfig(),
    keyring: t.deps.keyring,
  })
  return async () => {
    await dispatcher.stop()
    t.clock.current = new Date('2026-03-02T09:00:00.000Z')
  }
})
afterAll(async () => {
  await t?.close()
})

/** Every email code read in this file, for the leak check at its end. */
const seenCodes: string[] = []

/** The code emailed to `to`, once the dispatcher has sent it. */
async function mailedCode(to: string): Promise<string> {
  await waitFor(() => codeFromMail(smtp.sink.list(), to) !== null)
  const code = codeFromMail(smtp.sink.list(), to)!
  seenCodes.push(code)
  return code
}

async function requestCode(email: string, overrides: object = {}) {
  return t.call<{ pendingRegistrationId: string; expiresAt: string; resendAfterSeconds: number }>(
    'POST',
    `${LINKS}/register/code`,
    { body: registrationBody(link.code, email, overrides) }
  )
}

function confirm(pendingRegistrationId: string, emailCode: string, code = link.code) {
  return t.call<{ token: string; customer: { id: string; email: string } }>(
    'POST',
    `${LINKS}/register`,
    { body: { code, pendingRegistrationId, emailCode } }
  )
}

const wrongCodeOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

describe('opening a link (R100)', () => {
  it('answers the partner, type and default locale of an active link, and writes nothing', async () => {
    const before = await countTableRows(t.database.db, TABLES)
    const resolved = await t.call('POST', `${LINKS}/resolve`, { body: { code: link.code } })
    expect(resolved.status).toBe(200)
    expect(resolved.body).toEqual({
      partnerName: 'Lumen Partners',
      partnerContactEmail: 'contact@fixture.example',
      associationType: 'reseller',
      expiresAt: null,
      locale: 'en',
      platformName: 'Example Cloud',
    })
    expect(resolved.text).not.toContain(link.tag)
    expect(resolved.headers.get('cache-control')).toBe('no-store')
    expect(await countTableRows(t.database.db, TABLES)).toEqual(before)
  })

  it('answers each stopped status with its code and the partner name, and unknown codes 404', async () => {
    const now = t.clock.now()
    const cases = [
      [{ status: 'DISABLED' }, 'OFFLINE_LINK_DISABLED'],
      [{ status: 'RESET' }, 'OFFLINE_LINK_RESET'],
      [{ status: 'EXPIRED' }, 'OFFLINE_LINK_EXPIRED'],
      [{ expiresAt: new Date(now.getTime() - 1) }, 'OFFLINE_LINK_EXPIRED'],
      [{ status: 'RESET', expiresAt: new Date(now.getTime() - 1) }, 'OFFLINE_LINK_RESET'],
    ] as const
    for (const [fields, code] of cases) {
      const stopped = await insertInvitationLink(t, {
        ...partner,
        createdByUserId: partner.userId,
        ...fields,
      })
      const answer = await t.call('POST', `${LINKS}/resolve`, { body: { code: stopped.code } })
      expect([answer.status, answer.body.error?.code]).toEqual([410, code])
      expect(answer.body.error?.details).toMatchObject({ partnerName: 'Lumen Partners' })
    }
    const unknown = await t.call('POST', `${LINKS}/resolve`, { body: { code: 'A'.repeat(43) } })
    expect(errorOf(unknown)).toEqual({ status: 404, code: 'LINK_NOT_FOUND' })
    expect(unknown.body.error?.details?.partnerName).toBeUndefined()
  })

  it('follows a general link’s owner: disabled owner, disabled link', async () => {
    const general = await insertInvitationLink(t, {
      ...partner,
      createdByUserId: partner.userId,
      kind: 'GENERAL',
      tag: partner.userEmail,
    })
    const open = await t.call('POST', `${LINKS}/resolve`, { body: { code: general.code } })
    expect(open.status).toBe(200)
    await executeRows(
      t.database.db,
      sql`update users set status = 'DISABLED' where id = ${partner.userId}`
    )
    try {
      const closed = await t.call('POST', `${LINKS}/resolve`, { body: { code: general.code } })
      expect(errorOf(closed)).toEqual({ status: 410, code: 'OFFLINE_LINK_DISABLED' })
    } finally {
      await executeRows(
        t.database.db,
        sql`update users set status = 'ACTIVE' where id = ${partner.userId}`
      )
    }
  })
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

  it('answers an existing and a new address identically; only the email differs', async () => {
    const existing = fresh('existing')
    await linkCustomer(t, existing)
    const newcomer = fresh('newcomer')
    const answers = []
    for (const email of [existing, newcomer]) {
      const answer = await requestCode(email)
      const headers: Record<string, string> = {}
      answer.headers.forEach((value, name) => {
        if (!['x-request-id', 'date'].includes(name)) headers[name] = value
      })
      answers.push({
        status: answer.status,
        keys: Object.keys(answer.body).sort(),
        resendAfterSeconds: answer.body.resendAfterSeconds,
        expiresAt: answer.body.expiresAt,
        headers,
      })
    }
    expect(answers[0]).toEqual(answers[1])
    await mailedCode(newcomer)
    await waitFor(() => smtp.sink.list().some((m) => m.to.includes(existing)))
    const signIn = smtp.sink.list().find((m) => m.to.includes(existing))!
    expect(signIn.subject).toBe('You already have a Example Cloud account')
    expect(signIn.text).not.toMatch(/^\s*\d{6}\s*$/m)
    expect(signIn.text).toContain('sign in with it on the invitation page')
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

  it('validates the form as R61 and writes nothing', async () => {
    const before = await countTableRows(t.database.db, TABLES)
    for (const overrides of [
      { email: 'not-an-address' },
      { password: 'short' },
      { termsAccepted: false },
      { displayName: '   ' },
      { mobile: '12' },
      { locale: 'fr' },
    ]) {
      const answer = await requestCode(fresh('invalid'), overrides)
      expect([JSON.stringify(overrides), answer.status]).toEqual([JSON.stringify(overrides), 400])
    }
    expect(await countTableRows(t.database.db, TABLES)).toEqual(before)
  })

  it('answers a stopped link at every step and writes nothing', async () => {
    const stopped = await insertInvitationLink(t, {
      ...partner,
      createdByUserId: partner.userId,
      status: 'DISABLED',
    })
    const before = await countTableRows(t.database.db, TABLES)
    const answer = await t.call('POST', `${LINKS}/register/code`, {
      body: registrationBody(stopped.code, fresh('stopped')),
    })
    expect(errorOf(answer)).toEqual({ status: 410, code: 'OFFLINE_LINK_DISABLED' })
    const confirmAnswer = await confirm(crypto.randomUUID(), '123456', stopped.code)
    expect(errorOf(confirmAnswer)).toEqual({ status: 410, code: 'OFFLINE_LINK_DISABLED' })
    expect(await countTableRows(t.database.db, TABLES)).toEqual(before)
  })
})

describe('the dispatcher re-reads the pending row (R102)', () => {
  it('cancels the code email of a superseded or expired registration and sends none', async () => {
    await dispatcher.stop()
    const superseded = fresh('superseded')
    const first = await requestCode(superseded)
    const third = await requestCode(fresh('lapsed'))
    t.clock.current = new Date(t.clock.now().getTime() + 61_000)
    const second = await requestCode(superseded)
    // The third expires now; the second, requested 61 s later, still runs.
    t.clock.current = new Date(Date.parse(third.body.expiresAt))
    dispatcher = startDispatcher({
      db: t.database.db,
      clock: t.clock,
      logger: t.deps.logger,
      transport: smtp.transport,
      config: testDispatcherConfig(),
      keyring: t.deps.keyring,
    })
    const statusOf = async (pendingId: string) =>
      (
        await executeRows<{ status: string }>(
          t.database.db,
          sql`select status from outbox where dedupe_key = ${`email-code:${pendingId}`}`
        )
      )[0]?.status
    await waitFor(async () => (await statusOf(first.body.pendingRegistrationId)) === 'CANCELLED')
    await waitFor(async () => (await statusOf(third.body.pendingRegistrationId)) === 'CANCELLED')
    await waitFor(async () => (await statusOf(second.body.pendingRegistrationId)) === 'SENT')
    const ids = smtp.sink.list().map((m) => m.messageId)
    expect(ids).toContain(`<email-code.${second.body.pendingRegistrationId}@partner-center.local>`)
    expect(ids).not.toContain(
      `<email-code.${first.body.pendingRegistrationId}@partner-center.local>`
    )
    expect(ids).not.toContain(
      `<email-code.${third.body.pendingRegistrationId}@partner-center.local>`
    )
  })
})

describe('code email limits (R102)', () => {
  it('allows one code request a minute, with Retry-After, and writes nothing when refused', async () => {
    const email = fresh('minute')
    expect((await requestCode(email)).status).toBe(202)
    t.clock.current = new Date(t.clock.now().getTime() + 20_000)
    const before = await countTableRows(t.database.db, [...TABLES, 'rate_limit_counters'])
    const refused = await requestCode(email)
    expect(errorOf(refused)).toEqual({ status: 429, code: 'EMAIL_CODE_LIMIT' })
    expect(refused.headers.get('retry-after')).toBe('40')
    const after = await countTableRows(t.database.db, [...TABLES, 'rate_limit_counters'])
    expect(after).toEqual(before)
    t.clock.current = new Date(t.clock.now().getTime() + 40_000)
    expect((await requestCode(email)).status).toBe(202)
  })

  it('allows five a day per canonical address, across purposes and spellings', async () => {
    const email = fresh('daily')
    const start = t.clock.now().getTime()
    for (let i = 0; i < 5; i += 1) {
      t.clock.current = new Date(start + i * 120_000)
      const spelled = i % 2 ? email.toUpperCase() : email
      expect([i, (await requestCode(spelled)).status]).toEqual([i, 202])
    }
    t.clock.current = new Date(start + 5 * 120_000)
    const refused = await requestCode(email)
    expect(errorOf(refused)).toEqual({ status: 429, code: 'EMAIL_CODE_LIMIT' })
    // The first request leaves the 24 h window at start + 24 h.
    expect(Number(refused.headers.get('retry-after'))).toBe(86_400 - 600)
    const counters = await executeRows<{ bucket_key: string }>(
      t.database.db,
      sql`select bucket_key from rate_limit_counters where bucket_key like 'email-code:%'`
    )
    expect(counters.some((c) => c.bucket_key.includes(email.split('@')[0]!))).toBe(false)
  })
})

describe('pending registrations block nothing (R101)', () => {
  it('lets an email invitation register the same address meanwhile', async () => {
    const email = fresh('both')
    const pending = await requestCode(email)
    expect(pending.status).toBe(202)
    const { token } = await createSentInvitation(t, {
      partnerId: partner.partnerId,
      createdByUserId: partner.userId,
      email,
    })
    const registered = await registerThroughLink(t, token)
    expect(registered.status).toBe(201)
    const code = await mailedCode(email)
    expect(errorOf(await confirm(pending.body.pendingRegistrationId, code))).toEqual({
      status: 409,
      code: 'ACCOUNT_EXISTS',
    })
  })

  it('is deleted by the sweeper once expired or void', async () => {
    const email = fresh('swept')
    const first = await requestCode(email)
    t.clock.current = new Date(t.clock.now().getTime() + 60_000)
    const second = await requestCode(email)
    await sweepExpiredRecords(t.database.db, t.clock.now())
    const ids = async () =>
      (
        await t.database.db
          .select({ id: pendingLinkRegistrations.id })
          .from(pendingLinkRegistrations)
      ).map((r) => r.id)
    expect(await ids()).not.toContain(first.body.pendingRegistrationId)
    expect(await ids()).toContain(second.body.pendingRegistrationId)
    await sweepExpiredRecords(t.database.db, new Date(Date.parse(second.body.expiresAt)))
    expect(await ids()).not.toContain(second.body.pendingRegistrationId)
  })
})

describe('a signed-in customer verifies the email (R105)', () => {
  it('sends the code email to the account and marks it verified', async () => {
    const email = fresh('verify')
    const customer = await linkCustomer(t, email, { emailVerified: false })
    const me = await t.call('GET', '/api/v1/public/auth/me', { token: customer.token })
    expect(me.body).toMatchObject({ emailVerified: false })
    const anonymous = await t.call('POST', `${LINKS}/verify-email/code`, {
      body: { code: link.code, locale: 'zh-CN' },
    })
    expect(errorOf(anonymous)).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' })
    const requested = await t.call<{ pendingRegistrationId: string }>(
      'POST',
      `${LINKS}/verify-email/code`,
      { token: customer.token, body: { code: link.code, locale: 'zh-CN' } }
    )
    expect(requested.status).toBe(202)
    const code = await mailedCode(email)
    const mail = smtp.sink.list().find((m) => m.to.includes(email))!
    expect(mail.subject).toBe(`${code} 是您的 Example Cloud 验证码`)
    const wrong = await t.call('POST', `${LINKS}/verify-email`, {
      token: customer.token,
      body: {
        code: link.code,
        pendingRegistrationId: requested.body.pendingRegistrationId,
        emailCode: wrongCodeOf(code),
      },
    })
    expect(errorOf(wrong)).toEqual({ status: 422, code: 'EMAIL_CODE_INVALID' })
    const verified = await t.call('POST', `${LINKS}/verify-email`, {
      token: customer.token,
      body: {
        code: link.code,
        pendingRegistrationId: requested.body.pendingRegistrationId,
        emailCode: code,
      },
    })
    expect(verified.status).toBe(200)
    expect(verified.body).toMatchObject({ id: customer.id, email, emailVerified: true })
    const audits = await auditEvents(t, 'customer_account.email_verified')
    expect(audits.filter((a) => a.entity_id === customer.id)).toHaveLength(1)
    // Now the acceptance passes step 3 (R107).
    const accepted = await t.call('POST', `${LINKS}/accept`, {
      token: customer.token,
      body: { code: link.code, instructionsAccepted: true },
    })
    expect(accepted.status).toBe(200)
  })
})

describe('secrets stay out of the logs (R77, R99)', () => {
  it('never logs a link code, an email code or an unmasked customer email', () => {
    expect(seenCodes.length).toBeGreaterThan(5)
    const codes = seenCodes.map((code) => `"${code}"`)
    expect(leakedSecrets(t, [link.code, ...codes])).toEqual([])
  })
})
