// Issue 20 item 5 (R117, R118, I12): the dispatcher sends a due reminder with a new token for
// the same invitation and its own Message-ID, leaves the invitation's first-send fields alone,
// cancels a reminder whose invitation ended, and a reminder's failures change only its own
// outbox row.
import { auditEvents, invitationTokens, invitations } from '@partner-center/db/schema'
import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DispatcherConfig } from '../src/outbox/dispatcher-config'
import { startDispatcher, type Dispatcher } from '../src/outbox/start-dispatcher'
import { sweepExpiredRecords } from '../src/outbox/sweep-expired-records'
import { CD, PUBLIC, type TestApp } from './helpers'
import {
  createCapturingLogger,
  PUBLIC_BASE_URL,
  testDispatcherConfig,
  tokenOfLink,
  waitFor,
} from './outbox/outbox-fixtures'
import { smtpForFile } from './outbox/smtp-for-file'
import {
  insertSentInvitations,
  reminderMessageIdOf,
  reminderRowsOf,
  type SentInvitation,
} from './reminder-fixtures'
import { createOwner, signedInCustomer, type Owner } from './state-machines/state-fixtures'
import { createTestApp } from './test-app'

let t: TestApp
const smtp = smtpForFile(10_000)
const { logger, lines } = createCapturingLogger()
let dispatcher: Dispatcher | null = null
let owner: Owner

beforeAll(async () => {
  t = await createTestApp()
  // The API's clock at the real time, so links and sessions are judged as the dispatcher's.
  t.clock.current = new Date()
  owner = await createOwner(t)
})
afterEach(async () => {
  await dispatcher?.stop()
  dispatcher = null
  smtp.sink.rejectRecipients(null)
})
afterAll(async () => {
  await t.close()
})

function start(overrides: Partial<DispatcherConfig> = {}) {
  dispatcher = startDispatcher({
    db: t.database.db,
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

const sweepNow = () => sweepExpiredRecords(t.database.db, new Date(), { reminderHours: 48 })
const remindersOf = (invitation: SentInvitation) =>
  smtp.sink.list().filter((m) => m.messageId === reminderMessageIdOf(invitation.invitationId))
const settledRows = async (sent: SentInvitation[], status: string) => {
  const rows = await reminderRowsOf(t.database.db, sent)
  return rows.length === sent.length && rows.every((row) => row.status === status)
}
const invitationOf = async (sent: SentInvitation) => {
  const [row] = await t.database.db
    .select()
    .from(invitations)
    .where(eq(invitations.id, sent.invitationId))
  if (!row) throw new Error('invitation gone')
  return row
}
const tokensOf = (sent: SentInvitation[]) =>
  t.database.db
    .select()
    .from(invitationTokens)
    .where(
      inArray(
        invitationTokens.invitationId,
        sent.map((s) => s.invitationId)
      )
    )
/** The History Records item of an invitation of `owner` (R74, §12.3.2). */
async function historyItemOf(invitation: SentInvitation) {
  const answer = await t.call<{ items: Record<string, unknown>[] }>(
    'GET',
    `${CD}/history?pageSize=100`,
    { token: owner.token }
  )
  expect(answer.status).toBe(200)
  return answer.body.items.find((item) => item.id === invitation.invitationId)
}
const ownersPartner = () => ({ ...owner, userEmail: '' })
const resolve = (token: string) =>
  t.call<{ invitedEmail: string }>('POST', `${PUBLIC}/invitations/resolve`, { body: { token } })

describe('a due reminder is sent (R117, I12)', () => {
  let sent: SentInvitation[]
  let before: Awaited<ReturnType<typeof invitationOf>>[]

  beforeAll(async () => {
    // One en, one zh-CN, of a partner whose History Records the test can read.
    sent = await insertSentInvitations(t.database.db, 2, { partner: ownersPartner() })
    before = await Promise.all(sent.map(invitationOf))
    await sweepNow()
    start()
    await waitFor(() => settledRows(sent, 'SENT'))
  })

  it('sends one reminder per invitation, with its own Message-ID answering the invitation’s', () => {
    for (const invitation of sent) {
      const copies = remindersOf(invitation)
      expect(copies).toHaveLength(1)
      const [message] = copies
      expect(message?.to).toEqual([invitation.email])
      expect(message?.headers['in-reply-to']).toBe(invitation.messageId)
      expect(message?.headers.references).toContain(invitation.messageId)
      expect(message?.headers['reply-to']).toMatch(/@/)
      const subject = {
        en: /^Reminder: your invitation from .+ expires on \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC$/,
        'zh-CN': /^提醒:.+ 的邀请将于 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d\(UTC\) 失效$/,
      }[invitation.locale]
      expect(message?.subject).toMatch(subject)
      expect(message?.text).toContain(invitation.customerName)
      expect(message?.text).toMatch(/This is the only reminder\.|这是唯一一封提醒邮件。/)
    }
  })

  it('carries a new REMINDER token for the same invitation, and never logs it', async () => {
    const tokens = await tokensOf(sent)
    for (const invitation of sent) {
      const link = tokenOfLink(remindersOf(invitation)[0]?.text ?? '')
      expect(link).not.toBeNull()
      expect(link?.token).not.toBe(invitation.firstToken)
      expect(remindersOf(invitation)[0]?.text).toContain(`${PUBLIC_BASE_URL}/invite#${link?.token}`)
      const stored = tokens.find((token) => token.tokenHash === link?.hash)
      expect(stored).toMatchObject({ invitationId: invitation.invitationId, purpose: 'REMINDER' })
      expect(lines.some((line) => line.includes(link?.token ?? '-'))).toBe(false)
    }
    expect(tokens.filter((token) => token.purpose === 'REMINDER')).toHaveLength(sent.length)
  })

  it('sets reminderSentAt and leaves status, expiry, sentAt and the attempt count as they were', async () => {
    for (const [index, invitation] of sent.entries()) {
      const row = await invitationOf(invitation)
      const earlier = before[index]
      expect(row.status).toBe('SENT')
      expect(row.reminderSentAt).toBeInstanceOf(Date)
      expect(row.expiresAt).toEqual(earlier?.expiresAt)
      expect(row.sentAt).toEqual(earlier?.sentAt)
      expect(row.attemptCount).toBe(earlier?.attemptCount)
      expect(row.lastAttemptAt).toEqual(earlier?.lastAttemptAt)
      expect(row.failureCode).toBeNull()
    }
  })

  it('shows the reminder in History Records: reminderSentAt, not failed', async () => {
    for (const invitation of sent) {
      const item = await historyItemOf(invitation)
      const row = await invitationOf(invitation)
      expect(item).toMatchObject({
        status: 'SENT',
        reminderSentAt: row.reminderSentAt?.toISOString(),
        reminderFailed: false,
      })
    }
  })

  it('writes one audit event invitation.reminder_sent per invitation, by the system', async () => {
    const events = await t.database.db
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
    expect(events).toHaveLength(sent.length)
    expect(events.every((event) => event.actorType === 'system')).toBe(true)
  })

  it('opens the same invitation with the reminder’s link, and the first link still works', async () => {
    const [invitation] = sent
    if (!invitation) throw new Error('fixture')
    const reminderToken = tokenOfLink(remindersOf(invitation)[0]?.text ?? '')?.token ?? ''
    const viaReminder = await resolve(reminderToken)
    const viaFirst = await resolve(invitation.firstToken)
    expect([viaReminder.status, viaFirst.status]).toEqual([200, 200])
    expect(viaReminder.body.invitedEmail).toBe(invitation.email)
    expect(viaFirst.body).toEqual(viaReminder.body)
    // Accepting through the reminder's link accepts this invitation; the first link then
    // answers as a used link.
    const customer = await signedInCustomer(t, invitation.email)
    const accepted = await t.call('POST', `${PUBLIC}/invitations/accept`, {
      token: customer.token,
      body: { token: reminderToken, instructionsAccepted: true },
    })
    expect(accepted.status).toBe(200)
    expect((await invitationOf(invitation)).status).toBe('ACCEPTED')
    expect((await resolve(invitation.firstToken)).status).toBe(409)
  })

  it('queues no second reminder afterwards', async () => {
    await sweepNow()
    expect(await reminderRowsOf(t.database.db, sent)).toHaveLength(sent.length)
  })
})

describe('a reminder whose invitation ended is cancelled (R117)', () => {
  it('cancels it without token or email when the invitation is no longer SENT or has expired', async () => {
    const sent = await insertSentInvitations(t.database.db, 3)
    const [accepted, expired, revoked] = sent
    if (!accepted || !expired || !revoked) throw new Error('fixture')
    await sweepNow()
    // Changed behind the writers' backs, so only the dispatcher's re-read can catch it.
    await t.database.db
      .update(invitations)
      .set({ status: 'ACCEPTED' })
      .where(eq(invitations.id, accepted.invitationId))
    await t.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, expired.invitationId))
    await t.database.db
      .update(invitations)
      .set({ status: 'REVOKED' })
      .where(eq(invitations.id, revoked.invitationId))
    start()
    await waitFor(() => settledRows(sent, 'CANCELLED'))
    const tokens = await tokensOf(sent)
    expect(tokens.filter((token) => token.purpose === 'REMINDER')).toEqual([])
    for (const invitation of sent) {
      expect(remindersOf(invitation)).toEqual([])
      expect((await invitationOf(invitation)).reminderSentAt).toBeNull()
    }
  })

  it('cancels the pending reminder when the customer accepts before it is sent (R116)', async () => {
    const [invitation] = await insertSentInvitations(t.database.db, 1)
    if (!invitation) throw new Error('fixture')
    await sweepNow()
    const customer = await signedInCustomer(t, invitation.email)
    const accepted = await t.call('POST', `${PUBLIC}/invitations/accept`, {
      token: customer.token,
      body: { token: invitation.firstToken, instructionsAccepted: true },
    })
    expect(accepted.status).toBe(200)
    const [row] = await reminderRowsOf(t.database.db, [invitation])
    expect(row?.status).toBe('CANCELLED')
  })
})

describe('the dispatcher’s own sweeper (R115)', () => {
  it('queues and sends reminders by its INVITATION_REMINDER_HOURS, none when it is 0', async () => {
    const off = await insertSentInvitations(t.database.db, 1)
    const sweeps = () => lines.filter((line) => line.includes('"msg":"expiry sweep"')).length
    const before = sweeps()
    start({ sweepIntervalSeconds: 0.05, invitationReminderHours: 0 })
    // Three sweeps have run: with reminders on, the first would have queued it.
    await waitFor(() => sweeps() >= before + 3)
    await dispatcher?.stop()
    expect(await reminderRowsOf(t.database.db, off)).toEqual([])
    start({ sweepIntervalSeconds: 0.05, invitationReminderHours: 48 })
    await waitFor(async () => (await reminderRowsOf(t.database.db, off))[0]?.status === 'SENT')
    const [only] = off
    if (!only) throw new Error('fixture')
    expect(remindersOf(only)).toHaveLength(1)
  })
})

describe('a pending reminder is cancelled with its invitation (R116)', () => {
  it('by a resend (supersede, I5) and by deleting the pre-registration (revoke, I6)', async () => {
    const [resent, deleted] = await insertSentInvitations(t.database.db, 2, {
      partner: ownersPartner(),
    })
    if (!resent || !deleted) throw new Error('fixture')
    await sweepNow()
    const resend = await t.call('POST', `${CD}/invitations/${resent.invitationId}/resend`, {
      token: owner.token,
      headers: { 'idempotency-key': crypto.randomUUID() },
    })
    expect(resend.status).toBeLessThan(300)
    const [row] = await t.database.db
      .select({ preregistrationId: invitations.preregistrationId })
      .from(invitations)
      .where(eq(invitations.id, deleted.invitationId))
    const removed = await t.call('DELETE', `${CD}/preregistrations/${row?.preregistrationId}`, {
      token: owner.token,
    })
    expect(removed.status).toBeLessThan(300)
    expect((await invitationOf(resent)).status).toBe('SUPERSEDED')
    expect((await invitationOf(deleted)).status).toBe('REVOKED')
    const reminders = await reminderRowsOf(t.database.db, [resent, deleted])
    expect(reminders.map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED'])
  })
})

describe('a reminder that is not delivered (R118)', () => {
  it('retries with backoff, then FAILED; the invitation stays SENT and its links keep working', async () => {
    const sent = await insertSentInvitations(t.database.db, 1, { partner: ownersPartner() })
    const [invitation] = sent
    if (!invitation) throw new Error('fixture')
    const before = await invitationOf(invitation)
    await sweepNow()
    smtp.sink.rejectRecipients(451)
    start({ maxAttempts: 3 })
    await waitFor(async () => (await reminderRowsOf(t.database.db, sent))[0]?.attempts === 1)
    const [retrying] = await reminderRowsOf(t.database.db, sent)
    // After one temporary failure: back to PENDING with a later run_after (R53), attempt kept.
    expect(['PENDING', 'SENDING']).toContain(retrying?.status)
    await waitFor(() => settledRows(sent, 'FAILED'))
    const [failed] = await reminderRowsOf(t.database.db, sent)
    expect(failed?.attempts).toBe(3)
    expect(failed?.lastError).toMatch(/451/)
    const after = await invitationOf(invitation)
    expect(after).toMatchObject({
      status: 'SENT',
      attemptCount: before.attemptCount,
      failureCode: null,
      reminderSentAt: null,
    })
    expect(after.expiresAt).toEqual(before.expiresAt)
    // Every token still opens the invitation: the first one and each reminder attempt's.
    expect((await resolve(invitation.firstToken)).status).toBe(200)
    // History says it: the row is SENT, its reminder was not delivered.
    expect(await historyItemOf(invitation)).toMatchObject({
      status: 'SENT',
      reminderSentAt: null,
      reminderFailed: true,
    })
    // No reminder is queued again.
    await sweepNow()
    expect(await reminderRowsOf(t.database.db, sent)).toHaveLength(1)
  })

  it('gives up at once on a permanent refusal, changing only its own row', async () => {
    const sent = await insertSentInvitations(t.database.db, 1)
    await sweepNow()
    smtp.sink.rejectRecipients(550)
    start()
    await waitFor(() => settledRows(sent, 'FAILED'))
    const [row] = await reminderRowsOf(t.database.db, sent)
    expect(row?.attempts).toBe(1)
    const [invitation] = sent
    if (!invitation) throw new Error('fixture')
    expect((await invitationOf(invitation)).status).toBe('SENT')
  })
})

describe('preview of the reminder (R119)', () => {
  it('renders the reminder for kind reminder, and the invitation by default', async () => {
    const token = await t.signIn('admin@acme.example')
    const body = { associationType: 'reseller', locale: 'en' }
    const reminder = await t.call<{ subject: string; text: string }>(
      'POST',
      `${CD}/invitations/preview`,
      { token, body: { ...body, kind: 'reminder' } }
    )
    const invitation = await t.call<{ subject: string }>('POST', `${CD}/invitations/preview`, {
      token,
      body,
    })
    expect(reminder.status).toBe(200)
    expect(reminder.body.subject).toMatch(/^Reminder: your invitation from .+ expires on /)
    expect(reminder.body.text).toContain('This is the only reminder.')
    expect(invitation.status).toBe(200)
    expect(invitation.body.subject).toMatch(/invites you to connect your Example Cloud account$/)
    const zh = await t.call<{ subject: string }>('POST', `${CD}/invitations/preview`, {
      token,
      body: { ...body, locale: 'zh-CN', kind: 'reminder' },
    })
    expect(zh.body.subject).toMatch(/^提醒:.+ 的邀请将于 .+ 失效$/)
    const bad = await t.call('POST', `${CD}/invitations/preview`, {
      token,
      body: { ...body, kind: 'nudge' },
    })
    expect(bad.status).toBe(400)
  })
})
