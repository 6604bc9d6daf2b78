import { executeRows } from '@partner-center/db'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CD, errorOf, PUBLIC, type TestApp } from './helpers'
import { createSentInvitation } from './public/link-fixtures'
import { createTestApp, T } from './test-app'

// Issue 13, item 1: width, case and trunk-prefix variants of one mailbox or number were second
// identities. Each test here reproduces a measured escape and fails on the code before the fix.

let t: TestApp
let acme: string
let other: string
let otherPartnerId: string
let otherUserId: string
const PRE = `${CD}/preregistrations`
const INV = `${CD}/invitations`

beforeAll(async () => {
  t = await createTestApp()
  acme = await t.signIn('admin@acme.example')
  const partner = await t.createPartner()
  otherPartnerId = partner.partnerId
  otherUserId = partner.users[0]!.id
  other = await t.signIn(partner.users[0]!.email)
})
afterAll(async () => {
  await t.close()
})

const create = (token: string, body: Record<string, unknown>) =>
  t.call<{ id: string; mobile: string | null }>('POST', PRE, {
    token,
    body: { customerName: 'Variant Co', ...body },
  })

async function storedIdentity(id: string) {
  const [row] = await executeRows<{ email_canonical: string | null; mobile_e164: string | null }>(
    t.database.db,
    sql`select email_canonical, mobile_e164 from pre_registrations where id = ${id}`
  )
  return row
}

describe('one identity per mailbox and number (issue 13)', () => {
  it("refuses another partner's full-width variant during the protection, like the plain form", async () => {
    const first = await create(acme, { email: 'x@customer.example' })
    expect(first.status).toBe(201)
    const plain = errorOf(await create(other, { email: 'x@customer.example' }))
    expect(plain).toEqual({ status: 409, code: 'PREREGISTERED_BY_ANOTHER_PARTNER' })
    for (const variant of [
      'x@ｃｕｓｔｏｍｅｒ.example',
      'X@CUSTOMER.EXAMPLE',
      'ｘ＠ｃｕｓｔｏｍｅｒ．ｅｘａｍｐｌｅ',
      'x@customer。example',
    ]) {
      expect({ variant, ...errorOf(await create(other, { email: variant })) }).toEqual({
        variant,
        ...plain,
      })
    }
  })

  it('keeps one row when a partner enters five variants, so one invite sends one email', async () => {
    const before = await t.countRows()
    const variants = [
      'five@customer.example',
      'five@ｃｕｓｔｏｍｅｒ.example',
      'FIVE@Customer.Example',
      'ｆｉｖｅ@customer.example',
      ' five@customer．example ',
    ]
    const answers = []
    for (const email of variants) answers.push(await create(acme, { email }))
    expect(answers.map((a) => a.status)).toEqual([201, 409, 409, 409, 409])
    expect(answers.slice(1).map((a) => a.body.error?.code)).toEqual(
      Array(4).fill('ALREADY_PREREGISTERED')
    )
    expect((await storedIdentity(answers[0]!.body.id))?.email_canonical).toBe(
      'five@customer.example'
    )
    const after = await t.countRows()
    expect(after.pre_registrations).toBe(before.pre_registrations! + 1)
  })

  it('counts variants as one mailbox for the daily cap of 3 emails', async () => {
    const at = (minutes: number) => new Date(T.getTime() + minutes * 60_000)
    try {
      const row = await create(acme, { email: 'cap.variant@customer.example' })
      expect(row.status).toBe(201)
      const first = await t.call<{ results: { invitationId: string }[] }>('POST', INV, {
        token: acme,
        body: { preregistrationIds: [row.body.id], associationType: 'referral' },
      })
      expect(first.status).toBe(202)
      let latest = first.body.results[0]!.invitationId
      for (const minutes of [11, 22]) {
        t.clock.current = at(minutes)
        const resent = await t.call<{ results: { invitationId: string }[] }>(
          'POST',
          `${INV}/${latest}/resend`,
          { token: acme }
        )
        expect(resent.status).toBe(202)
        latest = resent.body.results[0]!.invitationId
      }
      t.clock.current = at(33)
      const deleted = await t.call('DELETE', `${PRE}/${row.body.id}`, { token: acme })
      expect(deleted.status).toBe(200)
      const again = await create(acme, { email: 'Cap.Variant@ｃｕｓｔｏｍｅｒ.example' })
      expect(again.status).toBe(201)
      const fourth = await t.call<{ queued: number; results: { code?: string }[] }>('POST', INV, {
        token: acme,
        body: { preregistrationIds: [again.body.id], associationType: 'referral' },
      })
      expect(fourth.status).toBe(202)
      expect(fourth.body.queued).toBe(0)
      expect(fourth.body.results[0]?.code).toBe('RECIPIENT_DAILY_CAP')
    } finally {
      t.clock.current = T
    }
  })

  it('takes +44 020 7946 0991 and +44 20 7946 0991 as one number', async () => {
    const first = await create(acme, { mobile: '+44 20 7946 0991' })
    expect(first.status).toBe(201)
    expect((await storedIdentity(first.body.id))?.mobile_e164).toBe('+442079460991')
    expect(errorOf(await create(acme, { mobile: '+44 020 7946 0991' }))).toEqual({
      status: 409,
      code: 'ALREADY_PREREGISTERED',
    })
    expect(errorOf(await create(other, { mobile: '＋４４ ０２０ ７９４６ ０９９１' }))).toEqual({
      status: 409,
      code: 'PREREGISTERED_BY_ANOTHER_PARTNER',
    })
  })

  it('matches the recipient at acceptance through the canonical form', async () => {
    const account = await t.call<{ id: string }>('POST', '/api/v1/test/customer-accounts', {
      body: { email: 'accept.variant@customer.example' },
    })
    expect(account.status).toBe(201)
    const { token } = await createSentInvitation(t, {
      partnerId: otherPartnerId,
      createdByUserId: otherUserId,
      email: 'Accept.Variant@ｃｕｓｔｏｍｅｒ.example',
      associationType: 'referral',
    })
    const session = await t.call<{ token: string }>('POST', `${PUBLIC}/auth/sign-in`, {
      body: { email: 'ａｃｃｅｐｔ.variant@CUSTOMER.example', password: 'Passw0rd!demo' },
    })
    expect(session.status).toBe(200)
    const accepted = await t.call('POST', `${PUBLIC}/invitations/accept`, {
      token: session.body.token,
      body: { token, instructionsAccepted: true },
    })
    expect(accepted.status).toBe(200)
  })
})

describe('addresses refused with a code of their own (R14)', () => {
  it.each([
    ['用户@例子.广告', 'NON_ASCII_LOCAL_PART', 'before the @', '@ 之前'],
    ['x@раypal.com', 'MIXED_SCRIPT_DOMAIN', 'mixes alphabets', '混用'],
  ])('answers %s with 400 %s in both languages and stores nothing', async (email, code, en, zh) => {
    const before = await t.countRows()
    for (const [language, text] of [
      ['en', en],
      ['zh-CN', zh],
    ] as const) {
      const response = await t.call('POST', PRE, {
        token: acme,
        body: { customerName: 'Refused Co', email },
        headers: { 'accept-language': language },
      })
      expect(errorOf(response)).toEqual({ status: 400, code })
      expect(response.body.error?.message).toContain(text)
      expect(response.body.error?.details).toEqual({ issues: [{ path: 'email', message: code }] })
    }
    expect(await t.countRows()).toEqual(before)
  })

  it.each([
    ['Latin + Han', 'lh@abc中国.example'],
    ['Latin + Kana', 'lk@abcカタカナ.jp'],
    ['Latin + Hangul', 'lg@abc한국.kr'],
  ])('accepts %s in one label', async (_, email) => {
    expect((await create(acme, { email })).status).toBe(201)
  })
})

describe('signing in', () => {
  it('signs a partner user in with a width and case variant of the address', async () => {
    await expect(t.signIn('ＡＤＭＩＮ@ACME.example')).resolves.toEqual(expect.any(String))
  })
})
