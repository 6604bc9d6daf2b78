import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PUBLIC, tokenOf } from '../src/customers'
import { call, codeOf, type Answer } from '../src/http'
import { invitationRows, inviteAll, queuedIds } from '../src/invite'
import { writeSection } from '../src/report'
import { scanIsClean, scanTopology } from '../src/scan'
import {
  createPartner,
  customerIdentity,
  insertEcosystemManager,
  seedPreregistrations,
  signIn,
} from '../src/seed'
import { startTopology, type Topology } from '../src/topology'
import { waitFor } from '../src/wait'

// Default limits (domain.md §8, R59): per account a delay doubling from 1 s to 15 min after each
// failure from an address the account never signed in from; 5 failures per account and address
// per 15 minutes; 30 sign-ins and 60 public requests per address per minute. The suite stands
// behind a trusted proxy (127.0.0.1) so each scenario can come from its own client address
// (X-Forwarded-For), as an attacker's requests would.
const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5
const BACKOFF_CAP_SECONDS = 900
const SIGN_IN_PER_MINUTE = 30
const PUBLIC_PER_MINUTE = 60

let topology: Topology
const secrets = new Set<string>()
const errorBodies: string[] = []
let addressCounter = 1
const nextAddress = () =>
  `198.51.${100 + Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`
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

/**
 * Sends until more attempts were made than the one-minute windows they spanned allow
 * (`perMinute` × windows), so by the pigeonhole principle one window must have refused some.
 * A fixed count (35 sign-ins against 30 a minute) split across a window boundary meets no 429:
 * with scrypt at p=5 thirty-five sign-ins take long enough that this happened in CI.
 * Bounded at ten windows' worth of attempts.
 */
async function sendPastTheLimit(perMinute: number, send: (n: number) => Promise<Answer>) {
  const answers: Answer[] = []
  const started = Date.now()
  while (
    answers.length <= perMinute * windowsSpanned(started, Date.now()) &&
    answers.length < perMinute * 10
  ) {
    answers.push(await send(answers.length))
  }
  return { answers, windows: windowsSpanned(started, Date.now()) }
}

/**
 * The most failures the doubling delay lets through in `ms`: the k-th evaluated attempt comes at
 * least 1 + 2 + … + 2^(k−2) = 2^(k−1) − 1 seconds after the first.
 */
function mostEvaluatedIn(ms: number) {
  return Math.floor(Math.log2(ms / 1000 + 1)) + 1
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

const retryAfterOf = (answer: Answer) =>
  (answer.body as { error?: { details?: { retryAfterSeconds?: number } } } | null)?.error?.details
    ?.retryAfterSeconds

/** One sign-in (partner staff or customer) from a client address, through either API. */
function attempt(n: number, path: string, from: string, email: string, password: string) {
  return call(base(n), 'POST', path, {
    headers: { 'x-forwarded-for': from },
    body: { email, password },
  })
}

/**
 * A stranger guessing an account's password from a new address each time, across both APIs,
 * while its owner signed in before from `home`. Returns the figures; {@link verdictOf} reads R59
 * in them: the guesses meet the doubling delay, the owner still gets in from `home`, a new
 * address waits.
 */
async function strangerAgainstOwner(options: {
  path: string
  email: string
  password: string
  guesses: number
}) {
  const { path, email, password } = options
  const home = nextAddress()
  const ownerBefore = await attempt(0, path, home, email, password)
  expect(ownerBefore.status).toBe(200)
  const guesses: Answer[] = []
  const started = Date.now()
  for (let n = 0; n < options.guesses; n++) {
    guesses.push(
      await attempt(n, path, nextAddress(), email, `guess-${n}-${randomBytes(4).toString('hex')}`)
    )
  }
  const elapsedMs = Date.now() - started
  const waits = guesses.map(retryAfterOf).filter((s): s is number => s !== undefined)
  // Once the delay has run out, one more failure starts the next (at least 1 s) delay...
  await waitFor(
    'the per-account delay to end',
    async () => (await attempt(1, path, nextAddress(), email, 'one-more-guess')).status === 401,
    { timeoutMs: (BACKOFF_CAP_SECONDS + 5) * 1000, intervalMs: 250 }
  )
  // ...during which the right password from a new address waits, and the owner's from home not.
  const elsewhere = await attempt(0, path, nextAddress(), email, password)
  const ownerDuring = await attempt(1, path, home, email, password)
  if (ownerDuring.status === 200) secrets.add((ownerDuring.body as { token: string }).token)
  if (ownerBefore.status === 200) secrets.add((ownerBefore.body as { token: string }).token)
  const figures = {
    ...tally(guesses),
    elapsedMs,
    mostEvaluatedAllowed: mostEvaluatedIn(elapsedMs),
    retryAfterSeconds: [...new Set(waits)],
    rightPasswordFromNewAddress: elsewhere.status,
    ownerFromKnownAddress: ownerDuring.status,
  }
  return figures
}

/** What R59 promises about {@link strangerAgainstOwner}'s figures. */
function verdictOf(figures: Awaited<ReturnType<typeof strangerAgainstOwner>>) {
  return {
    succeeded: figures.succeeded,
    serverErrors: figures.serverErrors,
    evaluatedWithinTheDelays: figures.evaluated <= figures.mostEvaluatedAllowed,
    waitsWithinTheCap: figures.retryAfterSeconds.every((s) => s >= 1 && s <= BACKOFF_CAP_SECONDS),
    rightPasswordFromNewAddress: figures.rightPasswordFromNewAddress,
    ownerFromKnownAddress: figures.ownerFromKnownAddress,
  }
}

const HELD = {
  succeeded: 0,
  serverErrors: 0,
  evaluatedWithinTheDelays: true,
  waitsWithinTheCap: true,
  rightPasswordFromNewAddress: 429,
  ownerFromKnownAddress: 200,
}

describe('brute force stopped by the rate limits (R59), shared by both API processes', () => {
  const figures: Record<string, unknown> = {}

  it('slows guesses on a partner account across addresses and processes, and never locks its owner out', async () => {
    const partner = await createPartner(base(0))
    const user = partner.users[0]
    if (!user) throw new Error('no user')
    const result = await strangerAgainstOwner({
      path: '/api/v1/auth/sign-in',
      email: user.email,
      password: partner.password,
      guesses: 40,
    })
    figures.partnerSignInPerAccount = result
    expect(verdictOf(result)).toEqual(HELD)
  })

  it('never locks the ecosystem manager out either', async () => {
    const manager = await insertEcosystemManager(topology.sql)
    const result = await strangerAgainstOwner({
      path: '/api/v1/auth/sign-in',
      email: manager.email,
      password: manager.password,
      guesses: 20,
    })
    figures.ecosystemManagerSignIn = result
    expect(verdictOf(result)).toEqual(HELD)
  })

  it('slows guesses on a customer account the same way', async () => {
    const who = customerIdentity('bf')
    const created = await call(base(0), 'POST', '/api/v1/test/customer-accounts', {
      body: { email: who.email },
    })
    expect(created.status).toBe(201)
    const result = await strangerAgainstOwner({
      path: `${PUBLIC}/auth/sign-in`,
      email: who.email,
      password: 'Passw0rd!demo',
      guesses: 20,
    })
    figures.customerSignInPerAccount = result
    expect(verdictOf(result)).toEqual(HELD)
  })

  it('allows 5 failures per account and address per 15 minutes, known address or not', async () => {
    const partner = await createPartner(base(0))
    const user = partner.users[0]
    if (!user) throw new Error('no user')
    const [office, home] = [nextAddress(), nextAddress()]
    const path = '/api/v1/auth/sign-in'
    expect((await attempt(0, path, office, user.email, partner.password)).status).toBe(200)
    expect((await attempt(1, path, home, user.email, partner.password)).status).toBe(200)
    const failures: Answer[] = []
    for (let n = 0; n < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS + 3; n++) {
      failures.push(await attempt(n, path, office, user.email, `wrong-${n}`))
    }
    const rightFromOffice = await attempt(0, path, office, user.email, partner.password)
    const rightFromHome = await attempt(1, path, home, user.email, partner.password)
    figures.partnerSignInPerAccountAndAddress = {
      ...tally(failures),
      rightPasswordFromThatAddress: rightFromOffice.status,
      rightPasswordFromAnotherKnownAddress: rightFromHome.status,
    }
    // A 15-minute window may end inside the run: at most twice the limit then.
    expect(tally(failures).evaluated).toBeGreaterThanOrEqual(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS)
    expect(tally(failures).evaluated).toBeLessThanOrEqual(2 * MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS)
    expect(tally(failures).succeeded).toBe(0)
    expect(rightFromHome.status).toBe(200)
  })

  it('counts a client that rotates its own X-Forwarded-For entries by the address the proxy saw', async () => {
    const address = nextAddress()
    const rotating = (n: number) => ({ 'x-forwarded-for': `203.0.113.${n % 250}, ${address}` })
    const signIn = await sendPastTheLimit(SIGN_IN_PER_MINUTE, (n) =>
      call(base(n), 'POST', '/api/v1/auth/sign-in', {
        headers: rotating(n),
        body: { email: `rotating.${n}@partner.example`, password: 'Passw0rd!guess' },
      })
    )
    const resolve = await sendPastTheLimit(PUBLIC_PER_MINUTE, (n) =>
      call(base(n), 'POST', `${PUBLIC}/invitations/resolve`, {
        headers: rotating(n),
        body: { token: randomBytes(32).toString('base64url') },
      })
    )
    const signIns = signIn.answers
    const resolves = resolve.answers
    figures.rotatingForwardedFor = {
      signIns: tally(signIns),
      resolves: tally(resolves),
      windows: { signIns: signIn.windows, resolves: resolve.windows },
    }
    expect(tally(signIns).evaluated).toBeLessThanOrEqual(SIGN_IN_PER_MINUTE * signIn.windows)
    expect(tally(resolves).evaluated).toBeLessThanOrEqual(PUBLIC_PER_MINUTE * resolve.windows)
    expect(tally(signIns).rateLimited).toBeGreaterThan(0)
    expect(tally(resolves).rateLimited).toBeGreaterThan(0)
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
