import { demoId } from '@partner-center/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, errorOf, leakedSecrets, PUBLIC, type TestApp } from '../helpers'
import { createTestApp } from '../test-app'
import { demoLinkToken, registerThroughLink } from './link-fixtures'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const resolve = (token: string) =>
  t.call('POST', `${PUBLIC}/invitations/resolve`, { body: { token } })

describe('opening a link', () => {
  it('shows partner, type, invited email and expiry of a live link and changes nothing', async () => {
    const before = await t.countRows()
    const response = await resolve(demoLinkToken('P03-1'))
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      partnerName: 'Acme Cloud Services',
      partnerContactEmail: 'partners@acme.example',
      associationType: 'referral',
      invitedEmail: 'fresh.eligible@customer.example',
      locale: 'en',
      platformName: 'Example Cloud',
    })
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    // R57: resolving twice still changes nothing, not even an audit event.
    await resolve(demoLinkToken('P03-1'))
    expect(await t.countRows()).toEqual(before)
  })

  it.each([
    ['P02-1', 410, 'LINK_SUPERSEDED'],
    ['P04-1', 410, 'LINK_EXPIRED'],
    ['P05-1', 409, 'LINK_ALREADY_USED'],
    ['P11-1', 422, 'UNPAID_BILLS'],
    ['P13-1', 410, 'LINK_REVOKED'],
    ['P14-1', 410, 'LINK_REVOKED'],
  ] as const)(
    'answers the seeded link %s with %i %s and the partner name',
    async (seed, status, code) => {
      const response = await resolve(demoLinkToken(seed))
      expect(errorOf(response)).toEqual({ status: status, code: code })
      expect(response.body.error?.details).toMatchObject({ partnerName: 'Acme Cloud Services' })
    }
  )

  it('answers an unknown token with LINK_NOT_FOUND and reveals nothing else', async () => {
    const response = await resolve('A'.repeat(43))
    expect(errorOf(response)).toEqual({ status: 404, code: 'LINK_NOT_FOUND' })
    expect(response.body.error?.details).toBeUndefined()
  })

  it('refuses a malformed token or extra fields with VALIDATION_FAILED', async () => {
    expect(errorOf(await resolve('short'))).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    const extra = await t.call('POST', `${PUBLIC}/invitations/resolve`, {
      body: { token: demoLinkToken('P03-1'), partnerId: 'x' },
    })
    expect(errorOf(extra)).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
  })

  it('answers in Chinese when the browser prefers it', async () => {
    const response = await t.call('POST', `${PUBLIC}/invitations/resolve`, {
      body: { token: demoLinkToken('P04-1') },
      headers: { 'accept-language': 'zh-CN' },
    })
    expect(response.body.error?.message).toBe('该邀请链接已过期。')
  })
})

describe('registering through a link', () => {
  it('creates the account with the invited email, signs the customer in and does not accept', async () => {
    const token = demoLinkToken('P02-2')
    const response = await registerThroughLink(t, token)
    expect(response.status).toBe(201)
    expect(response.body.customer.email).toBe('new.beta@customer.example')
    const me = await t.call<{ email: string }>('GET', `${PUBLIC}/auth/me`, {
      token: response.body.token,
    })
    expect(me.body.email).toBe('new.beta@customer.example')
    expect(await auditEvents(t, 'customer_account.registered')).toHaveLength(1)
    // Not accepted: the link still resolves as live.
    expect((await resolve(token)).status).toBe(200)
    expect(leakedSecrets(t, [token, response.body.token])).toEqual([])
  })

  it('answers ACCOUNT_EXISTS when the invited email already has an account', async () => {
    const response = await registerThroughLink(t, demoLinkToken('P03-1'), 'Someone')
    expect(errorOf(response)).toEqual({ status: 409, code: 'ACCOUNT_EXISTS' })
  })

  it('requires the terms and a password of at least 10 characters', async () => {
    const base = {
      token: demoLinkToken('P12-1'),
      displayName: 'RI',
      password: 'correct horse battery',
    }
    expect(
      errorOf(
        await t.call('POST', `${PUBLIC}/invitations/register`, {
          body: { ...base, termsAccepted: false },
        })
      )
    ).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    expect(
      errorOf(
        await t.call('POST', `${PUBLIC}/invitations/register`, {
          body: { ...base, password: 'short', termsAccepted: true },
        })
      )
    ).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
  })

  it('refuses to register through a link that is not live', async () => {
    const response = await registerThroughLink(t, demoLinkToken('P04-1'), 'Gamma')
    expect(errorOf(response)).toEqual({ status: 410, code: 'LINK_EXPIRED' })
  })
})

describe('customer sign-in', () => {
  it('signs an existing customer in and out', async () => {
    const signIn = await t.call<{ token: string }>('POST', `${PUBLIC}/auth/sign-in`, {
      body: { email: 'Fresh.Eligible@customer.example', password: 'Passw0rd!demo' },
    })
    expect(signIn.status).toBe(200)
    const out = await t.call('POST', `${PUBLIC}/auth/sign-out`, { token: signIn.body.token })
    expect(out.status).toBe(200)
    expect(errorOf(await t.call('GET', `${PUBLIC}/auth/me`, { token: signIn.body.token }))).toEqual(
      { status: 401, code: 'NOT_AUTHENTICATED' }
    )
  })

  it('refuses a wrong password with INVALID_CREDENTIALS', async () => {
    const response = await t.call('POST', `${PUBLIC}/auth/sign-in`, {
      body: { email: 'fresh.eligible@customer.example', password: 'wrong password' },
    })
    expect(errorOf(response)).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' })
  })
})

describe('asking for a new invitation', () => {
  it('records an expired link once, queues the email to the inviting user and says so', async () => {
    const token = demoLinkToken('P04-1')
    const first = await t.call<{ requested: boolean }>(
      'POST',
      `${PUBLIC}/invitations/renewal-request`,
      { body: { token } }
    )
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({
      requested: true,
      alreadyRequested: false,
      partnerName: 'Acme Cloud Services',
    })
    const again = await t.call('POST', `${PUBLIC}/invitations/renewal-request`, { body: { token } })
    expect(again.body).toMatchObject({ requested: false, alreadyRequested: true })
    const events = await auditEvents(t, 'invitation.renewal_requested')
    expect(events.map((event) => event.entity_id)).toEqual([demoId('invitation:P04-1')])
    expect(JSON.stringify(events)).not.toContain('new.gamma@')
  })

  it('changes nothing for a live link and refuses a used one', async () => {
    const live = await t.call('POST', `${PUBLIC}/invitations/renewal-request`, {
      body: { token: demoLinkToken('P12-1') },
    })
    expect(live.body).toMatchObject({ live: true, requested: false })
    const used = await t.call('POST', `${PUBLIC}/invitations/renewal-request`, {
      body: { token: demoLinkToken('P05-1') },
    })
    expect(errorOf(used)).toEqual({ status: 409, code: 'LINK_ALREADY_USED' })
    const unknown = await t.call('POST', `${PUBLIC}/invitations/renewal-request`, {
      body: { token: 'B'.repeat(43) },
    })
    expect(errorOf(unknown)).toEqual({ status: 404, code: 'LINK_NOT_FOUND' })
  })
})
