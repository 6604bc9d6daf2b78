// What the worker takes from its deployment (issue 17 items 1 and 2): the production settings it
// refuses to run without, the client address from cf-connecting-ip, and the request deadline,
// each in workerd against the file's own database.
import { accessTokens } from '@partner-center/db/schema'
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { waitUntil } from '../support/built-entry'
import { startEdgeWorld, type EdgeWorld } from './support/edge-world'
import { startWorkerd } from '../../scripts/workerd.mjs'

const LIST = '/api/v1/customer-development/preregistrations'
const SIGN_IN_LIMIT = 3
let world: EdgeWorld

beforeAll(async () => {
  world = await startEdgeWorld({
    bindings: {
      SIGN_IN_RATE_LIMIT_PER_MINUTE: String(SIGN_IN_LIMIT),
      SIGN_IN_BACKOFF_CAP_SECONDS: '0',
    },
  })
})
afterAll(async () => {
  await world?.stop()
})

/** The id of a bearer token's row: found by its SHA-256, as the API stores it. */
async function tokenIdOf(token: string): Promise<string | undefined> {
  const hash = createHash('sha256').update(token).digest('hex')
  const [row] = await world.node.database.db
    .select({ id: accessTokens.id })
    .from(accessTokens)
    .where(eq(accessTokens.tokenHash, hash))
  return row?.id
}

describe('the worker in production', () => {
  it('refuses to serve without DATA_ENCRYPTION_KEY, naming it and never the database URL', async () => {
    const bindings = { ...world.workerBindings }
    delete bindings.DATA_ENCRYPTION_KEY
    const refused = await startWorkerd({ bundle: inject('workerBundle'), bindings, healthy: false })
    try {
      const answer = await fetch(`${refused.origin}/api/health`)
      expect(answer.status).toBe(500)
      expect(refused.output()).toContain('APP_ENV=production requires DATA_ENCRYPTION_KEY')
      expect(refused.output()).not.toContain(world.workerBindings.DATABASE_URL)
    } finally {
      await refused.stop()
    }
  })

  it('counts sign-in attempts per cf-connecting-ip, the address Cloudflare gives', async () => {
    const attempt = (address: string) =>
      world.call('POST', '/api/v1/auth/sign-in', {
        headers: { 'cf-connecting-ip': address },
        body: { email: 'sales@acme.example', password: 'wrong-password' },
      })
    // A fixed window per minute: 2·limit+1 attempts put limit+1 of them in one window, wherever
    // the minute turns, so one address is refused at least once.
    const statuses: number[] = []
    for (let n = 0; n < 2 * SIGN_IN_LIMIT + 1; n++)
      statuses.push((await attempt('198.51.100.7')).status)
    expect(statuses).toContain(429)
    expect(statuses.filter((status) => status !== 429).every((status) => status === 401)).toBe(true)
    // Another address is its own bucket: its first attempt is judged, not limited.
    expect((await attempt('198.51.100.8')).status).toBe(401)
  })

  it('slides the session after the answer, under waitUntil, before closing the client', async () => {
    const token = await world.signIn('am@acme.example')
    const db = world.node.database.db
    // Make the token look unused for two minutes, so the next request owes a slide (R79).
    const before = new Date(Date.now() - 120_000)
    const [row] = await db
      .update(accessTokens)
      .set({ lastUsedAt: before, expiresAt: new Date(Date.now() + 60_000) })
      .where(eq(accessTokens.id, (await tokenIdOf(token)) ?? ''))
      .returning({ id: accessTokens.id })
    expect(row).toBeDefined()
    expect((await world.call('GET', '/api/v1/me', { token })).status).toBe(200)
    await waitUntil(
      async () => {
        const [slid] = await db
          .select({ lastUsedAt: accessTokens.lastUsedAt, expiresAt: accessTokens.expiresAt })
          .from(accessTokens)
          .where(eq(accessTokens.id, row?.id ?? ''))
        return (
          !!slid && slid.lastUsedAt > before && slid.expiresAt.getTime() > Date.now() + 3_600_000
        )
      },
      () => 'the session did not slide after the answer',
      10_000
    )
    expect(world.worker.output()).not.toContain('work after the response failed')
  })

  it('answers 503 SYSTEM_BUSY at the request deadline while the database waits on a lock', async () => {
    const token = await world.signIn('sales@acme.example')
    const impatient = await startWorkerd({
      bundle: inject('workerBundle'),
      bindings: {
        ...world.workerBindings,
        REQUEST_TIMEOUT_SECONDS: '1',
      },
    })
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => (release = resolve))
    let locked: () => void = () => undefined
    const lockHeld = new Promise<void>((resolve) => (locked = resolve))
    // The list reads pre_registrations; this transaction keeps every reader waiting.
    const holder = world.node.database.db.transaction(async (tx) => {
      await tx.execute('lock table pre_registrations in access exclusive mode')
      locked()
      await released
    })
    try {
      await lockHeld
      const stuck = await fetch(`${impatient.origin}${LIST}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(stuck.status).toBe(503)
      expect(stuck.headers.get('retry-after')).toBe('5')
      expect(((await stuck.json()) as { error: { code: string } }).error.code).toBe('SYSTEM_BUSY')
      release()
      await holder
      // The deadline left nothing behind: the same worker serves the list again.
      const again = await fetch(`${impatient.origin}${LIST}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(again.status).toBe(200)
    } finally {
      release()
      await holder.catch(() => undefined)
      await impatient.stop()
    }
  })
})
