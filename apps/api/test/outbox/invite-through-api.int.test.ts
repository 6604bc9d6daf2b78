import { executeRows } from '@partner-center/db'
import { maskEmail, maskName } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtpSink, type SmtpSink } from '../../src/dev/smtp-sink'
import { createSmtpTransport, type SmtpTransport } from '../../src/outbox/create-smtp-transport'
import { startDispatcher } from '../../src/outbox/start-dispatcher'
import { CD, type TestApp } from '../helpers'
import { createTestApp } from '../test-app'
import { PUBLIC_BASE_URL, testDispatcherConfig, tokenOfLink, waitFor } from './outbox-fixtures'

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

    const dispatcher = startDispatcher({
      db: t.database.db,
      clock: t.clock,
      logger: t.deps.logger,
      transport,
      config: testDispatcherConfig(),
    })
    const mine = () =>
      sink.list().filter((message) => message.to[0]?.endsWith(`.${run}@fixture.example`))
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
