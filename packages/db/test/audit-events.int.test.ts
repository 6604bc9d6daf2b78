import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../src/schema/index'
import { createTestDatabase, type TestDatabase } from '../src/testing/index'
import { NOW, rejectionOf } from './fixtures'

let testDb: TestDatabase
const eventId = randomUUID()

beforeAll(async () => {
  testDb = await createTestDatabase()
  await testDb.db.insert(auditEvents).values({
    id: eventId,
    occurredAt: NOW,
    actorType: 'system',
    action: 'preregistration.expired',
    entityType: 'preregistration',
    entityId: randomUUID(),
    details: { from: 'PRE_REGISTERED', to: 'EXPIRED' },
  })
})
afterAll(() => testDb.close())

function messageOf(error: unknown): string {
  return String((error as { cause?: unknown }).cause ?? error)
}

describe('audit_events (R76)', () => {
  it('accepts inserts and reads', async () => {
    const rows = await testDb.db.select().from(auditEvents).where(eq(auditEvents.id, eventId))
    expect(rows[0]?.details).toEqual({ from: 'PRE_REGISTERED', to: 'EXPIRED' })
  })

  it('refuses an UPDATE', async () => {
    const error = await rejectionOf(
      testDb.db.update(auditEvents).set({ action: 'tampered' }).where(eq(auditEvents.id, eventId))
    )
    expect(messageOf(error)).toMatch(/append-only: UPDATE/)
  })

  it('refuses a DELETE', async () => {
    const error = await rejectionOf(
      testDb.db.delete(auditEvents).where(eq(auditEvents.id, eventId))
    )
    expect(messageOf(error)).toMatch(/append-only: DELETE/)
  })

  it('refuses a TRUNCATE', async () => {
    const error = await rejectionOf(testDb.db.execute(sql`truncate audit_events`))
    expect(messageOf(error)).toMatch(/append-only: TRUNCATE/)
  })

  it('still holds the original row after the refused changes', async () => {
    const rows = await testDb.db.select().from(auditEvents).where(eq(auditEvents.id, eventId))
    expect(rows.map((row) => row.action)).toEqual(['preregistration.expired'])
  })
})
