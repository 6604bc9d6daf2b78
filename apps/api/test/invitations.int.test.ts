import { executeRows } from '@partner-center/db'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, CD, leakedSecrets, errorOf, I, P, signInAll, type TestApp } from './helpers'
import { createTestApp, T } from './test-app'

let t: TestApp
let tokens: Record<string, string> = {}
const INV = `${CD}/invitations`

beforeAll(async () => {
  t = await createTestApp()
  tokens = await signInAll(t, [
    'admin@acme.example',
    'sales@acme.example',
    'am@acme.example',
    'viewer@acme.example',
    'admin@globex.example',
    'admin@umbrella.example',
  ])
})
afterAll(async () => {
  await t.close()
})

interface Batch {
  batchId: string
  associationType: string
  requested: number
  queued: number
  skipped: number
  results: {
    preregistrationId: string
    outcome: string
    invitationId?: string
    code?: string
    retryAfterSeconds?: number
  }[]
}
const admin = () => tokens['admin@acme.example']!
const invite = (body: unknown, token = admin(), key?: string) =>
  t.call<Batch>('POST', INV, { token, body, headers: key ? { 'idempotency-key': key } : {} })

describe('inviting (R36–R44)', () => {
  it('queues a row with one invitation, outbox message and audit events in one batch (202)', async () => {
    const response = await invite({ preregistrationIds: [P('P01')], associationType: 'referral' })
    expect(response.status).toBe(202)
    expect(response.body).toMatchObject({
      associationType: 'referral',
      requested: 1,
      queued: 1,
      skipped: 0,
    })
    const invitationId = response.body.results[0]!.invitationId!
    const [outbox] = await executeRows<{
      kind: string
      dedupe_key: string
      status: string
      payload: unknown
    }>(
      t.database.db,
      sql`select kind, dedupe_key, status, payload from outbox where aggregate_id = ${invitationId}`
    )
    expect(outbox).toEqual({
      kind: 'INVITATION_EMAIL',
      dedupe_key: `invitation:${invitationId}:send`,
      status: 'PENDING',
      payload: { invitationId },
    })
    const [invitation] = await executeRows<{
      status: string
      message_id: string
      recipient_email: string
    }>(
      t.database.db,
      sql`select status, message_id, recipient_email from invitations where id = ${invitationId}`
    )
    expect(invitation).toEqual({
      status: 'QUEUED',
      message_id: `<invitation.${invitationId}@partner-center.local>`,
      recipient_email: 'new.alpha@customer.example',
    })
    const requestId = response.headers.get('x-request-id')!
    expect(await auditEvents(t, 'invitation_batch.submitted', requestId)).toHaveLength(1)
    expect(await auditEvents(t, 'invitation.queued', requestId)).toHaveLength(1)
  })

  it('skips each seeded row with its code, in request order, duplicates collapsed', async () => {
    const ids = [P('P07'), P('P08'), P('P09'), P('P10'), P('P03'), P('G01'), P('P07')]
    const response = await invite({ preregistrationIds: ids })
    expect(response.status).toBe(202)
    expect(response.body.results.map((r) => r.code)).toEqual([
      'PREREGISTRATION_NOT_ACTIVE',
      'PREREGISTRATION_NOT_ACTIVE',
      'PREREGISTRATION_NOT_ACTIVE',
      'EMAIL_REQUIRED',
      'RESEND_COOLDOWN',
      'NOT_FOUND',
    ])
    expect(response.body.results[4]!.retryAfterSeconds).toBe(300)
    expect(response.body).toMatchObject({ requested: 6, queued: 0, skipped: 6 })
  })

  it('answers 101 ids with BATCH_TOO_LARGE and stores nothing', async () => {
    const ids = Array.from({ length: 101 }, () => crypto.randomUUID())
    const before = await t.countRows()
    expect(errorOf(await invite({ preregistrationIds: ids }))).toEqual({
      status: 422,
      code: 'BATCH_TOO_LARGE',
    })
    expect(await t.countRows()).toEqual(before)
  })

  it('refuses referral when not enabled and reseller for a prepaid partner', async () => {
    expect(
      errorOf(
        await invite(
          { preregistrationIds: [P('U01')], associationType: 'referral' },
          tokens['admin@umbrella.example']
        )
      )
    ).toEqual({ status: 403, code: 'REFERRAL_NOT_ENABLED' })
    expect(
      errorOf(await invite({ preregistrationIds: [P('G01')] }, tokens['admin@globex.example']))
    ).toEqual({ status: 403, code: 'PREPAID_PARTNER_RESELLER' })
  })

  it('refuses the viewer with PERMISSION_DENIED', async () => {
    expect(
      errorOf(await invite({ preregistrationIds: [P('P01')] }, tokens['viewer@acme.example']))
    ).toEqual({ status: 403, code: 'PERMISSION_DENIED' })
  })

  it('supersedes the live invitation and cancels its pending email on a new invite (I5)', async () => {
    t.clock.current = new Date(T.getTime() + 11 * 60_000)
    try {
      const response = await invite({ preregistrationIds: [P('P12')] })
      expect(response.body.results[0]).toMatchObject({ outcome: 'QUEUED' })
      const requestId = response.headers.get('x-request-id')!
      expect(
        (await auditEvents(t, 'invitation.superseded', requestId)).map((a) => a.entity_id)
      ).toEqual([I('P12-1')])
      expect(await auditEvents(t, 'invitation.resent', requestId)).toHaveLength(1)
    } finally {
      t.clock.current = T
    }
  })

  it('caps a partner at dailyInviteCap with PARTNER_DAILY_CAP', async () => {
    const partner = await t.createPartner({ dailyInviteCap: 1 })
    const token = await t.signIn(partner.users[0]!.email)
    const ids: string[] = []
    for (const n of [1, 2]) {
      const created = await t.call<{ id: string }>('POST', `${CD}/preregistrations`, {
        token,
        body: {
          customerName: `Cap ${n}`,
          email: `cap.${n}.${partner.partnerId.slice(0, 8)}@customer.example`,
        },
      })
      ids.push(created.body.id)
    }
    const response = await invite({ preregistrationIds: ids }, token)
    expect(response.body.results.map((r) => r.code ?? r.outcome)).toEqual([
      'QUEUED',
      'PARTNER_DAILY_CAP',
    ])
  })

  it('caps a recipient at 3 invitations in 24 h across partners with RECIPIENT_DAILY_CAP', async () => {
    const email = `shared.${crypto.randomUUID().slice(0, 8)}@customer.example`
    const codes: (string | undefined)[] = []
    for (let n = 0; n < 4; n++) {
      const partner = await t.createPartner()
      const token = await t.signIn(partner.users[0]!.email)
      const created = await t.call<{ id: string }>('POST', `${CD}/preregistrations`, {
        token,
        body: { customerName: 'Shared', email },
      })
      codes.push(
        (await invite({ preregistrationIds: [created.body.id] }, token)).body.results[0]!.code
      )
      await t.call('DELETE', `${CD}/preregistrations/${created.body.id}`, { token })
    }
    expect(codes).toEqual([undefined, undefined, undefined, 'RECIPIENT_DAILY_CAP'])
  })
})

describe('Idempotency-Key (R43)', () => {
  it('replays the same answer byte for byte and refuses another body with IDEMPOTENCY_KEY_REUSED', async () => {
    const key = `key-${crypto.randomUUID()}`
    const first = await invite({ preregistrationIds: [P('P13')] }, tokens['am@acme.example'], key)
    const before = await t.countRows()
    const again = await invite({ preregistrationIds: [P('P13')] }, tokens['am@acme.example'], key)
    expect(again.status).toBe(202)
    expect(again.text).toBe(first.text)
    expect(await t.countRows()).toEqual(before)
    expect(
      errorOf(await invite({ preregistrationIds: [P('P04')] }, tokens['am@acme.example'], key))
    ).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' })
  })
})

describe('batch progress, preview and resend (R45–R49)', () => {
  it('shows progress to the creator and admins and NOT_FOUND to others', async () => {
    const sent = await invite({ preregistrationIds: [P('P11')] }, tokens['sales@acme.example'])
    const path = `${CD}/invitation-batches/${sent.body.batchId}`
    const own = await t.call('GET', path, { token: tokens['sales@acme.example'] })
    expect(own.body).toMatchObject({ total: 1, pending: 1, sent: 0, done: false, queued: 1 })
    expect((await t.call('GET', path, { token: admin() })).status).toBe(200)
    expect(errorOf(await t.call('GET', path, { token: tokens['am@acme.example'] }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    })
    expect(errorOf(await t.call('GET', path, { token: tokens['admin@globex.example'] }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    })
    expect(
      errorOf(await t.call('GET', `${CD}/invitation-batches/nope`, { token: admin() }))
    ).toEqual({ status: 404, code: 'NOT_FOUND' })
  })

  it('previews the real email with masked customer data and a placeholder link, writing nothing', async () => {
    const before = await t.countRows()
    const response = await t.call<{ subject: string; html: string; text: string }>(
      'POST',
      `${INV}/preview`,
      {
        token: admin(),
        body: { associationType: 'reseller', locale: 'en', preregistrationId: P('P01') },
      }
    )
    expect(response.status).toBe(200)
    expect(response.body.subject).toBe(
      'Acme Cloud Services invites you to connect your Example Cloud account'
    )
    expect(response.body.text).toContain('http://localhost:4175/invite#preview')
    expect(response.body.text).toContain('n***@customer.example')
    expect(response.body.text).toContain('9 Mar 2026, 09:00 UTC')
    expect(response.text).not.toContain('Alpha Robotics')
    expect(await t.countRows()).toEqual(before)
  })

  it('resends as a batch of one and skips a concurrent twin with RESEND_COOLDOWN', async () => {
    t.clock.current = new Date(T.getTime() + 11 * 60_000)
    try {
      const [a, b] = await Promise.all([
        t.call<Batch>('POST', `${INV}/${I('P03-1')}/resend`, { token: admin() }),
        t.call<Batch>('POST', `${INV}/${I('P03-1')}/resend`, { token: admin() }),
      ])
      expect([a.status, b.status]).toEqual([202, 202])
      expect([a.body.results[0]!.outcome, b.body.results[0]!.outcome].sort()).toEqual([
        'QUEUED',
        'SKIPPED',
      ])
      const live = await executeRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from invitations where preregistration_id = ${P('P03')} and status in ('QUEUED','SENT','SEND_FAILED')`
      )
      expect(live[0]?.n).toBe(1)
    } finally {
      t.clock.current = T
    }
  })

  it('refuses a resend of a deleted row with PREREGISTRATION_NOT_ACTIVE', async () => {
    const response = await t.call<Batch>('POST', `${INV}/${I('P14-1')}/resend`, { token: admin() })
    expect(response.body.results[0]).toMatchObject({
      outcome: 'SKIPPED',
      code: 'PREREGISTRATION_NOT_ACTIVE',
    })
  })
})

describe('History Records (R74)', () => {
  interface History {
    items: {
      id: string
      status: string
      statusLabel: string
      email: string
      failure: { code: string; message: string } | null
      preregistrationDeleted: boolean
      resendCheck: { allowed: boolean }
    }[]
    total: number
  }

  it('lists invitations of deleted rows too, with labels and failure texts in the request language', async () => {
    const response = await t.call<History>('GET', `${CD}/history?pageSize=100`, {
      token: admin(),
      headers: { 'accept-language': 'zh-CN' },
    })
    expect(response.status).toBe(200)
    const withdrawn = response.body.items.find((i) => i.id === I('P14-1'))
    expect(withdrawn).toMatchObject({
      statusLabel: '已撤销',
      preregistrationDeleted: true,
      resendCheck: { allowed: false },
    })
    const failed = response.body.items.find((i) => i.id === I('P11-1'))
    expect(failed?.failure).toEqual({
      code: 'UNPAID_BILLS',
      message: '该账号存在未结清的账单。',
      partnerAction: '请客户结清账单后,重新发送邀请邮件。',
    })
    expect(JSON.stringify(response.body)).not.toMatch(/[a-z]@customer\.example/)
  })

  it('filters by label, searches, and hides other rows from an account manager', async () => {
    const withdrawn = await t.call<History>('GET', `${CD}/history?status=WITHDRAWN&q=withdrawn`, {
      token: admin(),
    })
    expect(withdrawn.body.items.map((i) => i.id)).toEqual([I('P14-1')])
    const am = await t.call<History>('GET', `${CD}/history?pageSize=100`, {
      token: tokens['am@acme.example'],
    })
    expect(
      am.body.items.every((i) => [I('P04-1'), I('P13-1')].includes(i.id) || i.status === 'QUEUED')
    ).toBe(true)
  })

  it('reveals the email with one audit event', async () => {
    const response = await t.call<History>('GET', `${CD}/history?reveal=email&q=zeta`, {
      token: admin(),
    })
    expect(response.body.items[0]?.email).toBe('new.zeta@customer.example')
    expect(
      await auditEvents(t, 'pii.revealed', response.headers.get('x-request-id')!)
    ).toHaveLength(1)
  })

  it('leaks no token and no unmasked customer email into the logs', () => {
    expect(leakedSecrets(t, Object.values(tokens))).toEqual([])
  })
})
