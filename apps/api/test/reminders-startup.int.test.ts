// Issue 20 item 5 (R115): an explicit INVITATION_REMINDER_HOURS that is not an integer
// 0 … INVITATION_TTL_DAYS × 24 − 1 stops the API and the dispatcher at start, naming the
// variable; the default never does. On the built entries, as a deployment runs them.
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSmtpSink, type SmtpSink } from '../src/dev/smtp-sink'
import { PUBLIC_BASE_URL } from './outbox/outbox-fixtures'
import { freePort, startBuiltEntry, waitForReady, type BuiltEntry } from './support/built-entry'

let sink: SmtpSink
let database: TestDatabase
const running: BuiltEntry[] = []

beforeAll(async () => {
  sink = await startSmtpSink()
  database = await createTestDatabase()
})
afterEach(async () => {
  await Promise.all(running.splice(0).map((entry) => entry.stop()))
})
afterAll(async () => {
  await sink.close()
  await database.close()
})

function start(entry: 'server' | 'dispatcher', env: Record<string, string>, port: number) {
  if (!database.url) throw new Error('needs PostgreSQL (TEST_DATABASE_URL)')
  const started = startBuiltEntry(entry, {
    APP_ENV: 'test',
    DEMO_SEED: 'false',
    DATABASE_URL: database.url,
    SMTP_URL: sink.url,
    PUBLIC_BASE_URL,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    ...env,
  })
  running.push(started)
  return started
}

describe('INVITATION_REMINDER_HOURS at start (R115)', () => {
  it.each([
    ['dispatcher', '168', '7'],
    ['server', '168', '7'],
    ['server', '24', '1'],
    ['dispatcher', '1.5', '7'],
    ['server', 'soon', '7'],
    ['dispatcher', '-1', '7'],
  ] as const)(
    'stops the %s with INVITATION_REMINDER_HOURS=%s and INVITATION_TTL_DAYS=%s, naming it',
    async (entry, hours, ttlDays) => {
      const process = start(
        entry,
        { INVITATION_REMINDER_HOURS: hours, INVITATION_TTL_DAYS: ttlDays },
        await freePort()
      )
      expect(await process.exited).not.toBe(0)
      expect(process.output()).toContain('INVITATION_REMINDER_HOURS')
      expect(process.output()).toContain(`from 0 to ${Number(ttlDays) * 24 - 1}`)
    }
  )

  it.each([
    ['unset, with INVITATION_TTL_DAYS=1 (default 12)', { INVITATION_TTL_DAYS: '1' }],
    ['0 (reminders off)', { INVITATION_REMINDER_HOURS: '0' }],
    ['167, the largest with 7 days', { INVITATION_REMINDER_HOURS: '167' }],
  ])('starts the API with %s', async (_, env) => {
    const port = await freePort()
    const api = start('server', env, port)
    await waitForReady(api, port)
    expect(api.output()).not.toContain('INVITATION_REMINDER_HOURS')
  })
})
