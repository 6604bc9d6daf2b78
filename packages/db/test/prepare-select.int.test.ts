import { count, desc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createDb,
  migrateDb,
  MIGRATIONS_FOLDER,
  prepareSelect,
  type Database,
  type DbHandle,
} from '../src/index'
import { invitations, preRegistrations, users } from '../src/schema/index'
import { createTestDatabase, type TestDatabase } from '../src/testing/index'
import { insertPartner, insertPreregistrationWithBatch, invitationRow, NOW } from './fixtures'

let postgresDb: TestDatabase
let pglite: DbHandle

beforeAll(async () => {
  postgresDb = await createTestDatabase()
  pglite = await createDb({ dataDir: 'memory://' })
  await migrateDb(pglite, { migrationsFolder: MIGRATIONS_FOLDER })
})
afterAll(async () => {
  await postgresDb.close()
  await pglite.close()
})

/** A partner with three pre-registrations, one of them invited, so joins give nulls and values. */
async function seed(db: Database) {
  const owner = await insertPartner(db)
  const ids: string[] = []
  for (let index = 0; index < 3; index++) {
    const target = await insertPreregistrationWithBatch(db, owner)
    ids.push(target.prereg.id)
    if (index === 1) {
      await db.insert(invitations).values(invitationRow(owner, target, { sentAt: NOW }))
    }
  }
  return { owner, ids }
}

/** The same select, once as drizzle maps it and once through prepareSelect. */
function listSelect(db: Database) {
  const t = preRegistrations
  const fields = {
    row: { id: t.id, createdAt: t.createdAt, validUntil: t.validUntil, status: t.status },
    creator: users.displayName,
    invitationId: invitations.id,
    invitationSentAt: invitations.sentAt,
    // A left-joined table's object: null where no invitation matched, as drizzle maps it.
    invitation: { id: invitations.id, status: invitations.status, sentAt: invitations.sentAt },
    total: sql<string>`(select ${count()} from ${t} where ${t.partnerId} = ${sql.placeholder('partnerId')})`,
    doubled: sql<number>`2 * 21`.mapWith(Number),
  }
  const select = db
    .select(fields)
    .from(t)
    .innerJoin(users, eq(users.id, t.createdByUserId))
    .leftJoin(invitations, eq(invitations.preregistrationId, t.id))
    .where(eq(t.partnerId, sql.placeholder('partnerId')))
    .orderBy(desc(t.createdAt), desc(t.id))
  return { fields, select }
}

describe.each([
  ['PostgreSQL', () => postgresDb.db],
  ['PGlite', () => pglite.db],
])('prepareSelect on %s', (_driver, dbOf) => {
  it('maps rows exactly as drizzle does: nesting, dates, nulls, sql fields and placeholders', async () => {
    const db = dbOf()
    const { owner, ids } = await seed(db)
    const { fields, select } = listSelect(db)
    const expected = await select.prepare('drizzle_mapped').execute({ partnerId: owner.partnerId })
    const prepared = prepareSelect(db, 'closure_mapped', fields, select)

    const rows = await prepared.execute({ partnerId: owner.partnerId })

    expect(rows).toEqual(expected)
    expect(rows.map((row) => row.row.id)).toEqual([...ids].sort().reverse())
    expect(rows[0]?.row.createdAt).toBeInstanceOf(Date)
    expect(rows.filter((row) => row.invitationSentAt?.getTime() === NOW.getTime())).toHaveLength(1)
    expect(rows.filter((row) => row.invitationId === null)).toHaveLength(2)
    expect(rows.filter((row) => row.invitation === null)).toHaveLength(2)
    expect(rows.find((row) => row.invitation !== null)?.invitation?.status).toBe('QUEUED')
    expect(rows.find((row) => row.invitation !== null)?.invitation?.sentAt).toEqual(NOW)
    // count(*) is text from postgres.js and a number from PGlite, as drizzle maps it.
    expect(rows.map((row) => [Number(row.total), row.doubled])).toEqual([
      [3, 42],
      [3, 42],
      [3, 42],
    ])
  })

  it('runs again with other placeholder values', async () => {
    const db = dbOf()
    const { fields, select } = listSelect(db)
    const prepared = prepareSelect(db, 'closure_again', fields, select)
    const first = await seed(db)
    const second = await seed(db)

    const [a, b] = await Promise.all([
      prepared.execute({ partnerId: first.owner.partnerId }),
      prepared.execute({ partnerId: second.owner.partnerId }),
    ])

    expect(a.map((row) => row.row.id).sort()).toEqual([...first.ids].sort())
    expect(b.map((row) => row.row.id).sort()).toEqual([...second.ids].sort())
  })
})
