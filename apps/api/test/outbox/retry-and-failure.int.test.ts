import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { auditEvents } from '@partner-center/db/schema'
import { inArray } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DispatcherConfig } from '../../src/outbox/dispatcher-config'
import { startDispatcher, type Dispatcher } from '../../src/outbox/start-dispatcher'
import {
  createCapturingLogger,
  insertPartner,
  insertQueuedInvitations,
  testDispatcherConfig,
  waitFor,
  type QueuedInvitation,
} from './outbox-fixtures'
import { invitationRowsOf, outboxRowsOf } from './outbox-reads'
import { smtpForFile } from './smtp-for-file'

let database: TestDatabase
const smtp = smtpForFile(10_000)
let dispatcher: Dispatcher | null = null
const { logger } = createCapturingLogger()

beforeAll(async () => {
  database = await createTestDatabase()
})
afterEach(async () => {
  await dispatcher?.stop()
  dispatcher = null
  smtp.sink.rejectRecipients(null)
})
afterAll(async () => {
  await database.close()
})

// Backoff of tens of milliseconds instead of 30 s, so retries happen within the test.
function start(overrides: Partial<DispatcherConfig> = {}) {
  dispatcher = startDispatcher({
    db: database.db,
    clock: { now: () => new Date() },
    logger,
    transport: smtp.transport,
    config: testDispatcherConfig({
      backoffBaseSeconds: 0.05,
      backoffCapSeconds: 0.2,
      ...overrides,
    }),
  })
}

const rowsOf = (queued: QueuedInvitation[]) => outboxRowsOf(database.db, queued)
const invitationsOf = (queued: QueuedInvitation[]) => invitationRowsOf(database.db, queued)
async function auditsOf(queued: QueuedInvitation[]) {
  const ids = queued.map((q) => q.invitationId)
  return database.db.select().from(auditEvents).where(inArray(auditEvents.entityId, ids))
}

describe('temporary and permanent SMTP failures', () => {
  it('retries while the sink answers 451 and delivers every message once it accepts again', async () => {
    const queued = await insertQueuedInvitations(database.db, await insertPartner(database.db), 30)
    smtp.sink.rejectRecipients(451)
    start()
    await waitFor(async () => (await rowsOf(queued)).every((row) => row.attempts >= 2))
    const failing = await invitationsOf(queued)
    expect(failing.every((row) => row.status === 'SEND_FAILED' || row.status === 'QUEUED')).toBe(
      true
    )
    const errors = (await rowsOf(queued)).map((row) => row.lastError)
    expect(errors.every((error) => error === null || error === 'EENVELOPE 451')).toBe(true)
    expect(errors).toContain('EENVELOPE 451')
    expect((await auditsOf(queued)).some((a) => a.action === 'invitation.send_failed')).toBe(true)

    smtp.sink.rejectRecipients(null)
    const ids = new Set(queued.map((q) => q.messageId))
    await waitFor(async () => (await rowsOf(queued)).every((row) => row.status === 'SENT'))
    const arrived = smtp.sink.list().filter((m) => ids.has(m.messageId ?? ''))
    expect(arrived).toHaveLength(queued.length)
    expect(new Set(arrived.map((m) => m.messageId)).size).toBe(queued.length)
    const sent = await invitationsOf(queued)
    expect(sent.every((row) => row.status === 'SENT' && row.attemptCount >= 2)).toBe(true)
    // Each failed attempt issued its own token, all of them stored (R51).
    expect(sent.every((row) => row.sentAt !== null)).toBe(true)
  })

  it('ends in FAILED_TO_SEND after one attempt when the sink answers 550', async () => {
    const queued = await insertQueuedInvitations(database.db, await insertPartner(database.db), 5)
    smtp.sink.rejectRecipients(550)
    start()
    await waitFor(async () => (await rowsOf(queued)).every((row) => row.status === 'FAILED'))
    const rows = await rowsOf(queued)
    expect(rows.every((row) => row.attempts === 1 && row.lastError === 'EENVELOPE 550')).toBe(true)
    const failed = await invitationsOf(queued)
    expect(failed.every((row) => row.status === 'FAILED_TO_SEND')).toBe(true)
    expect(failed.every((row) => row.failureCode === 'DELIVERY_FAILED')).toBe(true)
    const audits = await auditsOf(queued)
    expect(audits.map((a) => a.action)).toEqual(queued.map(() => 'invitation.failed_to_send'))
  })

  it('ends in FAILED_TO_SEND when the last allowed attempt fails temporarily', async () => {
    const queued = await insertQueuedInvitations(database.db, await insertPartner(database.db), 3)
    smtp.sink.rejectRecipients(421)
    start({ maxAttempts: 3 })
    await waitFor(async () => (await rowsOf(queued)).every((row) => row.status === 'FAILED'))
    expect((await rowsOf(queued)).every((row) => row.attempts === 3)).toBe(true)
    const failed = await invitationsOf(queued)
    expect(failed.every((row) => row.status === 'FAILED_TO_SEND' && row.attemptCount === 3)).toBe(
      true
    )
    const actions = (await auditsOf(queued)).map((a) => a.action).sort()
    expect(actions.filter((a) => a === 'invitation.send_failed')).toHaveLength(6)
    expect(actions.filter((a) => a === 'invitation.failed_to_send')).toHaveLength(3)
    expect(
      smtp.sink.list().filter((m) => queued.some((q) => q.messageId === m.messageId))
    ).toHaveLength(0)
  })
})
