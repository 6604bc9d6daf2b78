import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import {
  associations,
  auditEvents,
  customerAccounts,
  invitationTokens,
  invitations,
  outbox,
} from '@partner-center/db/schema'
import { renderEmail } from '@partner-center/email-templates'
import { eq, inArray } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDispatcher } from '../../src/outbox/start-dispatcher'
import {
  createCapturingLogger,
  insertPartner,
  insertQueuedInvitations,
  PUBLIC_BASE_URL,
  testDispatcherConfig,
  tokenOfLink,
  waitFor,
  type QueuedInvitation,
} from './outbox-fixtures'
import { invitationRowsOf, outboxRowsOf } from './outbox-reads'
import { smtpForFile } from './smtp-for-file'

let database: TestDatabase
const smtp = smtpForFile(10_000)
const { logger, lines } = createCapturingLogger()

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.close()
})

/** Runs one in-process dispatcher until `done` holds. */
async function dispatchUntil(done: () => boolean | Promise<boolean>) {
  const dispatcher = startDispatcher({
    db: database.db,
    clock: { now: () => new Date() },
    logger,
    transport: smtp.transport,
    config: testDispatcherConfig(),
  })
  try {
    await waitFor(done)
  } finally {
    await dispatcher.stop()
  }
}

const received = (invitation: QueuedInvitation) =>
  smtp.sink.list().filter((message) => message.messageId === invitation.messageId)

describe('invitation emails through the outbox', () => {
  let queued: QueuedInvitation[]
  let startedAt: Date

  beforeAll(async () => {
    const partner = await insertPartner(database.db)
    queued = await insertQueuedInvitations(database.db, partner, 24)
    startedAt = new Date()
    await dispatchUntil(() => queued.every((invitation) => received(invitation).length > 0))
  })

  it('delivers every queued invitation once, to its recipient, with a working link', async () => {
    const tokens = await database.db
      .select()
      .from(invitationTokens)
      .where(
        inArray(
          invitationTokens.invitationId,
          queued.map((q) => q.invitationId)
        )
      )
    for (const invitation of queued) {
      const copies = received(invitation)
      expect(copies).toHaveLength(1)
      const [message] = copies
      expect(message?.to).toEqual([invitation.email])
      expect(message?.headers.to).toContain(invitation.email)
      expect(message?.headers['reply-to']).toContain('sales@alpha.example')
      const link = tokenOfLink(message?.text ?? '')
      expect(link).not.toBeNull()
      expect(message?.text).toContain(`${PUBLIC_BASE_URL}/invite#${link?.token}`)
      const stored = tokens.find((token) => token.tokenHash === link?.hash)
      expect(stored?.invitationId).toBe(invitation.invitationId)
    }
  })

  it('writes the subject, locale and association type of each invitation', () => {
    const subjects = {
      en: 'Alpha Partner invites you to connect your Example Cloud account',
      'zh-CN': 'Alpha Partner 邀请您关联 Example Cloud 账号',
    }
    const typeSentences = {
      en: { reseller: 'under the Reseller model', referral: 'under the Referral model' },
      'zh-CN': { reseller: '「代售」', referral: '「顾问销售」' },
    }
    for (const invitation of queued) {
      const [message] = received(invitation)
      expect(message?.subject).toBe(subjects[invitation.locale])
      expect(message?.text).toContain(invitation.customerName)
      expect(message?.text).toContain(typeSentences[invitation.locale][invitation.associationType])
    }
  })

  it('marks rows and invitations sent with one attempt, expiry and one audit event each', async () => {
    const ids = queued.map((q) => q.invitationId)
    const rows = await invitationRowsOf(database.db, queued)
    for (const row of rows) {
      expect(row.status).toBe('SENT')
      expect(row.attemptCount).toBe(1)
      expect(row.sentAt?.getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1000)
      expect((row.expiresAt?.getTime() ?? 0) - (row.lastAttemptAt?.getTime() ?? 0)).toBe(
        7 * 86_400_000
      )
    }
    const boxes = await outboxRowsOf(database.db, queued)
    expect(boxes.every((box) => box.status === 'SENT' && box.lockedUntil === null)).toBe(true)
    const audits = await database.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.entityId, ids))
    expect(audits).toHaveLength(queued.length)
    expect(audits.every((a) => a.action === 'invitation.sent' && a.actorType === 'system')).toBe(
      true
    )
  })

  it('sends html and text byte-identical to renderEmail for the same link and expiry', async () => {
    for (const invitation of queued.slice(0, 6)) {
      const [message] = received(invitation)
      const link = tokenOfLink(message?.text ?? '')
      const [row] = await database.db
        .select()
        .from(invitations)
        .where(eq(invitations.id, invitation.invitationId))
      const expected = await renderEmail({
        template: 'invitation',
        locale: invitation.locale,
        linkPolicy: { origin: PUBLIC_BASE_URL, appEnv: 'test' },
        props: {
          partnerName: 'Alpha Partner',
          customerName: invitation.customerName,
          platformName: 'Example Cloud',
          link: `${PUBLIC_BASE_URL}/invite#${link?.token}`,
          expiresAt: row?.expiresAt ?? new Date(0),
          recipientEmail: invitation.email,
          partnerContact: 'sales@alpha.example',
          associationType: invitation.associationType,
        },
      })
      expect(message?.subject).toBe(expected.subject)
      expect(message?.html?.trimEnd()).toBe(expected.html.trimEnd())
      expect(message?.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(expected.text.trimEnd())
    }
  })

  it('never logs a token, a link or an unmasked recipient email', () => {
    const log = lines.join('\n')
    expect(lines.length).toBeGreaterThan(0)
    expect(log).not.toContain('/invite#')
    for (const invitation of queued) {
      const [message] = received(invitation)
      expect(log).not.toContain(tokenOfLink(message?.text ?? '')?.token ?? 'missing')
      expect(log).not.toContain(invitation.email)
    }
  })
})

describe('special cases of delivery', () => {
  it('escapes script payloads in partner and customer names', async () => {
    const partner = await insertPartner(database.db, { name: '<script>alert(1)</script> & Co' })
    const [invitation] = await insertQueuedInvitations(database.db, partner, 1, {
      customerName: () => '<img src=x onerror=alert(2)>',
    })
    if (!invitation) throw new Error('no invitation')
    await dispatchUntil(() => received(invitation).length > 0)
    const [message] = received(invitation)
    expect(message?.html).not.toContain('<script>')
    expect(message?.html).not.toContain('<img src=x')
    expect(message?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co')
    expect(message?.html).toContain('&lt;img src=x onerror=alert(2)&gt;')
  })

  it('cancels the row of an invitation that is no longer live and sends nothing', async () => {
    const partner = await insertPartner(database.db)
    const [revoked] = await insertQueuedInvitations(database.db, partner, 1, { status: 'REVOKED' })
    if (!revoked) throw new Error('no invitation')
    await dispatchUntil(async () => {
      const [row] = await database.db.select().from(outbox).where(eq(outbox.id, revoked.outboxId))
      return row?.status === 'CANCELLED'
    })
    expect(received(revoked)).toHaveLength(0)
    const tokens = await database.db
      .select()
      .from(invitationTokens)
      .where(eq(invitationTokens.invitationId, revoked.invitationId))
    expect(tokens).toHaveLength(0)
  })

  it('fails an invitation whose stored text the templates refuse, without sending', async () => {
    const partner = await insertPartner(database.db, { name: 'Evil\r\nBcc: victim@example.com' })
    const [invitation] = await insertQueuedInvitations(database.db, partner, 1)
    if (!invitation) throw new Error('no invitation')
    await dispatchUntil(async () => {
      const [row] = await database.db
        .select()
        .from(outbox)
        .where(eq(outbox.id, invitation.outboxId))
      return row?.status === 'FAILED'
    })
    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, invitation.outboxId))
    expect(row?.lastError).toBe('EmailInputError HEADER_INJECTION')
    expect(received(invitation)).toHaveLength(0)
    const [stored] = await database.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, invitation.invitationId))
    expect(stored?.status).toBe('FAILED_TO_SEND')
    expect(stored?.failureCode).toBe('DELIVERY_FAILED')
  })

  it('delivers the success notice to the customer and the renewal request to the partner user', async () => {
    const now = new Date()
    const partner = await insertPartner(database.db)
    const [invitation] = await insertQueuedInvitations(database.db, partner, 2)
    if (!invitation) throw new Error('no invitation')
    await database.db
      .update(invitations)
      .set({ status: 'EXPIRED', expiresAt: now })
      .where(eq(invitations.id, invitation.invitationId))
    await database.db
      .update(outbox)
      .set({ status: 'CANCELLED' })
      .where(eq(outbox.id, invitation.outboxId))
    const accountId = randomUUID()
    const accountEmail = `owner.${accountId.slice(0, 8)}@customer.example`
    await database.db.insert(customerAccounts).values({
      id: accountId,
      email: accountEmail,
      emailCanonical: accountEmail,
      displayName: 'Owner',
      passwordHash: 'scrypt:unused',
      registeredAt: now,
      registeredVia: 'SELF',
      createdAt: now,
      updatedAt: now,
    })
    const associationId = randomUUID()
    await database.db.insert(associations).values({
      id: associationId,
      partnerId: partner.partnerId,
      customerAccountId: accountId,
      type: 'referral',
      payer: 'PLATFORM',
      status: 'ACTIVE',
      origin: 'EMAIL_INVITATION',
      invitationId: invitation.invitationId,
      associatedAt: new Date('2026-03-02T09:30:00Z'),
      createdAt: now,
      updatedAt: now,
    })
    await database.db.insert(outbox).values([
      {
        id: randomUUID(),
        kind: 'ASSOCIATION_SUCCESS_EMAIL',
        aggregateId: associationId,
        payload: { associationId },
        dedupeKey: `association:${associationId}:success-email`,
        runAfter: now,
        createdAt: now,
      },
      {
        id: randomUUID(),
        kind: 'RENEWAL_REQUEST_EMAIL',
        aggregateId: invitation.invitationId,
        payload: { invitationId: invitation.invitationId, code: 'LINK_EXPIRED' },
        dedupeKey: `invitation:${invitation.invitationId}:renewal-request`,
        runAfter: now,
        createdAt: now,
      },
    ])
    const byRecipient = (address: string) => smtp.sink.list().filter((m) => m.to.includes(address))
    await dispatchUntil(
      () => byRecipient(accountEmail).length > 0 && byRecipient(partner.userEmail).length > 0
    )
    const [notice] = byRecipient(accountEmail)
    // The invitation's locale (index 0 → en) and §9.5's referral sentence.
    expect(notice?.subject).toBe('You are now associated with Alpha Partner')
    expect(notice?.text).toContain(`Your Example Cloud account ${accountEmail} has been associated`)
    expect(notice?.text).toContain('You continue to pay Example Cloud directly.')
    const [renewal] = byRecipient(partner.userEmail)
    // The creating user's locale is zh-CN; the customer email is masked (M2).
    expect(renewal?.subject).toBe('客户请求重新发送邀请')
    expect(renewal?.text).toContain(`c***@customer.example`)
    expect(renewal?.text).not.toContain(invitation.email)
  })
})
