import { executeRows } from '@partner-center/db'
import { associations, invitationLinks, invitations } from '@partner-center/db/schema'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDispatcher } from '../src/outbox/start-dispatcher'
import { errorOf, type TestApp } from './helpers'
import { testDispatcherConfig, waitFor } from './outbox/outbox-fixtures'
import { smtpForFile } from './outbox/smtp-for-file'
import { caseEmail, createOwner, type Owner } from './state-machines/state-fixtures'
import {
  codeFromMail,
  insertInvitationLink,
  linkCustomer,
  PUBLIC_LINKS,
  registrationBody,
} from './support/public-link-fixtures'
import { createTestApp } from './test-app'

// Issue 20: the concurrency of links (domain.md R113): many customers through one link, one
// customer twice at once, and a reset racing registrations and acceptances.

let t: TestApp
let owner: Owner
const smtp = smtpForFile(200)

beforeAll(async () => {
  t = await createTestApp()
  owner = await createOwner(t)
})
afterAll(async () => {
  await t?.close()
})

const newLink = () =>
  insertInvitationLink(t, { partnerId: owner.partnerId, createdByUserId: owner.userId })

function accept(token: string, code: string) {
  return t.call('POST', `${PUBLIC_LINKS}/accept`, {
    token,
    body: { code, instructionsAccepted: true },
  })
}

async function countsOf(linkId: string) {
  const [row] = await t.database.db
    .select({
      registrations: invitationLinks.registrationCount,
      associations: invitationLinks.associationCount,
    })
    .from(invitationLinks)
    .where(eq(invitationLinks.id, linkId))
  const rows = await t.database.db
    .select({ status: invitations.status, customer: invitations.acceptedCustomerAccountId })
    .from(invitations)
    .where(eq(invitations.linkId, linkId))
  return { ...row, rows }
}

/**
 * L6 as the partner endpoint runs it: `FOR UPDATE` on the link, then `RESET` with `resetAt`, in
 * one transaction that holds the lock a moment, so requests queue behind it or went before.
 */
async function resetLink(linkId: string) {
  await t.database.db.transaction(async (tx) => {
    await tx.select().from(invitationLinks).where(eq(invitationLinks.id, linkId)).for('update')
    await executeRows(tx, sql`select pg_sleep(0.05)`)
    await tx
      .update(invitationLinks)
      .set({ status: 'RESET', resetAt: t.clock.now(), updatedAt: t.clock.now() })
      .where(eq(invitationLinks.id, linkId))
  })
}

describe('concurrent link associations (R113)', () => {
  it('associates 20 concurrent customers through one link, each exactly once', async () => {
    const link = await newLink()
    const customers = []
    for (let i = 0; i < 20; i += 1) customers.push(await linkCustomer(t, caseEmail(`crowd${i}`)))
    const answers = await Promise.all(customers.map((c) => accept(c.token, link.code)))
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200))
    const counts = await countsOf(link.id)
    expect(counts.associations).toBe(20)
    expect(counts.rows).toHaveLength(20)
    expect(new Set(counts.rows.map((r) => r.customer)).size).toBe(20)
    const active = await t.database.db
      .select({ id: associations.id })
      .from(associations)
      .where(and(eq(associations.partnerId, owner.partnerId), eq(associations.status, 'ACTIVE')))
    expect(active.length).toBeGreaterThanOrEqual(20)
  })

  it('creates one association and one link row for one customer’s concurrent accepts', async () => {
    const link = await newLink()
    const customer = await linkCustomer(t, caseEmail('twice'))
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => accept(customer.token, link.code))
    )
    const outcomes = answers.map((a) => errorOf(a))
    expect(outcomes.filter((o) => o.status === 200)).toHaveLength(1)
    expect(outcomes.filter((o) => o.status !== 200)).toEqual(
      Array.from({ length: 5 }, () => ({ status: 409, code: 'LINK_ALREADY_USED' }))
    )
    const counts = await countsOf(link.id)
    expect(counts).toMatchObject({ associations: 1 })
    expect(counts.rows).toHaveLength(1)
  })

  it('lets each acceptance racing a reset commit before it or answer OFFLINE_LINK_RESET and write nothing', async () => {
    const link = await newLink()
    const customers = []
    for (let i = 0; i < 12; i += 1) customers.push(await linkCustomer(t, caseEmail(`race${i}`)))
    const racing = customers.map((c) => accept(c.token, link.code))
    const reset = resetLink(link.id)
    const answers = await Promise.all(racing)
    await reset
    const accepted = answers.filter((a) => a.status === 200).length
    const refused = answers.filter((a) => a.status !== 200).map(errorOf)
    expect(refused).toEqual(
      Array.from({ length: refused.length }, () => ({ status: 410, code: 'OFFLINE_LINK_RESET' }))
    )
    const counts = await countsOf(link.id)
    expect(counts.associations).toBe(accepted)
    expect(counts.rows).toHaveLength(accepted)
    expect(counts.rows.every((r) => r.status === 'ACCEPTED')).toBe(true)
    // After the reset, the link answers its code at once.
    const late = await accept(customers[0]!.token, link.code)
    expect(errorOf(late)).toEqual({ status: 410, code: 'OFFLINE_LINK_RESET' })
  })

  it('lets each registration racing a reset commit before it or answer OFFLINE_LINK_RESET and create nothing', async () => {
    const link = await newLink()
    const dispatcher = startDispatcher({
      db: t.database.db,
      clock: t.clock,
      logger: t.deps.logger,
      transport: smtp.transport,
      config: testDispatcherConfig(),
      keyring: t.deps.keyring,
    })
    const pending: { email: string; id: string; code: string }[] = []
    try {
      for (let i = 0; i < 8; i += 1) {
        const email = caseEmail(`reg-race${i}`)
        const answer = await t.call<{ pendingRegistrationId: string }>(
          'POST',
          `${PUBLIC_LINKS}/register/code`,
          { body: registrationBody(link.code, email) }
        )
        expect(answer.status).toBe(202)
        await waitFor(() => codeFromMail(smtp.sink.list(), email) !== null)
        pending.push({
          email,
          id: answer.body.pendingRegistrationId,
          code: codeFromMail(smtp.sink.list(), email)!,
        })
      }
    } finally {
      await dispatcher.stop()
    }
    const racing = pending.map((p) =>
      t.call('POST', `${PUBLIC_LINKS}/register`, {
        body: { code: link.code, pendingRegistrationId: p.id, emailCode: p.code },
      })
    )
    const reset = resetLink(link.id)
    const answers = await Promise.all(racing)
    await reset
    const registered = answers.filter((a) => a.status === 201).length
    const refused = answers.filter((a) => a.status !== 201).map(errorOf)
    expect(refused).toEqual(
      Array.from({ length: refused.length }, () => ({ status: 410, code: 'OFFLINE_LINK_RESET' }))
    )
    const counts = await countsOf(link.id)
    expect(counts.registrations).toBe(registered)
    const accounts = await executeRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from customer_accounts
           where email_canonical in (${sql.join(
             pending.map((p) => sql`${p.email}`),
             sql`, `
           )})`
    )
    expect(accounts[0]?.n).toBe(registered)
  })
})
