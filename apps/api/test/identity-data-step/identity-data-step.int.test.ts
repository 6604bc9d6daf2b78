import {
  executeRows,
  identityCanonicalStep,
  migrateDb,
  MIGRATIONS_FOLDER,
  type MigrateDbResult,
} from '@partner-center/db'
import { createTestDatabase } from '@partner-center/db/testing'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logDataSteps } from '../../src/log-data-steps'
import { CD, errorOf, type TestApp } from '../helpers'
import { createTestApp, T } from '../test-app'
import { PASSWORDS, seedCollisions, type Collisions } from './seed-collisions'

// Issue 13, item 1, existing data: a database from before the fix (SQL migrations applied, the
// identity data step not yet), seeded with each kind of collision in the old canonical form,
// then migrated the way every process starts.

let t: TestApp
let c: Collisions
let migrated: MigrateDbResult
let before: { userSession: number; accountSession: number; lostSignIn: number }

const query = <R extends Record<string, unknown>>(text: string) =>
  executeRows<R>(t.database.db, sql.raw(text))

async function row<R extends Record<string, unknown>>(table: string, id: string): Promise<R> {
  const [found] = await executeRows<R>(
    t.database.db,
    sql`select * from ${sql.identifier(table)} where id = ${id}`
  )
  if (!found) throw new Error(`${table} ${id} not found`)
  return found
}

async function audits(entityId: string) {
  return executeRows<{
    action: string
    partner_id: string | null
    details: Record<string, unknown>
  }>(
    t.database.db,
    sql`select action, partner_id, details from audit_events where entity_id = ${entityId}`
  )
}

const userMe = (token: string) => t.call('GET', '/api/v1/me', { token })
const customerMe = (token: string) => t.call('GET', '/api/v1/public/auth/me', { token })
const signInUser = (email: string, password: string) =>
  t.call<{ token?: string }>('POST', '/api/v1/auth/sign-in', { body: { email, password } })
const signInCustomer = (email: string, password: string) =>
  t.call<{ token?: string }>('POST', '/api/v1/public/auth/sign-in', { body: { email, password } })

beforeAll(async () => {
  const database = await createTestDatabase({ migrate: false })
  await migrateDb(database.handle, { migrationsFolder: MIGRATIONS_FOLDER, dataSteps: [] })
  t = await createTestApp({ database })
  c = await seedCollisions(t.database.db, (password) => t.deps.passwords.hash(password))
  before = {
    userSession: (await userMe(c.userMergedToken)).status,
    accountSession: (await customerMe(c.accountMergedToken)).status,
    lostSignIn: (await signInCustomer('dupe@customer.example', PASSWORDS.lostUser)).status,
  }
  migrated = await migrateDb(database.handle, { migrationsFolder: MIGRATIONS_FOLDER, now: T })
  logDataSteps(t.deps.logger, migrated)
})
afterAll(async () => {
  await t?.close()
})

describe('the identity data step (issue 13, existing data)', () => {
  it('runs after the SQL migrations, once, and is recorded with its report', async () => {
    expect(migrated.applied).toBe(0)
    expect(migrated.dataSteps.map((step) => step.name)).toEqual([identityCanonicalStep.name])
    const again = await migrateDb(t.database.handle, {
      migrationsFolder: MIGRATIONS_FOLDER,
      now: T,
    })
    expect(again).toEqual({ applied: 0, dataSteps: [] })
    const recorded = await query<{ name: string; report: Record<string, unknown> }>(
      'select name, report from data_steps'
    )
    expect(recorded).toEqual([
      { name: identityCanonicalStep.name, report: migrated.dataSteps[0]?.report },
    ])
    expect(t.logs.filter((line) => line.msg === 'data step applied')).toHaveLength(1)
  })

  it('writes the second run nothing', async () => {
    const counted = await query<{ n: number }>('select count(*)::int as n from audit_events')
    await migrateDb(t.database.handle, { migrationsFolder: MIGRATIONS_FOLDER, now: T })
    expect(await query<{ n: number }>('select count(*)::int as n from audit_events')).toEqual(
      counted
    )
  })

  it('merges the newer holding pre-registration of another partner and revokes its invitation', async () => {
    const kept = await row('pre_registrations', c.crossKept)
    const merged = await row('pre_registrations', c.crossMerged)
    expect(kept).toMatchObject({ status: 'PRE_REGISTERED', closed_reason: null })
    expect(merged).toMatchObject({
      status: 'EXPIRED',
      closed_reason: 'IDENTITY_MERGED',
      email: 'cross@ｃｕｓｔｏｍｅｒ.example',
      email_canonical: 'cross@customer.example',
    })
    expect(await row('invitations', c.crossInvitation)).toMatchObject({
      status: 'REVOKED',
      failure_code: 'IDENTITY_MERGED',
      recipient_email_canonical: 'cross@customer.example',
    })
    expect((await audits(c.crossMerged)).map((a) => a.action)).toEqual([
      'preregistration.identity_merged',
    ])
    expect((await audits(c.crossInvitation)).map((a) => a.action)).toEqual(['invitation.revoked'])
  })

  it('merges the newer one of the same partner by its mobile and cancels the pending email', async () => {
    expect(await row('pre_registrations', c.mobileKept)).toMatchObject({
      status: 'PRE_REGISTERED',
      mobile_e164: '+442079460991',
    })
    expect(await row('pre_registrations', c.mobileMerged)).toMatchObject({
      status: 'EXPIRED',
      closed_reason: 'IDENTITY_MERGED',
      mobile_e164: '+442079460991',
    })
    expect(await row('invitations', c.mobileInvitation)).toMatchObject({
      status: 'REVOKED',
      failure_code: 'IDENTITY_MERGED',
    })
    expect(await row('outbox', c.mobileOutbox)).toMatchObject({ status: 'CANCELLED' })
    const [merged] = await audits(c.mobileMerged)
    expect(merged?.details).toMatchObject({
      from: 'PRE_REGISTERED',
      to: 'EXPIRED',
      closedReason: 'IDENTITY_MERGED',
      keptPreregistrationId: c.mobileKept,
    })
    const [revoked] = await audits(c.mobileInvitation)
    expect(revoked?.details).toMatchObject({ cancelledOutboxIds: [c.mobileOutbox] })
  })

  it('gives the newer duplicate account and user `merged:{id}`, revoking their sessions', async () => {
    expect(before).toEqual({ userSession: 200, accountSession: 200, lostSignIn: 200 })
    expect(await row('customer_accounts', c.accountKept)).toMatchObject({
      email_canonical: 'dupe@customer.example',
      merged_into_id: null,
    })
    expect(await row('customer_accounts', c.accountMerged)).toMatchObject({
      email: 'dupe@customer.example',
      email_canonical: `merged:${c.accountMerged}`,
      merged_into_id: c.accountKept,
    })
    expect(await row('customer_accounts', c.mobileAccountKept)).toMatchObject({
      mobile_e164: '+442079460992',
    })
    expect(await row('customer_accounts', c.mobileAccountMerged)).toMatchObject({
      email_canonical: `merged:${c.mobileAccountMerged}`,
      mobile_e164: `merged:${c.mobileAccountMerged}`,
      merged_into_id: c.mobileAccountKept,
    })
    expect(await row('users', c.userKept)).toMatchObject({ email_canonical: 'twin@acme.example' })
    expect(await row('users', c.userMerged)).toMatchObject({
      email_canonical: `merged:${c.userMerged}`,
      merged_into_id: c.userKept,
    })
    expect((await audits(c.accountMerged))[0]?.details).toMatchObject({
      keptCustomerAccountId: c.accountKept,
      // The seeded session and the one its sign-in opened before the step.
      revokedAccessTokenIds: expect.arrayContaining([c.accountMergedTokenId]) as unknown,
    })
    expect((await audits(c.userMerged))[0]).toMatchObject({
      action: 'user.identity_merged',
      partner_id: c.globex,
      details: { revokedAccessTokenIds: [c.userMergedTokenId] },
    })
  })

  it('answers 401 to the merged sessions and refuses the merged sign-ins', async () => {
    expect(errorOf(await userMe(c.userMergedToken))).toEqual({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    })
    expect(errorOf(await customerMe(c.accountMergedToken))).toEqual({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    })
    expect(errorOf(await signInUser('twin@acme.example', PASSWORDS.lostUser))).toEqual({
      status: 401,
      code: 'INVALID_CREDENTIALS',
    })
    expect(errorOf(await signInCustomer('dupe@customer.example', PASSWORDS.lostUser))).toEqual({
      status: 401,
      code: 'INVALID_CREDENTIALS',
    })
    // The mailbox keeps one way in: the earlier row, under any variant of its address.
    const kept = await signInUser('twin@ａｃｍｅ.example', PASSWORDS.keptUser)
    expect(kept.status).toBe(200)
    expect(await signInCustomer('dupe@customer.example', PASSWORDS.keptUser)).toMatchObject({
      status: 200,
    })
  })

  it('keeps both ACTIVE associations and lists them for the ecosystem manager only', async () => {
    const statuses = await query<{ status: string }>(
      `select status from associations where id in ('${c.associationKept}', '${c.associationMerged}')`
    )
    expect(statuses).toEqual([{ status: 'ACTIVE' }, { status: 'ACTIVE' }])
    const manager = await t.signIn('manager@ecosystem.example')
    const list = await t.call('GET', '/api/v1/admin/double-associations', { token: manager })
    expect(list.status).toBe(200)
    expect(list.body).toEqual({
      items: [
        {
          customerAccountId: c.accountKept,
          email: 'd***@customer.example',
          associations: [
            {
              id: c.associationKept,
              partner: { id: c.globex, name: 'Globex Partners' },
              customerAccountId: c.accountKept,
              mergedAccount: false,
              type: 'referral',
              associatedAt: new Date(T.getTime() - 15 * 86_400_000).toISOString(),
            },
            {
              id: c.associationMerged,
              partner: { id: c.acme, name: 'Acme Cloud Services' },
              customerAccountId: c.accountMerged,
              mergedAccount: true,
              type: 'referral',
              associatedAt: new Date(T.getTime() - 8 * 86_400_000).toISOString(),
            },
          ],
        },
      ],
    })
    const partner = await t.signIn('admin@acme.example')
    expect(
      errorOf(await t.call('GET', '/api/v1/admin/double-associations', { token: partner }))
    ).toEqual({ status: 403, code: 'PERMISSION_DENIED' })
    expect(errorOf(await t.call('GET', '/api/v1/admin/double-associations'))).toEqual({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    })
  })

  it('shows the partner why, in both languages, without naming the other partner', async () => {
    const token = await t.signIn('admin@acme.example')
    const list = await t.call<{
      items: { id: string; status: string; closedReason: string | null }[]
    }>('GET', `${CD}/preregistrations?status=EXPIRED&pageSize=100`, { token })
    expect(list.body.items.find((item) => item.id === c.crossMerged)).toMatchObject({
      status: 'EXPIRED',
      closedReason: 'IDENTITY_MERGED',
    })
    for (const [language, message] of [
      ['en', 'Merged with an earlier pre-registration of the same customer.'],
      ['zh-CN', '已与同一客户较早的报备合并。'],
    ] as const) {
      const history = await t.call<{
        items: { id: string; status: string; failure: { code: string; message: string } | null }[]
      }>('GET', `${CD}/history?pageSize=100`, { token, headers: { 'accept-language': language } })
      expect(history.body.items.find((item) => item.id === c.crossInvitation)).toMatchObject({
        status: 'REVOKED',
        failure: { code: 'IDENTITY_MERGED', message },
      })
      expect(history.text).not.toContain(c.globex)
      expect(history.text).not.toContain(c.crossKept)
      expect(history.text).not.toContain('Globex')
    }
    expect(list.text).not.toContain(c.crossKept)
    expect(list.text).not.toContain('Globex')
    // Audit rows of each partner hold nothing of the other one.
    const rows = await query<{ partner_id: string; details: unknown }>(
      `select partner_id, details from audit_events where details::text like '%IDENTITY_MERGED%'
         or action like '%identity_merged'`
    )
    const acme = JSON.stringify(rows.filter((r) => r.partner_id === c.acme))
    const globex = JSON.stringify(rows.filter((r) => r.partner_id === c.globex))
    expect(acme).not.toContain(c.globex)
    expect(acme).not.toContain(c.crossKept)
    expect(globex).not.toContain(c.acme)
    expect(globex).not.toContain(c.userKept)
  })

  it('writes one audit event per changed row and reports ids and masked values only', async () => {
    const events = await query<{ action: string; entity_id: string }>(
      `select action, entity_id from audit_events where actor_type = 'system'
         and occurred_at = '${T.toISOString()}' order by action, entity_id`
    )
    const byEntity = new Map<string, number>()
    for (const event of events)
      byEntity.set(event.entity_id, (byEntity.get(event.entity_id) ?? 0) + 1)
    expect([...byEntity.values()].every((n) => n === 1)).toBe(true)
    expect(events.map((event) => event.action).sort()).toEqual(
      [
        'customer_account.identity_merged',
        'customer_account.identity_merged',
        'identity.canonicalised',
        'identity.canonicalised',
        'invitation.revoked',
        'invitation.revoked',
        'preregistration.identity_merged',
        'preregistration.identity_merged',
        'user.identity_merged',
      ].sort()
    )
    const report = migrated.dataSteps[0]?.report ?? {}
    expect(report).toMatchObject({
      canonicalised: { preregistrations: 2, invitations: 1, customerAccounts: 1, users: 1 },
      revokedInvitationIds: expect.arrayContaining([
        c.crossInvitation,
        c.mobileInvitation,
      ]) as unknown,
      cancelledOutboxIds: [c.mobileOutbox],
      mergedUsers: [
        { id: c.userMerged, keptId: c.userKept, email: 't***@acme.example', revokedSessions: 1 },
      ],
      doubleAssociations: [
        { identityId: c.accountKept, associationIds: [c.associationKept, c.associationMerged] },
      ],
      auditEvents: 9,
    })
    const text = JSON.stringify(report) + JSON.stringify(t.logs)
    for (const raw of [
      'cross@customer.example',
      'dupe@customer.example',
      'twin@acme.example',
      'mobile.co@customer.example',
      '+442079460991',
      '+4402079460992',
      'ｃｕｓｔｏｍｅｒ',
    ]) {
      expect(text).not.toContain(raw)
    }
  })
})
