import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  HOLDING_PREREGISTRATION_STATUSES,
  invitations,
  invitationTokens,
  preRegistrations,
} from '../src/schema/index'
import {
  DEMO_INVITATIONS,
  demoId,
  demoPreregistrationId,
  DEMO_USERS,
  seedDemoData,
} from '../src/seed/index'
import { createTestDatabase, type TestDatabase } from '../src/testing/index'
import { countRows, fakeTokenHash, NOW, SEEDED_COUNTS } from './fixtures'

let testDb: TestDatabase
let firstRun: number

beforeAll(async () => {
  testDb = await createTestDatabase()
  const result = await seedDemoData(testDb.db, {
    now: NOW,
    passwordHash: 'scrypt:test',
    tokenHashFor: fakeTokenHash,
    mailDomain: 'mail.test',
  })
  firstRun = result.insertedRows
})
afterAll(() => testDb.close())

describe('seedDemoData', () => {
  it('writes the demo world of domain.md §10 and no audit events', async () => {
    expect(await countRows(testDb.db)).toEqual(SEEDED_COUNTS)
    expect(firstRun).toBe(82)
  })

  it('changes nothing when run a second time, even with another now', async () => {
    const before = await countRows(testDb.db)
    const again = await seedDemoData(testDb.db, {
      now: new Date(NOW.getTime() + 3_600_000),
      passwordHash: 'scrypt:other',
      tokenHashFor: (seedName) => Promise.resolve(fakeTokenHash(seedName)),
    })
    expect(again.insertedRows).toBe(0)
    expect(await countRows(testDb.db)).toEqual(before)
    const [p01] = await testDb.db
      .select()
      .from(preRegistrations)
      .where(eq(preRegistrations.id, demoPreregistrationId('P01')))
    expect(p01?.createdAt.toISOString()).toBe('2025-01-12T09:30:00.000Z')
  })

  it('gives Acme nine holding pre-registrations', async () => {
    const rows = await testDb.db
      .select({ id: preRegistrations.id })
      .from(preRegistrations)
      .where(
        and(
          eq(preRegistrations.partnerId, demoId('partner:acme')),
          inArray(preRegistrations.status, [...HOLDING_PREREGISTRATION_STATUSES])
        )
      )
    expect(rows).toHaveLength(9)
  })

  it('stores the hash from tokenHashFor for every invitation that has a token', async () => {
    const tokens = await testDb.db.select().from(invitationTokens)
    const withToken = DEMO_INVITATIONS.filter((invitation) => invitation.hasToken)
    expect(tokens).toHaveLength(withToken.length)
    for (const invitation of withToken) {
      const token = tokens.find((row) => row.invitationId === invitation.invitationId)
      expect(token?.tokenHash).toBe(fakeTokenHash(invitation.seedName))
    }
  })

  it('records the statuses and Message-IDs of the seeded invitations', async () => {
    const rows = await testDb.db.select().from(invitations)
    for (const invitation of DEMO_INVITATIONS) {
      const row = rows.find((candidate) => candidate.id === invitation.invitationId)
      expect(row?.status).toBe(invitation.status)
      expect(row?.messageId).toBe(`<invitation.${invitation.invitationId}@mail.test>`)
    }
  })

  it('exports sign-ins whose ids exist in the database', async () => {
    const manager = DEMO_USERS.find((user) => user.role === 'ecosystem_manager')
    expect(manager?.email).toBe('manager@ecosystem.example')
    const rows = await testDb.db.query.users.findMany()
    expect(rows.map((row) => row.id).sort()).toEqual(DEMO_USERS.map((user) => user.id).sort())
  })
})
