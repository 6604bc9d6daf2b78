import { executeRows } from '@partner-center/db'
import { isSameMailbox } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtpSink, type SmtpSink } from '../../src/dev/smtp-sink'
import { createSmtpTransport, type SmtpTransport } from '../../src/outbox/create-smtp-transport'
import { startDispatcher } from '../../src/outbox/start-dispatcher'
import { CD, type TestApp } from '../helpers'
import { createTestApp } from '../test-app'
import { testDispatcherConfig, waitFor } from './outbox-fixtures'

// Issue 13: the identity rules compared one form of an address while nodemailer delivered to
// its own UTS-46 reading of what the partner typed. The envelope must be the stored canonical.

let t: TestApp
let sink: SmtpSink
let transport: SmtpTransport

beforeAll(async () => {
  t = await createTestApp()
  sink = await startSmtpSink({ capacity: 1_000 })
  transport = createSmtpTransport({ url: sink.url })
})
afterAll(async () => {
  transport.close()
  await sink.close()
  await t.close()
})

describe('the SMTP envelope of an invitation (R14, issue 13)', () => {
  it('is exactly the stored canonical address, for Unicode domains and unusual local parts', async () => {
    const partner = await t.createPartner({ name: 'Envelope Partners', referralModelEnabled: true })
    const token = await t.signIn(partner.users[0]!.email)
    const addresses = [
      ['Ｊｏｓｅ.Unicode@Bücher.Example', 'jose.unicode@xn--bcher-kva.example'],
      ['X.Kana@例え。ｊｐ', 'x.kana@xn--r8jz45g.jp'],
      ['O!x{1}|y@ｃｕｓｔｏｍｅｒ.example', 'o!x{1}|y@customer.example'],
    ] as const
    const ids: string[] = []
    for (const [email] of addresses) {
      const created = await t.call<{ id: string }>('POST', `${CD}/preregistrations`, {
        token,
        body: { customerName: 'Envelope Co', email },
      })
      expect(created.status).toBe(201)
      ids.push(created.body.id)
    }
    const sent = await t.call<{ queued: number }>('POST', `${CD}/invitations`, {
      token,
      body: { preregistrationIds: ids, associationType: 'referral' },
    })
    expect(sent.body.queued).toBe(3)
    const stored = await executeRows<{ canonical: string; message_id: string }>(
      t.database.db,
      sql`select recipient_email_canonical as canonical, message_id from invitations
           where partner_id = ${partner.partnerId} order by created_at, id`
    )
    expect(stored.map((row) => row.canonical).sort()).toEqual(addresses.map(([, c]) => c).sort())

    const dispatcher = startDispatcher({
      db: t.database.db,
      clock: t.clock,
      logger: t.deps.logger,
      transport,
      config: testDispatcherConfig(),
    })
    const messageIds = new Set(stored.map((row) => row.message_id))
    const mine = () => sink.list().filter((message) => messageIds.has(message.messageId ?? ''))
    try {
      await waitFor(() => mine().length >= 3)
    } finally {
      await dispatcher.stop()
    }
    for (const row of stored) {
      const [message, ...more] = mine().filter((m) => m.messageId === row.message_id)
      expect(more).toEqual([])
      expect(message?.rcptTo).toEqual([row.canonical])
      // mailparser shows the header's domain in Unicode; it names the same mailbox.
      expect(isSameMailbox(message?.headers.to ?? '', row.canonical)).toBe(true)
    }
  })
})
