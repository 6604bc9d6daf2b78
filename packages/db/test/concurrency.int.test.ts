import { randomUUID } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executeRows, getUniqueViolation } from '../src/index'
import { associations, idempotencyKeys, invitations, UNIQUE_CONSTRAINTS } from '../src/schema/index'
import { readTestDatabaseUrl } from '../src/testing/env'
import { createTestDatabase, type TestDatabase } from '../src/testing/index'
import {
  insertCustomerAccount,
  insertPartner,
  insertPreregistrationWithBatch,
  invitationRow,
  NOW,
} from './fixtures'

let testDb: TestDatabase

beforeAll(async () => {
  testDb = await createTestDatabase()
})
afterAll(() => testDb.close())

/** Settles every promise and returns the constraint names of the failures (null = success). */
async function outcomes(attempts: Promise<unknown>[]): Promise<(string | null)[]> {
  const settled = await Promise.allSettled(attempts)
  return settled.map((result) =>
    result.status === 'fulfilled' ? null : (getUniqueViolation(result.reason) ?? 'other error')
  )
}

describe('races settled by constraints', () => {
  it('lets exactly one of two concurrent live invitations of one pre-registration win', async () => {
    const { db } = testDb
    const owner = await insertPartner(db)
    const target = await insertPreregistrationWithBatch(db, owner)
    const rows = [invitationRow(owner, target), invitationRow(owner, target)]
    const results = await outcomes(
      rows.map((row) =>
        db.transaction(async (tx) => {
          await tx.insert(invitations).values(row)
        })
      )
    )
    expect(results.filter((result) => result === null)).toHaveLength(1)
    expect(results).toContain(UNIQUE_CONSTRAINTS.oneLiveInvitationPerPreregistration)
    const stored = await db
      .select()
      .from(invitations)
      .where(eq(invitations.preregistrationId, target.prereg.id))
    expect(stored).toHaveLength(1)
  })

  it('lets exactly one of five concurrent accepts create the ACTIVE association (R68)', async () => {
    const { db } = testDb
    const account = await insertCustomerAccount(db)
    const partnerIds = await Promise.all(
      [1, 2, 3, 4, 5].map(async () => (await insertPartner(db)).partnerId)
    )
    const results = await outcomes(
      partnerIds.map((partnerId) =>
        db.transaction(async (tx) => {
          await tx.insert(associations).values({
            id: randomUUID(),
            partnerId,
            customerAccountId: account.id,
            type: 'reseller',
            payer: 'PARTNER',
            status: 'ACTIVE',
            origin: 'EMAIL_INVITATION',
            frozenPendingBudget: true,
            associatedAt: NOW,
            createdAt: NOW,
            updatedAt: NOW,
          })
        })
      )
    )
    expect(results.filter((result) => result === null)).toHaveLength(1)
    expect(
      results.filter((result) => result === UNIQUE_CONSTRAINTS.oneActiveAssociationPerCustomer)
    ).toHaveLength(4)
    const active = await db
      .select()
      .from(associations)
      .where(
        and(
          eq(associations.customerAccountId, account.id),
          inArray(associations.status, ['ACTIVE'])
        )
      )
    expect(active).toHaveLength(1)
  })

  // PGlite has a single connection, so a twin cannot start while the first runs; the PGlite
  // fallback already warns that concurrency is not exercised.
  it.runIf(readTestDatabaseUrl() !== undefined)(
    'makes a racing idempotency twin wait for the first request and then see its response',
    async () => {
      const { db } = testDb
      const owner = await insertPartner(db)
      const key = {
        ...owner,
        key: randomUUID(),
        requestHash: 'hash',
        createdAt: NOW,
        expiresAt: NOW,
      }
      let releaseFirst = () => undefined as void
      const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve))
      let firstInserted = () => undefined as void
      const firstHasRow = new Promise<void>((resolve) => (firstInserted = resolve))

      const first = db.transaction(async (tx) => {
        await tx.insert(idempotencyKeys).values(key) // "in progress": no response yet
        firstInserted()
        await firstMayCommit
        await tx
          .update(idempotencyKeys)
          .set({ responseStatus: 202, responseBody: '{"batchId":"b"}' })
          .where(eq(idempotencyKeys.key, key.key))
      })
      await firstHasRow
      const twin = db.transaction(async (tx) => {
        const inserted = await tx
          .insert(idempotencyKeys)
          .values(key)
          .onConflictDoNothing()
          .returning()
        const [stored] = await tx
          .select()
          .from(idempotencyKeys)
          .where(eq(idempotencyKeys.key, key.key))
        return { inserted: inserted.length, stored }
      })
      // The twin's insert blocks on the uncommitted key until the first transaction ends.
      await expect
        .poll(async () => {
          const [row] = await executeRows<{ waiting: number }>(
            db,
            sql`select count(*)::int as waiting from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`
          )
          return row?.waiting
        })
        .toBe(1)
      releaseFirst()
      await first
      const result = await twin
      expect(result.inserted).toBe(0)
      expect(result.stored?.responseStatus).toBe(202)
      expect(result.stored?.responseBody).toBe('{"batchId":"b"}')
    }
  )
})
