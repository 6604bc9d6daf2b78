import { executeRows } from '@partner-center/db'
import { isSameMailbox, maskEmail, maskName } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDispatcher } from '../../src/outbox/start-dispatcher'
import { CD, type TestApp } from '../helpers'
import { createTestApp } from '../test-app'
import { PUBLIC_BASE_URL, testDispatcherConfig, tokenOfLink, waitFor } from './outbox-fixtures'
import { smtpForFile } from './smtp-for-file'

let t: TestApp
const smtp = smtpForFile(1_000)

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

/** A dispatcher in this process on the app's database, clock and logger, sending to the sink. */
function startAppDispatcher() {
  return startDispatcher({
    db: t.database.db,
    clock: t.clock,
    logger: t.deps.logger,
    transport: smtp.transport,
    config: testDispatcherConfig(),
  })
}

const customers = [
  { customerName: 'Orion Freight', locale: 'en' },
  { customerName: 'Vega Studio', locale: 'zh-CN' },
  { customerName: 'Lyra Foods', locale: 'en' },
  { customerName: 'Deneb Labs', locale: 'zh-CN' },
  { customerName: 'Altair Retail', locale: 'en' },
] as const

describe('inviting through the API and delivering through SMTP', () => {
  it('delivers every invited customer one email in its language, exactly as previewed, with a working link', async () => {
    const partner = await t.createPartner({ name: 'Sirius Partners', referralModelEnabled: true })
    const admin = partner.users.find((user) => user.role === 'admin') ?? partner.users[0]
    if (!admin) throw new Error('fixture partner without users')
    const token = await t.signIn(admin.email)
    const run = crypto.randomUUID().slice(0, 8)
    const rows = []
    for (const [index, customer] of customers.entries()) {
      const email = `c${index}.${run}@fixture.example`
      const created = await t.call<{ id: string }>('POST', `${CD}/preregistrations`, {
        token,
        body: { ...customer, email },
      })
      expect(created.status).toBe(201)
      rows.push({ ...customer, email, id: created.body.id })
    }

    const sent = await t.call<{ queued: number; batchId: string }>('POST', `${CD}/invitations`, {
      token,
      headers: { 'idempotency-key': `batch-${run}` },
      body: { preregistrationIds: rows.map((row) => row.id), associationType: 'referral' },
    })
    expect(sent.body.queued).toBe(5)

    const dispatcher = startAppDispatcher()
    const mine = () =>
      smtp.sink.list().filter((message) => message.to[0]?.endsWith(`.${run}@fixture.example`))
    try {
      await waitFor(() => mine().length >= 5)
      // A message reaches the sink before its row is marked sent, so poll the progress.
      const progress = () =>
        t.call<{ done: boolean; sent: number }>(
          'GET',
          `${CD}/invitation-batches/${sent.body.batchId}`,
          { token }
        )
      await waitFor(async () => (await progress()).body.done)
      expect((await progress()).body).toMatchObject({ done: true, sent: 5 })
    } finally {
      await dispatcher.stop()
    }

    expect(mine()).toHaveLength(5)
    for (const row of rows) {
      const messages = mine().filter((message) => message.to.includes(row.email))
      expect(messages).toHaveLength(1)
      const message = messages[0]
      if (!message) continue
      expect(message.subject).toBe(
        row.locale === 'en'
          ? 'Sirius Partners invites you to connect your Example Cloud account'
          : 'Sirius Partners 邀请您关联 Example Cloud 账号'
      )
      const link = tokenOfLink(message.text ?? '')
      expect(link).not.toBeNull()
      const stored = await executeRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from invitation_tokens it join invitations i on i.id = it.invitation_id
            where it.token_hash = ${link?.hash ?? ''} and i.preregistration_id = ${row.id}`
      )
      expect(stored[0]?.n).toBe(1)

      // The preview of the same row and language is the same email but for the link and the
      // masked customer values (R48); the expiry matches because both use this test's clock.
      const preview = await t.call<{ subject: string; html: string; text: string }>(
        'POST',
        `${CD}/invitations/preview`,
        {
          token,
          body: { associationType: 'referral', locale: row.locale, preregistrationId: row.id },
        }
      )
      const asPreviewed = (value: string) =>
        value
          .replaceAll(
            `${PUBLIC_BASE_URL}/invite#${link?.token ?? ''}`,
            `${PUBLIC_BASE_URL}/invite#preview`
          )
          .replaceAll(row.customerName, maskName(row.customerName) ?? '')
          .replaceAll(row.email, maskEmail(row.email) ?? '')
      expect(preview.body.subject).toBe(message.subject)
      expect(asPreviewed(message.text ?? '').trim()).toBe(preview.body.text.trim())
      expect(asPreviewed(message.html ?? '').trim()).toBe(preview.body.html.trim())
    }
  })
})

// Issue 13: the identity rules compared one form of an address while nodemailer delivered to
// its own UTS-46 reading of what the partner typed. The envelope must be the stored canonical.
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

    const dispatcher = startAppDispatcher()
    const messageIds = new Set(stored.map((row) => row.message_id))
    const mine = () => smtp.sink.list().filter((message) => messageIds.has(message.messageId ?? ''))
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
