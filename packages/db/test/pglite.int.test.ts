import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createDb,
  getUniqueViolation,
  migrateDb,
  MIGRATIONS_FOLDER,
  type DbHandle,
} from '../src/index'
import { auditEvents, preRegistrations, UNIQUE_CONSTRAINTS } from '../src/schema/index'
import { demoId, seedDemoData } from '../src/seed/index'
import {
  countRows,
  fakeTokenHash,
  NOW,
  preregistrationRow,
  rejectionOf,
  SEEDED_COUNTS,
} from './fixtures'

// The embedded default (no DATABASE_URL) must work end to end, whatever TEST_DATABASE_URL says.
let handle: DbHandle

beforeAll(async () => {
  handle = await createDb({ dataDir: 'memory://' })
  await migrateDb(handle, { migrationsFolder: MIGRATIONS_FOLDER })
})
afterAll(() => handle.close())

describe('PGlite', () => {
  it('reports the pglite driver and applies nothing on a second migration', async () => {
    expect(handle.kind).toBe('pglite')
    expect((await migrateDb(handle, { migrationsFolder: MIGRATIONS_FOLDER })).applied).toBe(0)
  })

  it('seeds the demo world idempotently', async () => {
    const options = { now: NOW, passwordHash: 'scrypt:test', tokenHashFor: fakeTokenHash }
    await seedDemoData(handle.db, options)
    expect((await seedDemoData(handle.db, options)).insertedRows).toBe(0)
    expect(await countRows(handle.db)).toEqual(SEEDED_COUNTS)
  })

  it('names the violated constraint from a PGlite error', async () => {
    const acme = { partnerId: demoId('partner:acme'), userId: demoId('user:sales@acme.example') }
    const row = preregistrationRow(acme, {
      email: 'new.alpha@customer.example',
      emailCanonical: 'new.alpha@customer.example',
    })
    const error = await rejectionOf(handle.db.insert(preRegistrations).values(row))
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.holdingPreregistrationEmail)
  })

  it('refuses to update audit events through the trigger', async () => {
    const id = randomUUID()
    await handle.db.insert(auditEvents).values({
      id,
      occurredAt: NOW,
      actorType: 'system',
      action: 'invitation.expired',
      entityType: 'invitation',
      entityId: randomUUID(),
    })
    const error = await rejectionOf(handle.db.update(auditEvents).set({ action: 'x' }))
    expect(String((error as { cause?: unknown }).cause)).toMatch(/append-only/)
  })
})
