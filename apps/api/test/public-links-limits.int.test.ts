import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, type TestApp } from './helpers'
import {
  insertInvitationLink,
  linkPartner,
  PUBLIC_LINKS,
  registrationBody,
} from './support/public-link-fixtures'
import { createTestApp } from './test-app'

// Issue 20 point 3: the public link endpoints are rate limited like the others (domain.md
// R114): PUBLIC_RATE_LIMIT_PER_MINUTE per client address, one budget for all of them.

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ config: { publicRateLimitPerMinute: 4 } })
})
afterAll(async () => {
  await t?.close()
})

describe('rate limits of the link endpoints (R114)', () => {
  it('answers 429 RATE_LIMITED with Retry-After once the address spent its minute, on every endpoint', async () => {
    const partner = await linkPartner(t)
    const link = await insertInvitationLink(t, { ...partner, createdByUserId: partner.userId })
    const calls = [
      () => t.call('POST', `${PUBLIC_LINKS}/resolve`, { body: { code: link.code } }),
      () =>
        t.call('POST', `${PUBLIC_LINKS}/register/code`, {
          body: registrationBody(link.code, 'limited@customer.example'),
        }),
      () =>
        t.call('POST', `${PUBLIC_LINKS}/register`, {
          body: {
            code: link.code,
            pendingRegistrationId: crypto.randomUUID(),
            emailCode: '123456',
          },
        }),
      () =>
        t.call('POST', `${PUBLIC_LINKS}/accept`, {
          body: { code: link.code, instructionsAccepted: true },
        }),
    ]
    const allowed = []
    for (const call of calls) allowed.push((await call()).status)
    expect(allowed.every((status) => status !== 429)).toBe(true)
    for (const call of [
      ...calls,
      () =>
        t.call('POST', `${PUBLIC_LINKS}/verify-email/code`, {
          body: { code: link.code, locale: 'en' },
        }),
    ]) {
      const refused = await call()
      expect(errorOf(refused)).toEqual({ status: 429, code: 'RATE_LIMITED' })
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    }
    t.clock.current = new Date(t.clock.now().getTime() + 60_000)
    expect((await calls[0]!()).status).toBe(200)
  })
})
