import { executeRows } from '@partner-center/db'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CD, leakedSecrets, P, type TestApp } from './helpers'
import { createTestApp } from './test-app'

let t: TestApp
const tokens: string[] = []

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('concurrency on real PostgreSQL (R28, R43, R44)', () => {
  it('lets exactly one of two partners pre-register the same customer at once', async () => {
    const email = `race.${crypto.randomUUID().slice(0, 8)}@customer.example`
    const acme = await t.signIn('admin@acme.example')
    const umbrella = await t.signIn('admin@umbrella.example')
    tokens.push(acme, umbrella)
    const answers = await Promise.all(
      [acme, umbrella].map((token) =>
        t.call('POST', `${CD}/preregistrations`, { token, body: { customerName: 'Race', email } })
      )
    )
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409])
    expect(answers.find((a) => a.status === 409)?.body.error?.code).toBe(
      'PREREGISTERED_BY_ANOTHER_PARTNER'
    )
    const rows = await executeRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from pre_registrations where email_canonical = ${email}`
    )
    expect(rows[0]?.n).toBe(1)
  })

  it('creates one batch for 20 concurrent requests with one Idempotency-Key, with identical answers', async () => {
    const token = await t.signIn('sales@acme.example')
    tokens.push(token)
    const key = `twenty-${crypto.randomUUID()}`
    const before = await t.countRows()
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.call('POST', `${CD}/invitations`, {
          token,
          body: { preregistrationIds: [P('P01'), P('P02')] },
          headers: { 'idempotency-key': key },
        })
      )
    )
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]))
    expect(new Set(answers.map((a) => a.text)).size).toBe(1)
    const after = await t.countRows()
    expect(after.invitation_batches).toBe(before.invitation_batches! + 1)
    expect(after.idempotency_keys).toBe(before.idempotency_keys! + 1)
  })

  it('leaves one live invitation after concurrent resends with distinct keys', async () => {
    const token = await t.signIn('admin@acme.example')
    tokens.push(token)
    const first = await t.call<{ results: { invitationId: string }[] }>(
      'POST',
      `${CD}/invitations`,
      {
        token,
        body: { preregistrationIds: [P('P12')] },
      }
    )
    // The seeded live invitation P12-1 is older than the cooldown, so a first invite supersedes it.
    t.clock.current = new Date(t.clock.current.getTime() + 11 * 60_000)
    const invitationId = first.body.results[0]?.invitationId ?? ''
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        t.call<{ results: { outcome: string; code?: string }[] }>(
          'POST',
          `${CD}/invitations/${invitationId}/resend`,
          { token, headers: { 'idempotency-key': `resend-${n}` } }
        )
      )
    )
    const outcomes = answers.map((a) => a.body.results[0]?.code ?? a.body.results[0]?.outcome)
    expect(outcomes.filter((o) => o === 'QUEUED')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'RESEND_COOLDOWN')).toHaveLength(7)
    const live = await executeRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from invitations where preregistration_id = ${P('P12')} and status in ('QUEUED','SENT','SEND_FAILED')`
    )
    expect(live[0]?.n).toBe(1)
  })

  it('leaks no token into the logs', () => {
    expect(leakedSecrets(t, tokens)).toEqual([])
  })
})
