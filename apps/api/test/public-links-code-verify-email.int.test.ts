import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, errorOf, leakedSecrets, type TestApp } from './helpers'
import { linkCustomer, PUBLIC_LINKS } from './support/public-link-fixtures'
import { linkCodeWorld, wrongCodeOf, type LinkCodeLink } from './support/link-code-world'

// Issue 20 point 3: a signed-in customer whose email is unverified proves it with an emailed
// code on the link page (domain.md R105), after which the acceptance goes on (R107).
// The codes are read from the real SMTP sink, never from the DB.

const world = linkCodeWorld()
const { smtp, seenCodes, fresh, mailedCode } = world
let t: TestApp
let link: LinkCodeLink
beforeAll(() => {
  t = world.t
  link = world.link
})

describe('a signed-in customer verifies the email (R105)', () => {
  it('sends the code email to the account and marks it verified', async () => {
    const email = fresh('verify')
    const customer = await linkCustomer(t, email, { emailVerified: false })
    const me = await t.call('GET', '/api/v1/public/auth/me', { token: customer.token })
    expect(me.body).toMatchObject({ emailVerified: false })
    const anonymous = await t.call('POST', `${PUBLIC_LINKS}/verify-email/code`, {
      body: { code: link.code, locale: 'zh-CN' },
    })
    expect(errorOf(anonymous)).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' })
    const requested = await t.call<{ pendingRegistrationId: string }>(
      'POST',
      `${PUBLIC_LINKS}/verify-email/code`,
      { token: customer.token, body: { code: link.code, locale: 'zh-CN' } }
    )
    expect(requested.status).toBe(202)
    const code = await mailedCode(email)
    const mail = smtp.sink.list().find((m) => m.to.includes(email))!
    expect(mail.subject).toBe(`${code} 是您的 Example Cloud 验证码`)
    const wrong = await t.call('POST', `${PUBLIC_LINKS}/verify-email`, {
      token: customer.token,
      body: {
        code: link.code,
        pendingRegistrationId: requested.body.pendingRegistrationId,
        emailCode: wrongCodeOf(code),
      },
    })
    expect(errorOf(wrong)).toEqual({ status: 422, code: 'EMAIL_CODE_INVALID' })
    const verified = await t.call('POST', `${PUBLIC_LINKS}/verify-email`, {
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
    const accepted = await t.call('POST', `${PUBLIC_LINKS}/accept`, {
      token: customer.token,
      body: { code: link.code, instructionsAccepted: true },
    })
    expect(accepted.status).toBe(200)
  })
})

describe('secrets stay out of the logs (R77, R99)', () => {
  it('never logs a link code, an email code or an unmasked customer email', () => {
    expect(seenCodes.length).toBeGreaterThan(0)
    const codes = seenCodes.map((code) => `"${code}"`)
    expect(leakedSecrets(t, [link.code, ...codes])).toEqual([])
  })
})
