import { signInBackoffs, signInKnownAddresses } from '@partner-center/db/schema'
import { DEMO_CUSTOMER_ACCOUNTS } from '@partner-center/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../src/dev/start-development-services'
import { sweepExpiredRecords } from '../src/outbox/sweep-expired-records'
import { errorOf, type TestApp } from './helpers'
import { createTestApp } from './test-app'

// The default sign-in limits of domain.md §8 (R59): a per-account delay doubling from 1 s to
// 15 min for addresses the account never signed in from, and 5 failures per account and address
// per 15 minutes. The app stands behind a trusted proxy, so each request names its client in
// X-Forwarded-For; the clock is the test's.
let t: TestApp
const PARTNER = '/api/v1/auth/sign-in'
const CUSTOMER = '/api/v1/public/auth/sign-in'
let stranger = 0
/** A new address on every call (198.18.0.0/15, the benchmarking range). */
const strangerAddress = () => {
  stranger++
  return `198.18.${Math.floor(stranger / 250)}.${(stranger % 250) + 1}`
}

beforeAll(async () => {
  t = await createTestApp({
    clientAddress: '127.0.0.1',
    config: {
      trustedProxies: ['127.0.0.1'],
      signInMaxFailures: 5,
      signInBackoffCapSeconds: 900,
    },
  })
})
afterAll(async () => {
  await t.close()
})

function signIn(path: string, from: string, email: string, password: string) {
  return t.call<{ token?: string }>('POST', path, {
    headers: { 'x-forwarded-for': from },
    body: { email, password },
  })
}

const retryAfter = (answer: { headers: Headers }) => Number(answer.headers.get('retry-after'))
const advance = (seconds: number) => {
  t.clock.current = new Date(t.clock.current.getTime() + seconds * 1000)
}

/** A stranger guessing from a new address each time, waiting out every refusal. */
async function strangerGuesses(path: string, email: string, attempts: number) {
  const evaluated: number[] = []
  for (let n = 0; n < attempts; n++) {
    const answer = await signIn(path, strangerAddress(), email, `guess-${n}-wrong`)
    if (answer.status === 429) advance(retryAfter(answer))
    else evaluated.push(answer.status)
  }
  // End on a failure, so the account's delay is running.
  evaluated.push((await signIn(path, strangerAddress(), email, 'last-guess')).status)
  return evaluated
}

describe('a stranger cannot lock an account out (R59)', () => {
  for (const [who, path, email] of [
    ['the ecosystem manager', PARTNER, 'manager@ecosystem.example'],
    ['a partner admin', PARTNER, 'admin@acme.example'],
    ['a customer', CUSTOMER, DEMO_CUSTOMER_ACCOUNTS[0]?.email ?? ''],
  ] as const) {
    it(`lets ${who} in from a known address while a stranger keeps failing`, async () => {
      const home = `192.0.2.${path === PARTNER ? (email.startsWith('manager') ? 10 : 11) : 12}`
      expect((await signIn(path, home, email, DEMO_PASSWORD)).status).toBe(200)

      const evaluated = await strangerGuesses(path, email, 40)
      expect(evaluated.every((status) => status === 401)).toBe(true)

      // The stranger's delay is running: a new address waits, even with the right password.
      const elsewhere = await signIn(path, strangerAddress(), email, DEMO_PASSWORD)
      expect(errorOf(elsewhere)).toEqual({ status: 429, code: 'RATE_LIMITED' })
      expect(retryAfter(elsewhere)).toBe(900)
      // The owner, from the address they signed in from before, is not kept out.
      const owner = await signIn(path, home, email, DEMO_PASSWORD)
      expect(owner.status).toBe(200)
      expect(owner.body.token).toBeTruthy()
      // And the owner's sign-in does not hand the stranger a fresh streak.
      expect((await signIn(path, strangerAddress(), email, 'again-wrong')).status).toBe(429)
      advance(900)
    })
  }
})

describe('per-account delay (R59)', () => {
  it('doubles Retry-After per consecutive failure from 1 s up to 900 s, without waiting on the server', async () => {
    const email = 'sales@acme.example'
    const waits: number[] = []
    for (let n = 0; n < 13; n++) {
      const failed = await signIn(PARTNER, strangerAddress(), email, 'wrong-password')
      expect(errorOf(failed)).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' })
      const refused = await signIn(PARTNER, strangerAddress(), email, DEMO_PASSWORD)
      expect(errorOf(refused)).toEqual({ status: 429, code: 'RATE_LIMITED' })
      expect(refused.body.error?.details?.retryAfterSeconds).toBe(retryAfter(refused))
      waits.push(retryAfter(refused))
      advance(retryAfter(refused) - 0.5)
      expect((await signIn(PARTNER, strangerAddress(), email, DEMO_PASSWORD)).status).toBe(429)
      advance(0.5)
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900])

    // After the wait the right password works, and a success clears the streak.
    expect((await signIn(PARTNER, strangerAddress(), email, DEMO_PASSWORD)).status).toBe(200)
    expect((await signIn(PARTNER, strangerAddress(), email, 'wrong-password')).status).toBe(401)
    expect(retryAfter(await signIn(PARTNER, strangerAddress(), email, DEMO_PASSWORD))).toBe(1)
    advance(1)
  })

  it('lets one of many parallel guesses through an open slot', async () => {
    const email = DEMO_CUSTOMER_ACCOUNTS[1]?.email ?? ''
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        signIn(CUSTOMER, strangerAddress(), email, `parallel-${n}`)
      )
    )
    expect(answers.map((a) => a.status).sort()).toEqual([401, ...Array<number>(9).fill(429)])
    advance(1)
  })

  it('treats an email without an account the same way, so no answer tells which exist', async () => {
    const email = 'nobody.here@acme.example'
    expect(errorOf(await signIn(PARTNER, strangerAddress(), email, 'x'))).toEqual({
      status: 401,
      code: 'INVALID_CREDENTIALS',
    })
    const refused = await signIn(PARTNER, strangerAddress(), email, 'x')
    expect(errorOf(refused)).toEqual({ status: 429, code: 'RATE_LIMITED' })
    expect(retryAfter(refused)).toBe(1)
    advance(1)
  })
})

describe('per account and address limit (R59)', () => {
  it('refuses a sixth failure from one address within 15 minutes, known or not', async () => {
    const email = 'viewer@acme.example'
    const office = '192.0.2.20'
    const home = '192.0.2.21'
    expect((await signIn(PARTNER, office, email, DEMO_PASSWORD)).status).toBe(200)
    expect((await signIn(PARTNER, home, email, DEMO_PASSWORD)).status).toBe(200)
    for (let n = 0; n < 4; n++) {
      expect((await signIn(PARTNER, office, email, 'wrong-password')).status).toBe(401)
    }
    // Successes do not count against the limit.
    for (let n = 0; n < 3; n++) {
      expect((await signIn(PARTNER, office, email, DEMO_PASSWORD)).status).toBe(200)
    }
    expect((await signIn(PARTNER, office, email, 'wrong-password')).status).toBe(401)
    const limited = await signIn(PARTNER, office, email, DEMO_PASSWORD)
    expect(errorOf(limited)).toEqual({ status: 429, code: 'RATE_LIMITED' })
    expect(retryAfter(limited)).toBeGreaterThan(0)
    expect(retryAfter(limited)).toBeLessThanOrEqual(900)

    // The limit is of this address only: the account is not locked anywhere else.
    expect((await signIn(PARTNER, home, email, DEMO_PASSWORD)).status).toBe(200)
    advance(retryAfter(limited))
    expect((await signIn(PARTNER, office, email, DEMO_PASSWORD)).status).toBe(200)
  })
})

describe('sign-in state at rest (R59)', () => {
  it('holds keyed MACs only, and the sweeper drops what has run out', async () => {
    const backoffs = await t.database.db.select().from(signInBackoffs)
    const known = await t.database.db.select().from(signInKnownAddresses)
    expect(backoffs.length).toBeGreaterThan(0)
    expect(known.length).toBeGreaterThan(0)
    for (const row of [...backoffs.map((b) => b.subject), ...known.map((k) => k.mac)]) {
      expect(row).toMatch(/^k1:[A-Za-z0-9_-]{43}$/)
    }
    const text = JSON.stringify([backoffs, known])
    expect(text).not.toMatch(/example|192\.0\.2|198\.18\./)

    const later = new Date(t.clock.current.getTime() + 31 * 86_400_000)
    const swept = await sweepExpiredRecords(t.database.db, later)
    expect(swept.signInStatePurged).toBe(backoffs.length + known.length)
  })
})
