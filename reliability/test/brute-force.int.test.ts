import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PUBLIC, tokenOf } from '../src/customers'
import { call, codeOf, type Answer } from '../src/http'
import { invitationRows, inviteAll, queuedIds } from '../src/invite'
import { writeSection } from '../src/report'
import { scanIsClean, scanTopology } from '../src/scan'
import { createPartner, customerIdentity, seedPreregistrations, signIn } from '../src/seed'
import { startTopology, type Topology } from '../src/topology'
import { waitFor } from '../src/wait'

// Default limits (domain.md §8): 5 failures per account per 15 min, 30 sign-ins and 60 public
// requests per address per minute. The suite stands behind a trusted proxy so each scenario can
// come from its own client address (X-Forwarded-For), as an attacker's requests would.
const MAX_FAILURES = 5
const SIGN_IN_PER_MINUTE = 30
const PUBLIC_PER_MINUTE = 60

let topology: Topology
const secrets = new Set<string>()
const errorBodies: string[] = []
let addressCounter = 1
const nextAddress = () => `198.51.100.${addressCounter++}`
const base = (n: number) => topology.apis[n % 2]?.base ?? ''

beforeAll(async () => {
  topology = await startTopology('brute-force', { apiEnv: { TRUSTED_PROXIES: '127.0.0.1' } })
})
afterAll(async () => {
  await topology?.stop()
})

/** Fixed rate-limit windows touched between two instants (a run may straddle a boundary). */
function windowsSpanned(start: number, end: number, seconds = 60) {
  return Math.floor(end / (seconds * 1000)) - Math.floor(start / (seconds * 1000)) + 1
}

function tally(answers: Answer[]) {
  for (const a of answers) if (a.status >= 400) errorBodies.push(a.text)
  return {
    attempts: answers.length,
    evaluated: answers.filter((a) => a.status !== 429).length,
    rateLimited: answers.filter((a) => a.status === 429 && codeOf(a) === 'RATE_LIMITED').length,
    succeeded: answers.filter((a) => a.status === 200).length,
    serverErrors: answers.filter((a) => a.status >= 500 || a.status === 0).length,
  }
}

describe('brute force stopped by the rate limits (R59), shared by both API processes', () => {
  const figures: Record<string, unknown> = {}

  it('locks a partner account after the allowed failures, even across addresses and processes', async () => {
    const partner = await createPartner(base(0))
    const user = partner.users[0]
    if (!user) throw new Error('no user')
    const guesses: Answer[] = []
    for (let n = 0; n < 40; n++) {
      guesses.push(
        await call(base(n), 'POST', '/api/v1/auth/sign-in', {
          headers: { 'x-forwarded-for': nextAddress() },
          body: { email: user.email, password: `guess-${n}-${randomBytes(4).toString('hex')}` },
        })
      )
    }
    const correct = await call(base(1), 'POST', '/api/v1/auth/sign-in', {
      headers: { 'x-forwarded-for': nextAddress() },
      body: { email: user.email, password: partner.password },
    })
    figures.partnerSignInPerAccount = {
      ...tally(guesses),
      correctPasswordAfterwards: correct.status,
    }
    expect(tally(guesses).succeeded).toBe(0)
    expect(tally(guesses).evaluated).toBeLessThanOrEqual(MAX_FAILURES)
    expect(tally(guesses).serverErrors).toBe(0)
    expect(correct.status).toBe(429)
  })

  it('limits sign-in attempts from one address over many accounts', async () => {
    const address = nextAddress()
    const answers: Answer[] = []
    const started = Date.now()
    for (let n = 0; n < 70; n++) {
      answers.push(
        await call(base(n), 'POST', '/api/v1/auth/sign-in', {
          headers: { 'x-forwarded-for': address },
          body: { email: `nobody.${n}@partner.example`, password: 'Passw0rd!guess' },
        })
      )
    }
    const windows = windowsSpanned(started, Date.now())
    figures.partnerSignInPerAddress = { ...tally(answers), windows }
    expect(tally(answers).evaluated).toBeLessThanOrEqual(SIGN_IN_PER_MINUTE * windows)
    expect(tally(answers).succeeded).toBe(0)
  })

  it('locks a customer account after the allowed failures', async () => {
    const who = customerIdentity('bf')
    const created = await call(base(0), 'POST', '/api/v1/test/customer-accounts', {
      body: { email: who.email },
    })
    expect(created.status).toBe(201)
    const guesses: Answer[] = []
    for (let n = 0; n < 40; n++) {
      guesses.push(
        await call(base(n), 'POST', `${PUBLIC}/auth/sign-in`, {
          headers: { 'x-forwarded-for': nextAddress() },
          body: { email: who.email, password: `guess-${n}-${randomBytes(4).toString('hex')}` },
        })
      )
    }
    const correct = await call(base(0), 'POST', `${PUBLIC}/auth/sign-in`, {
      headers: { 'x-forwarded-for': nextAddress() },
      body: { email: who.email, password: 'Passw0rd!demo' },
    })
    figures.customerSignInPerAccount = {
      ...tally(guesses),
      correctPasswordAfterwards: correct.status,
    }
    expect(tally(guesses).succeeded).toBe(0)
    expect(tally(guesses).evaluated).toBeLessThanOrEqual(MAX_FAILURES)
    expect(correct.status).toBe(429)
  })

  it('stops guessing invitation tokens after the public limit of one address', async () => {
    const partner = await createPartner(base(0))
    const admin = partner.users[0]
    if (!admin) throw new Error('no admin')
    const token = await signIn(base(1), admin.email, partner.password)
    secrets.add(token)
    const ids = await seedPreregistrations(topology.sql, {
      partnerId: partner.partnerId,
      userId: admin.id,
      count: 1,
      tag: 'bf',
    })
    const [row] = await invitationRows(
      topology.sql,
      queuedIds(await inviteAll([base(0)], token, ids))
    )
    await waitFor('the link', () => !!row && !!tokenOf(topology.sink, row.messageId))
    const realToken = tokenOf(topology.sink, row?.messageId ?? '') ?? ''
    const address = nextAddress()
    const guesses: Answer[] = []
    const started = Date.now()
    for (let n = 0; n < 150; n++) {
      guesses.push(
        await call(base(n), 'POST', `${PUBLIC}/invitations/resolve`, {
          headers: { 'x-forwarded-for': address },
          body: { token: randomBytes(32).toString('base64url') },
        })
      )
    }
    const realFromSameAddress = await call(base(0), 'POST', `${PUBLIC}/invitations/resolve`, {
      headers: { 'x-forwarded-for': address },
      body: { token: realToken },
    })
    const realFromOtherAddress = await call(base(1), 'POST', `${PUBLIC}/invitations/resolve`, {
      headers: { 'x-forwarded-for': nextAddress() },
      body: { token: realToken },
    })
    const windows = windowsSpanned(started, Date.now())
    figures.invitationTokenGuessing = {
      ...tally(guesses),
      windows,
      tokensFound: guesses.filter((a) => a.status === 200).length,
      realTokenFromSameAddress: realFromSameAddress.status,
      realTokenFromOtherAddress: realFromOtherAddress.status,
    }
    expect(tally(guesses).evaluated).toBeLessThanOrEqual(PUBLIC_PER_MINUTE * windows)
    expect(tally(guesses).succeeded).toBe(0)
    // Still inside the window of the last guesses: the real token is refused too.
    expect(realFromSameAddress.status).toBe(windows === 1 ? 429 : realFromSameAddress.status)
    expect(realFromOtherAddress.status).toBe(200)
  })

  it('leaves no raw token, link or unmasked customer value in the dump, the logs or the error bodies', () => {
    const scan = scanTopology(topology, secrets, errorBodies)
    writeSection('bruteForce', { ...figures, scan })
    expect(scanIsClean(scan)).toBe(true)
  })
})
