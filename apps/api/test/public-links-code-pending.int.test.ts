import { executeRows } from '@partner-center/db'
import { pendingLinkRegistrations } from '@partner-center/db/schema'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { startDispatcher } from '../src/outbox/start-dispatcher'
import { sweepExpiredRecords } from '../src/outbox/sweep-expired-records'
import { errorOf, leakedSecrets, type TestApp } from './helpers'
import { testDispatcherConfig, waitFor } from './outbox/outbox-fixtures'
import { createSentInvitation, registerThroughLink } from './public/link-fixtures'
import { linkCodeWorld, type LinkCodeLink, type LinkCodePartner } from './support/link-code-world'

// Issue 20 point 3: a pending link registration (domain.md R101, R102) holds nothing back, its
// code email is sent only while the row still runs, and the sweeper deletes it once over.
// The codes are read from the real SMTP sink, never from the DB.

const world = linkCodeWorld()
const { smtp, seenCodes, fresh, mailedCode, requestCode, confirm } = world
let t: TestApp
let partner: LinkCodePartner
let link: LinkCodeLink
beforeAll(() => {
  t = world.t
  partner = world.partner
  link = world.link
})

describe('the dispatcher re-reads the pending row (R102)', () => {
  it('cancels the code email of a superseded or expired registration and sends none', async () => {
    await world.dispatcher.stop()
    const superseded = fresh('superseded')
    const first = await requestCode(superseded)
    const third = await requestCode(fresh('lapsed'))
    t.clock.current = new Date(t.clock.now().getTime() + 61_000)
    const second = await requestCode(superseded)
    // The third expires now; the second, requested 61 s later, still runs.
    t.clock.current = new Date(Date.parse(third.body.expiresAt))
    world.dispatcher = startDispatcher({
      db: t.database.db,
      clock: t.clock,
      logger: t.deps.logger,
      transport: smtp.transport,
      config: testDispatcherConfig(),
      keyring: t.deps.keyring,
    })
    const statusOf = async (pendingId: string) =>
      (
        await executeRows<{ status: string }>(
          t.database.db,
          sql`select status from outbox where dedupe_key = ${`email-code:${pendingId}`}`
        )
      )[0]?.status
    await waitFor(async () => (await statusOf(first.body.pendingRegistrationId)) === 'CANCELLED')
    await waitFor(async () => (await statusOf(third.body.pendingRegistrationId)) === 'CANCELLED')
    await waitFor(async () => (await statusOf(second.body.pendingRegistrationId)) === 'SENT')
    const ids = smtp.sink.list().map((m) => m.messageId)
    expect(ids).toContain(`<email-code.${second.body.pendingRegistrationId}@partner-center.local>`)
    expect(ids).not.toContain(
      `<email-code.${first.body.pendingRegistrationId}@partner-center.local>`
    )
    expect(ids).not.toContain(
      `<email-code.${third.body.pendingRegistrationId}@partner-center.local>`
    )
  })
})

describe('pending registrations block nothing (R101)', () => {
  it('lets an email invitation register the same address meanwhile', async () => {
    const email = fresh('both')
    const pending = await requestCode(email)
    expect(pending.status).toBe(202)
    // The code email is prepared by the dispatcher, which sends "sign in instead" (no code) to
    // an address that has an account by then: wait for the code before the account exists.
    const code = await mailedCode(email)
    const { token } = await createSentInvitation(t, {
      partnerId: partner.partnerId,
      createdByUserId: partner.userId,
      email,
    })
    const registered = await registerThroughLink(t, token)
    expect(registered.status).toBe(201)
    expect(errorOf(await confirm(pending.body.pendingRegistrationId, code))).toEqual({
      status: 409,
      code: 'ACCOUNT_EXISTS',
    })
  })

  it('is deleted by the sweeper once expired or void', async () => {
    const email = fresh('swept')
    const first = await requestCode(email)
    t.clock.current = new Date(t.clock.now().getTime() + 60_000)
    const second = await requestCode(email)
    await sweepExpiredRecords(t.database.db, t.clock.now())
    const ids = async () =>
      (
        await t.database.db
          .select({ id: pendingLinkRegistrations.id })
          .from(pendingLinkRegistrations)
      ).map((r) => r.id)
    expect(await ids()).not.toContain(first.body.pendingRegistrationId)
    expect(await ids()).toContain(second.body.pendingRegistrationId)
    await sweepExpiredRecords(t.database.db, new Date(Date.parse(second.body.expiresAt)))
    expect(await ids()).not.toContain(second.body.pendingRegistrationId)
  })
})

describe('secrets stay out of the logs (R77, R99)', () => {
  it('never logs a link code, an email code or an unmasked customer email', () => {
    expect(seenCodes.length).toBeGreaterThan(0)
    const codes = seenCodes.map((code) => `"${code}"`)
    expect(leakedSecrets(t, [link.code, ...codes])).toEqual([])
  })
})
