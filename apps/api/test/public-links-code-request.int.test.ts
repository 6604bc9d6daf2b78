import { executeRows } from '@partner-center/db'
import { countTableRows } from '@partner-center/db/testing'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { errorOf, leakedSecrets, type TestApp } from './helpers'
import { waitFor } from './outbox/outbox-fixtures'
import {
  insertInvitationLink,
  linkCustomer,
  PUBLIC_LINKS,
  registrationBody,
} from './support/public-link-fixtures'
import {
  LINK_CODE_TABLES as TABLES,
  linkCodeWorld,
  type LinkCodeLink,
  type LinkCodePartner,
} from './support/link-code-world'

// Issue 20 point 3, first half: opening an invitation link and asking it for an email code
// (domain.md R100–R103): what the answers say, what they write, and the code email limits.
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

describe('opening a link (R100)', () => {
  it('answers the partner, type and default locale of an active link, and writes nothing', async () => {
    const before = await countTableRows(t.database.db, TABLES)
    const resolved = await t.call('POST', `${PUBLIC_LINKS}/resolve`, { body: { code: link.code } })
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
      const answer = await t.call('POST', `${PUBLIC_LINKS}/resolve`, {
        body: { code: stopped.code },
      })
      expect([answer.status, answer.body.error?.code]).toEqual([410, code])
      expect(answer.body.error?.details).toMatchObject({ partnerName: 'Lumen Partners' })
    }
    const unknown = await t.call('POST', `${PUBLIC_LINKS}/resolve`, {
      body: { code: 'A'.repeat(43) },
    })
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
    const open = await t.call('POST', `${PUBLIC_LINKS}/resolve`, { body: { code: general.code } })
    expect(open.status).toBe(200)
    await executeRows(
      t.database.db,
      sql`update users set status = 'DISABLED' where id = ${partner.userId}`
    )
    try {
      const closed = await t.call('POST', `${PUBLIC_LINKS}/resolve`, {
        body: { code: general.code },
      })
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
    const answer = await t.call('POST', `${PUBLIC_LINKS}/register/code`, {
      body: registrationBody(stopped.code, fresh('stopped')),
    })
    expect(errorOf(answer)).toEqual({ status: 410, code: 'OFFLINE_LINK_DISABLED' })
    const confirmAnswer = await confirm(crypto.randomUUID(), '123456', stopped.code)
    expect(errorOf(confirmAnswer)).toEqual({ status: 410, code: 'OFFLINE_LINK_DISABLED' })
    expect(await countTableRows(t.database.db, TABLES)).toEqual(before)
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

describe('secrets stay out of the logs (R77, R99)', () => {
  it('never logs a link code, an email code or an unmasked customer email', () => {
    expect(seenCodes.length).toBeGreaterThan(0)
    const codes = seenCodes.map((code) => `"${code}"`)
    expect(leakedSecrets(t, [link.code, ...codes])).toEqual([])
  })
})
