import { createDb } from '@partner-center/db'
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import {
  auditEvents,
  invitations,
  preRegistrations,
  rateLimitCounters,
} from '@partner-center/db/schema'
import { eq, inArray, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sweepExpiredRecords } from '../../src/outbox/sweep-expired-records'
import { insertPartner, insertQueuedInvitations, type QueuedInvitation } from './outbox-fixtures'
import { invitationRowsOf } from './outbox-reads'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.close()
})

describe('expiry sweeper (R80)', () => {
  it('writes each expiry once, with one audit event, while two sweepers race', async () => {
    if (!database.url) throw new Error('needs PostgreSQL (TEST_DATABASE_URL)')
    const now = new Date('2026-03-02T09:00:00Z')
    const past = new Date(now.getTime() - 1000)
    const future = new Date(now.getTime() + 86_400_000)
    const partner = await insertPartner(database.db, { now })
    const queued = await insertQueuedInvitations(database.db, partner, 40, { now })
    const [dueInvitations, laterInvitations] = [queued.slice(0, 20), queued.slice(20)]
    const sentUntil = (rows: QueuedInvitation[], expiresAt: Date) =>
      database.db
        .update(invitations)
        .set({ status: 'SENT', expiresAt })
        .where(
          inArray(
            invitations.id,
            rows.map((q) => q.invitationId)
          )
        )
    await sentUntil(dueInvitations, past)
    await sentUntil(laterInvitations, future)
    const rows = await database.db
      .select({ id: preRegistrations.id })
      .from(preRegistrations)
      .where(eq(preRegistrations.partnerId, partner.partnerId))
    const ids = rows.map((row) => row.id)
    const [reviews, lapsed, valid] = [ids.slice(0, 10), ids.slice(10, 20), ids.slice(20)]
    await database.db
      .update(preRegistrations)
      .set({ status: 'PENDING_REVIEW', reviewDeadline: past, validFrom: null, validUntil: null })
      .where(inArray(preRegistrations.id, reviews))
    await database.db
      .update(preRegistrations)
      .set({ validUntil: past })
      .where(inArray(preRegistrations.id, lapsed))

    const handles = await Promise.all([
      createDb({ url: database.url }),
      createDb({ url: database.url }),
    ])
    try {
      const results = await Promise.all(
        [...handles, ...handles].map((handle) => sweepExpiredRecords(handle.db, now))
      )
      const total = (key: keyof (typeof results)[number]) =>
        results.reduce((sum, result) => sum + result[key], 0)
      expect(total('reviewsExpired')).toBe(10)
      expect(total('preregistrationsExpired')).toBe(10)
      expect(total('invitationsExpired')).toBe(20)
    } finally {
      await Promise.all(handles.map((handle) => handle.close()))
    }

    const invitationRows = await invitationRowsOf(database.db, queued)
    const expired = invitationRows.filter((row) => row.status === 'EXPIRED').map((row) => row.id)
    expect(expired.sort()).toEqual(dueInvitations.map((q) => q.invitationId).sort())
    const preregistrationRows = await database.db
      .select()
      .from(preRegistrations)
      .where(inArray(preRegistrations.id, ids))
    const expiredPreregistrations = preregistrationRows
      .filter((row) => row.status === 'EXPIRED')
      .map((row) => row.id)
    expect(expiredPreregistrations.sort()).toEqual([...reviews, ...lapsed].sort())
    expect(
      preregistrationRows
        .filter((row) => valid.includes(row.id))
        .every((r) => r.status === 'PRE_REGISTERED')
    ).toBe(true)

    const audits = await database.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.entityId, [...ids, ...queued.map((q) => q.invitationId)]))
    expect(audits).toHaveLength(40)
    expect(new Set(audits.map((a) => a.entityId)).size).toBe(40)
    const reviewAudit = audits.find((a) => a.entityId === reviews[0])
    expect(reviewAudit?.action).toBe('preregistration.expired')
    expect(reviewAudit?.details).toEqual({ from: 'PENDING_REVIEW', to: 'EXPIRED' })
    expect(audits.find((a) => a.entityId === dueInvitations[0]?.invitationId)?.action).toBe(
      'invitation.expired'
    )
  })
  it('purges rate-limit counters of windows that ended over a day ago and keeps the rest', async () => {
    const now = new Date('2026-03-05T09:00:00Z')
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000)
    await database.db.insert(rateLimitCounters).values([
      { bucketKey: 'sweeper-test:old', windowStart: hoursAgo(30), count: 3 },
      { bucketKey: 'sweeper-test:recent', windowStart: hoursAgo(2), count: 5 },
    ])
    const result = await sweepExpiredRecords(database.db, now)
    expect(result.rateLimitCountersPurged).toBeGreaterThanOrEqual(1)
    const left = await database.db
      .select({ bucketKey: rateLimitCounters.bucketKey })
      .from(rateLimitCounters)
      .where(like(rateLimitCounters.bucketKey, 'sweeper-test:%'))
    expect(left.map((row) => row.bucketKey)).toEqual(['sweeper-test:recent'])
  })
})
