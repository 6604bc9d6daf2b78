// Issue 20 item 5 (R115, R116): the sweeper queues one reminder per due email invitation, at
// most once whatever the number of sweeps, none when reminders are off or would fall within
// 24 hours of the first send, and its SQL agrees with the domain's isReminderDue.
import { createDb, executeRows, type DbHandle } from '@partner-center/db'
import { invitations } from '@partner-center/db/schema'
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { INVITATION_STATUSES, isReminderDue, type InvitationStatus } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reminderDueSql } from '../src/outbox/queue-due-reminders'
import { sweepExpiredRecords } from '../src/outbox/sweep-expired-records'
import { insertPartner } from './outbox/outbox-fixtures'
import { insertSentInvitations, reminderRowsOf } from './reminder-fixtures'

const HOUR = 3_600_000
let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.close()
})

const sweep = (now: Date, reminderHours = 48) =>
  sweepExpiredRecords(database.db, now, { reminderHours })

describe('queueing reminders (R115, R116)', () => {
  it('queues exactly one reminder per due invitation when the sweep runs twice', async () => {
    const sent = await insertSentInvitations(database.db, 3)
    const now = new Date()
    const first = await sweep(now)
    expect(first.remindersQueued).toBeGreaterThanOrEqual(3)
    await sweep(new Date(now.getTime() + 60_000))
    const rows = await reminderRowsOf(database.db, sent)
    expect(rows).toHaveLength(3)
    for (const row of rows) {
      expect(row.status).toBe('PENDING')
      expect(row.dedupeKey).toBe(`invitation:${row.aggregateId}:reminder`)
      expect(row.attempts).toBe(0)
    }
    expect(new Set(rows.map((row) => row.aggregateId))).toEqual(
      new Set(sent.map((s) => s.invitationId))
    )
  })

  it('queues it once with two sweepers running at the same instant on two connections', async () => {
    if (!database.url) throw new Error('needs PostgreSQL (TEST_DATABASE_URL)')
    const sent = await insertSentInvitations(database.db, 40)
    const handles: DbHandle[] = await Promise.all([
      createDb({ url: database.url }),
      createDb({ url: database.url }),
    ])
    try {
      const now = new Date()
      const results = await Promise.all(
        [...handles, ...handles].map((h) => sweepExpiredRecords(h.db, now, { reminderHours: 48 }))
      )
      const rows = await reminderRowsOf(database.db, sent)
      expect(rows).toHaveLength(40)
      expect(new Set(rows.map((row) => row.aggregateId)).size).toBe(40)
      // Each insert counted only what it inserted: 40 between the four sweeps.
      const counted = results.reduce((sum, r) => sum + r.remindersQueued, 0)
      expect(counted).toBeGreaterThanOrEqual(40)
    } finally {
      await Promise.all(handles.map((h) => h.close()))
    }
  })

  it('queues none with INVITATION_REMINDER_HOURS=0 (reminders off)', async () => {
    const sent = await insertSentInvitations(database.db, 2)
    const result = await sweep(new Date(), 0)
    expect(result.remindersQueued).toBe(0)
    expect(await reminderRowsOf(database.db, sent)).toHaveLength(0)
  })

  it('queues none when the reminder would fall within 24 hours of the first send', async () => {
    const now = new Date()
    // Sent 23 h before the reminder instant (expiresAt − 48 h): inside the window, never due.
    const sentAt = new Date(now.getTime() - 20 * HOUR)
    const tooSoon = await insertSentInvitations(database.db, 1, {
      sentAt,
      expiresAt: new Date(sentAt.getTime() + 71 * HOUR),
    })
    // Exactly 24 h after the first send: due.
    const sentAt24 = new Date(now.getTime() - 25 * HOUR)
    const justInTime = await insertSentInvitations(database.db, 1, {
      sentAt: sentAt24,
      expiresAt: new Date(sentAt24.getTime() + 72 * HOUR),
    })
    await sweep(now)
    expect(await reminderRowsOf(database.db, tooSoon)).toHaveLength(0)
    expect(await reminderRowsOf(database.db, justInTime)).toHaveLength(1)
  })

  it('queues none for an invitation not yet due, expired, or not SENT', async () => {
    const now = new Date()
    const notYet = await insertSentInvitations(database.db, 1, {
      sentAt: new Date(now.getTime() - HOUR),
      expiresAt: new Date(now.getTime() + 167 * HOUR),
    })
    const expired = await insertSentInvitations(database.db, 1, {
      sentAt: new Date(now.getTime() - 168 * HOUR),
      expiresAt: new Date(now.getTime() - 1),
    })
    const unsent = await insertSentInvitations(database.db, 1, { status: 'SEND_FAILED' })
    await sweep(now)
    for (const rows of [notYet, expired, unsent]) {
      expect(await reminderRowsOf(database.db, rows)).toHaveLength(0)
    }
  })

  it('cancels a pending reminder once its invitation is no longer SENT or has expired', async () => {
    const [accepted, expiring, live] = await insertSentInvitations(database.db, 3)
    if (!accepted || !expiring || !live) throw new Error('fixture')
    const now = new Date()
    await sweep(now)
    await database.db
      .update(invitations)
      .set({ status: 'ACCEPTED' })
      .where(sql`${invitations.id} = ${accepted.invitationId}`)
    const later = new Date(now.getTime() + 48 * HOUR)
    // `expiring` passes its expiry at `later` (47 h ahead); `live` gets a longer one.
    await database.db
      .update(invitations)
      .set({ expiresAt: new Date(later.getTime() + HOUR) })
      .where(sql`${invitations.id} = ${live.invitationId}`)
    const result = await sweep(later)
    expect(result.remindersCancelled).toBeGreaterThanOrEqual(2)
    const rows = await reminderRowsOf(database.db, [accepted, expiring, live])
    const statusOf = (id: string) => rows.find((row) => row.aggregateId === id)?.status
    expect(statusOf(accepted.invitationId)).toBe('CANCELLED')
    expect(statusOf(expiring.invitationId)).toBe('CANCELLED')
    expect(statusOf(live.invitationId)).toBe('PENDING')
  })
})

describe('the sweeper’s SQL is the domain’s isReminderDue (R115)', () => {
  it('selects exactly the invitations isReminderDue calls due, over a grid of instants', async () => {
    const partner = await insertPartner(database.db)
    const now = new Date()
    const statuses: InvitationStatus[] = [...INVITATION_STATUSES]
    const cases: {
      id: string
      status: InvitationStatus
      sentAt: Date | null
      expiresAt: Date | null
    }[] = []
    // Around every boundary: the reminder instant, expiry, and 24 h after the first send.
    const sentOffsets = [-200, -121, -73, -72, -71, -49, -25, -24, -23, -1, 0].map((h) => h * HOUR)
    const expiryOffsets = [-1, 0, 1, 23, 24, 47, 48, 49, 72, 167].map((h) => h * HOUR)
    for (const status of statuses) {
      for (const sentOffset of [...sentOffsets, null]) {
        for (const expiryOffset of [...expiryOffsets, null]) {
          const sentAt = sentOffset === null ? null : new Date(now.getTime() + sentOffset)
          const expiresAt = expiryOffset === null ? null : new Date(now.getTime() + expiryOffset)
          if (sentAt && expiresAt && expiresAt < sentAt) continue
          cases.push({ id: '', status, sentAt, expiresAt })
        }
      }
    }
    const rows = await insertSentInvitations(database.db, cases.length, { partner })
    cases.forEach((c, index) => (c.id = rows[index]?.invitationId ?? ''))
    for (const c of cases) {
      await database.db
        .update(invitations)
        .set({ status: c.status, sentAt: c.sentAt, expiresAt: c.expiresAt })
        .where(sql`${invitations.id} = ${c.id}`)
    }
    for (const reminderHours of [1, 24, 48]) {
      const selected = await executeRows<{ id: string }>(
        database.db,
        sql`select i.id from invitations as i
             where i.partner_id = ${partner.partnerId} and ${reminderDueSql(now, reminderHours)}`
      )
      const expected = cases
        .filter((c) => isReminderDue({ ...c, reminderHours, now }))
        .map((c) => c.id)
        .sort()
      expect(expected.length).toBeGreaterThan(0)
      expect(selected.map((row) => row.id).sort()).toEqual(expected)
    }
    // Nothing was queued by reading.
    const queued = await reminderRowsOf(
      database.db,
      cases.map((c) => ({ invitationId: c.id }))
    )
    expect(queued).toHaveLength(0)
  })
})
