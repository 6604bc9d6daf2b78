// Issue 20 item 5 (R116): a reminder is never sent by two dispatchers, and after a SIGKILL of a
// dispatcher process a duplicate occurs only inside the outbox's at-least-once window, with the
// same Message-ID. The harness is the outbox's own crash test (outbox/crash-and-concurrency):
// the built dispatcher as a child process, killed mid-run, then a dispatcher in process.
import { createDb, type DbHandle } from '@partner-center/db'
import { auditEvents, invitations } from '@partner-center/db/schema'
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { and, eq, inArray } from 'drizzle-orm'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtpSink, type SmtpSink } from '../src/dev/smtp-sink'
import { createSmtpTransport, type MailTransport } from '../src/outbox/create-smtp-transport'
import { startDispatcher } from '../src/outbox/start-dispatcher'
import { sweepExpiredRecords } from '../src/outbox/sweep-expired-records'
import { createCapturingLogger, testDispatcherConfig, waitFor } from './outbox/outbox-fixtures'
import {
  insertSentInvitations,
  reminderMessageIdOf,
  reminderRowsOf,
  type SentInvitation,
} from './reminder-fixtures'
import { DISPATCHER_BUNDLE, IN_FLIGHT_WINDOW, spawnDispatcher } from './outbox/dispatcher-child'

let database: TestDatabase
let sink: SmtpSink
const { logger } = createCapturingLogger()

beforeAll(async () => {
  database = await createTestDatabase()
  sink = await startSmtpSink({ capacity: 100_000 })
})
afterAll(async () => {
  await sink.close()
  await database.close()
})

/** Reminder copies received per invitation (by the reminder's Message-ID). */
function remindersReceived(sent: readonly SentInvitation[]) {
  const byMessageId = new Map(sent.map((s) => [reminderMessageIdOf(s.invitationId), s]))
  const counts = new Map<string, number>()
  for (const message of sink.list()) {
    const invitation = message.messageId ? byMessageId.get(message.messageId) : undefined
    if (invitation) {
      counts.set(invitation.invitationId, (counts.get(invitation.invitationId) ?? 0) + 1)
    }
  }
  return counts
}

/** Every message to these recipients that is a reminder, whatever its Message-ID. */
function reminderMessagesTo(sent: readonly SentInvitation[]) {
  const recipients = new Set(sent.map((s) => s.email))
  return sink
    .list()
    .filter((m) => m.to.some((to) => recipients.has(to)) && /^(Reminder: |提醒:)/.test(m.subject))
}

const allSent = async (sent: readonly SentInvitation[]) =>
  (await reminderRowsOf(database.db, sent)).every((row) => row.status === 'SENT')

async function queueReminders(sent: readonly SentInvitation[]) {
  await sweepExpiredRecords(database.db, new Date(), { reminderHours: 48 })
  expect(await reminderRowsOf(database.db, sent)).toHaveLength(sent.length)
}

async function reminderAudits(sent: readonly SentInvitation[]) {
  return database.db
    .select()
    .from(auditEvents)
    .where(
      and(
        inArray(
          auditEvents.entityId,
          sent.map((s) => s.invitationId)
        ),
        eq(auditEvents.action, 'invitation.reminder_sent')
      )
    )
}

describe('reminders with crashes and concurrent dispatchers (R116)', () => {
  it('sends each reminder once with two dispatchers running at once', async () => {
    if (!database.url) throw new Error('needs PostgreSQL (TEST_DATABASE_URL)')
    const sent = await insertSentInvitations(database.db, 200)
    await queueReminders(sent)
    const handles: DbHandle[] = await Promise.all([
      createDb({ url: database.url }),
      createDb({ url: database.url }),
    ])
    const transports = handles.map(() => createSmtpTransport({ url: sink.url }))
    const dispatchers = handles.map((handle, i) =>
      startDispatcher({
        db: handle.db,
        clock: { now: () => new Date() },
        logger,
        transport: transports[i] as MailTransport,
        // Both sweep too (every 50 ms): a sweep racing the other's never queues twice.
        config: testDispatcherConfig({ sweepIntervalSeconds: 0.05 }),
      })
    )
    try {
      await waitFor(() => allSent(sent), 60_000)
    } finally {
      await Promise.all(dispatchers.map((d) => d.stop()))
      for (const transport of transports) transport.close()
      await Promise.all(handles.map((h) => h.close()))
    }
    const counts = remindersReceived(sent)
    expect(counts.size).toBe(sent.length)
    expect([...counts.values()].every((n) => n === 1)).toBe(true)
    expect(reminderMessagesTo(sent)).toHaveLength(sent.length)
    expect(await reminderRowsOf(database.db, sent)).toHaveLength(sent.length)
    expect(await reminderAudits(sent)).toHaveLength(sent.length)
  }, 90_000)

  it('after a SIGKILL mid-run loses no reminder; duplicates only within the window, same Message-ID', async () => {
    expect(existsSync(DISPATCHER_BUNDLE)).toBe(true) // built by the test command first
    if (!database.url) throw new Error('needs PostgreSQL (TEST_DATABASE_URL)')
    const sent = await insertSentInvitations(database.db, 600)
    await queueReminders(sent)
    const child = spawnDispatcher(database.url, sink.url, { INVITATION_REMINDER_HOURS: '48' })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await waitFor(() => remindersReceived(sent).size >= 150, 60_000)
    child.kill('SIGKILL')
    await exited
    expect(remindersReceived(sent).size).toBeLessThan(sent.length)

    // The restart runs 301 s later (injected clock), so the dead child's leases have lapsed.
    const transport = createSmtpTransport({ url: sink.url })
    const dispatcher = startDispatcher({
      db: database.db,
      clock: { now: () => new Date(Date.now() + 301_000) },
      logger,
      transport,
      config: testDispatcherConfig(),
    })
    try {
      await waitFor(() => allSent(sent), 90_000)
    } finally {
      await dispatcher.stop()
      transport.close()
    }
    const counts = remindersReceived(sent)
    expect(counts.size).toBe(sent.length)
    const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0)
    expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT_WINDOW)
    // Every copy, duplicate or not, carries its invitation's one reminder Message-ID.
    expect(reminderMessagesTo(sent)).toHaveLength(sent.length + duplicates)
    // Still one reminder row per invitation, each invitation SENT with its reminder recorded
    // once (one audit event, whatever the copies).
    expect(await reminderRowsOf(database.db, sent)).toHaveLength(sent.length)
    const rows = await database.db
      .select()
      .from(invitations)
      .where(
        inArray(
          invitations.id,
          sent.map((s) => s.invitationId)
        )
      )
    expect(rows.every((row) => row.status === 'SENT' && row.reminderSentAt !== null)).toBe(true)
    expect(rows.every((row) => row.attemptCount === 1)).toBe(true)
    expect(await reminderAudits(sent)).toHaveLength(sent.length)
  }, 180_000)
})
