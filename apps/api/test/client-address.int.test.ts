import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, type TestApp } from './helpers'
import { createTestApp } from './test-app'

// The default limits of domain.md §8 (R59): 30 sign-ins and 60 public requests per address per
// minute. The app stands behind a trusted proxy on 127.0.0.1 that appends the address it saw.
let t: TestApp
const PROXY_SAW = '198.51.100.7'

beforeAll(async () => {
  t = await createTestApp({
    clientAddress: '127.0.0.1',
    config: {
      // Single addresses, which the code before CIDR support understood too (the unit tests
      // cover ranges), so this file shows the rotating header escaping the old rule.
      trustedProxies: ['127.0.0.1', '10.1.1.1'],
      signInRateLimitPerMinute: 30,
      publicRateLimitPerMinute: 60,
    },
  })
})
afterAll(async () => {
  await t.close()
})

/** The header a client that writes its own X-Forwarded-For reaches the API with. */
const rotated = (n: number, client = PROXY_SAW) => ({
  'x-forwarded-for': `203.0.113.${n % 250}, ${client}`,
})

describe('client address behind a trusted proxy (R59)', () => {
  it('limits sign-ins of a client rotating X-Forwarded-For values: 35 attempts meet a 429', async () => {
    const codes: (string | undefined)[] = []
    for (let n = 0; n < 35; n++) {
      const answer = await t.call('POST', '/api/v1/auth/sign-in', {
        headers: rotated(n),
        body: { email: `nobody${n}@partner.example`, password: 'Passw0rd!guess' },
      })
      codes.push(errorOf(answer).code)
    }
    expect(codes.slice(0, 30).every((code) => code === 'INVALID_CREDENTIALS')).toBe(true)
    expect(codes.slice(30)).toEqual(Array(5).fill('RATE_LIMITED'))
  })

  it('limits public resolves of a client rotating X-Forwarded-For values: 70 requests meet a 429', async () => {
    const statuses: number[] = []
    for (let n = 0; n < 70; n++) {
      const answer = await t.call('POST', '/api/v1/public/invitations/resolve', {
        headers: rotated(n, '198.51.100.8'),
        body: { token: `guess${String(n).padStart(38, '0')}` },
      })
      statuses.push(answer.status)
    }
    expect(statuses.slice(0, 60).includes(429)).toBe(false)
    expect(statuses.slice(60)).toEqual(Array(10).fill(429))
  })

  it('counts an IPv6 client by its /64, however it rotates inside it', async () => {
    const statuses: number[] = []
    for (let n = 0; n < 35; n++) {
      const answer = await t.call('POST', '/api/v1/auth/sign-in', {
        headers: { 'x-forwarded-for': `2001:db8:5:6:${(n + 1).toString(16)}::1` },
        body: { email: `v6-${n}@partner.example`, password: 'Passw0rd!guess' },
      })
      statuses.push(answer.status)
    }
    expect(statuses.slice(30)).toEqual(Array(5).fill(429))
  })

  it('skips the trusted proxies of a chain and still serves another client', async () => {
    const answer = await t.call('POST', '/api/v1/auth/sign-in', {
      headers: { 'x-forwarded-for': `${PROXY_SAW}, 192.0.2.44, 10.1.1.1` },
      body: { email: 'admin@acme.example', password: 'Passw0rd!demo' },
    })
    expect(answer.status).toBe(200)
    const limited = await t.call('POST', '/api/v1/auth/sign-in', {
      headers: { 'x-forwarded-for': `192.0.2.44, ${PROXY_SAW}, 10.1.1.1` },
      body: { email: 'admin@acme.example', password: 'Passw0rd!demo' },
    })
    expect(errorOf(limited)).toEqual({ status: 429, code: 'RATE_LIMITED' })
  })
})
