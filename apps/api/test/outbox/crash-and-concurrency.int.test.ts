import { createDb, type DbHandle } from '@partner-center/db'
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtpSink, type SmtpSink } from '../../src/dev/smtp-sink'
import { createSmtpTransport, type MailTransport } from '../../src/outbox/create-smtp-transport'
import { startDispatcher } from '../../src/outbox/start-dispatcher'
import {
  createCapturingLogger,
  insertPartner,
  insertQueuedInvitations,
  testDispatcherConfig,
  waitFor,
  type QueuedInvitation,
} from './outbox-fixtures'
import { DISPATCHER_BUNDLE, IN_FLIGHT_WINDOW, spawnDispatcher } from './dispatcher-child'
import { invitationRowsOf, outboxRowsOf } from './outbox-reads'

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

function copiesByMessageId(queued: readonly QueuedInvitation[]) {
  const wanted = new Set(queued.map((q) => q.messageId))
  const counts = new Map<string, number>()
  for (const message of sink.list()) {
    if (message.messageId && wanted.has(message.messageId)) {
      counts.set(message.messageId, (counts.get(message.messageId) ?? 0) + 1)
    }
  }
  return counts
}

async function allSent(queued: readonly QueuedInvitation[]) {
  const rows = await outboxRowsOf(database.db, queued)
  return rows.every((row) => row.status === 'SENT')
}

describe('crashes and concurrent dispatchers', () => {
  it('delivers every invitation at least once after a SIGKILL mid-run, duplicates within the in-flight window', async () => {
    expect(existsSync(DISPATCHER_BUNDLE)).toBe(true) // built by the test command first
    if (!database.url) throw new Error('needs PostgreSQL (TEST_DATABASE_URL)')
    const queued = await insertQueuedInvitations(
      database.db,
      await insertPartner(database.db),
      1_000
    )
    const child = spawnDispatcher(database.url, sink.url)
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await waitFor(() => copiesByMessageId(queued).size >= 300, 60_000)
    child.kill('SIGKILL')
    await exited
    const beforeRestart = copiesByMessageId(queued).size
    expect(beforeRestart).toBeLessThan(queued.length)

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
      await waitFor(() => allSent(queued), 60_000)
    } finally {
      await dispatcher.stop()
      transport.close()
    }
    const counts = copiesByMessageId(queued)
    expect(counts.size).toBe(queued.length)
    const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0)
    expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT_WINDOW)
    const rows = await invitationRowsOf(database.db, queued)
    expect(rows.every((row) => row.status === 'SENT')).toBe(true)
  }, 150_000)

  it('delivers every message exactly once with two dispatchers running at once', async () => {
    if (!database.url) throw new Error('needs PostgreSQL (TEST_DATABASE_URL)')
    const queued = await insertQueuedInvitations(database.db, await insertPartner(database.db), 300)
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
        config: testDispatcherConfig(),
      })
    )
    try {
      await waitFor(() => allSent(queued), 60_000)
    } finally {
      await Promise.all(dispatchers.map((d) => d.stop()))
      for (const transport of transports) transport.close()
      await Promise.all(handles.map((h) => h.close()))
    }
    const counts = copiesByMessageId(queued)
    expect(counts.size).toBe(queued.length)
    expect([...counts.values()].every((n) => n === 1)).toBe(true)
  }, 90_000)
})

describe('graceful shutdown', () => {
  it('finishes the send in flight and releases rows claimed but not started', async () => {
    const queued = await insertQueuedInvitations(database.db, await insertPartner(database.db), 10)
    let started = 0
    let dispatcher: ReturnType<typeof startDispatcher> | undefined
    let releaseSend: () => void = () => undefined
    const sendBlocked = new Promise<void>((resolve) => (releaseSend = resolve))
    const firstSendStarted = new Promise<void>((resolve) => {
      const transport: MailTransport = {
        async sendMail() {
          started += 1
          resolve()
          await sendBlocked
        },
      }
      dispatcher = startDispatcher({
        db: database.db,
        clock: { now: () => new Date() },
        logger,
        transport,
        config: testDispatcherConfig({ claimLoops: 1, sendConcurrency: 1, batchSize: 10 }),
      })
    })
    await firstSendStarted
    const stopped = dispatcher?.stop()
    releaseSend()
    await stopped
    expect(started).toBe(1)
    const rows = await outboxRowsOf(database.db, queued)
    expect(rows.filter((row) => row.status === 'SENT')).toHaveLength(1)
    const released = rows.filter((row) => row.status === 'PENDING')
    expect(released).toHaveLength(9)
    expect(released.every((row) => row.lockedUntil === null && row.attempts === 0)).toBe(true)
  })
})
