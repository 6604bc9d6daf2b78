// Issue 21 (R134, domain.md §13.9.1): the dispatcher sends the endpoint disabled email to whoever
// answers for the endpoint, in their locale, with the endpoint's Message-ID, the URL without its
// query, and the last attempt's outcome; a row whose endpoint is no longer disabled is cancelled.
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { outbox, webhookEndpoints } from '@partner-center/db/schema'
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { CaughtMessage } from '../../src/dev/smtp-sink'
import { startDispatcher, type Dispatcher } from '../../src/outbox/start-dispatcher'
import { createCapturingLogger, testDispatcherConfig, waitFor } from './outbox-fixtures'
import { smtpForFile } from './smtp-for-file'
import {
  insertDisabledEndpoint,
  insertUser,
  insertWebhookPartner,
  type DisabledEndpoint,
} from './webhook-email-fixtures'

const TOKEN = 'receiver-own-token-9f2c'
const URL_WITH_TOKEN = `https://crm.example.com/hooks/partner-center?token=${TOKEN}`
const SHOWN_URL = 'https://crm.example.com/hooks/partner-center?…'

let database: TestDatabase
const smtp = smtpForFile(100)
const { logger, lines } = createCapturingLogger()
let dispatcher: Dispatcher | null = null

beforeAll(async () => {
  database = await createTestDatabase()
})
afterEach(async () => {
  await dispatcher?.stop()
  dispatcher = null
})
afterAll(async () => {
  await database.close()
})

/** Runs the dispatcher until the endpoint's email row is settled, and returns its status. */
async function deliver(endpoint: DisabledEndpoint): Promise<string> {
  dispatcher = startDispatcher({
    db: database.db,
    clock: { now: () => new Date() },
    logger,
    transport: smtp.transport,
    config: testDispatcherConfig(),
  })
  let status = ''
  await waitFor(async () => {
    const [row] = await database.db
      .select({ status: outbox.status })
      .from(outbox)
      .where(eq(outbox.id, endpoint.outboxId))
    status = row?.status ?? ''
    return status === 'SENT' || status === 'CANCELLED' || status === 'FAILED_TO_SEND'
  })
  return status
}

const messageIdOf = (endpoint: DisabledEndpoint) =>
  `<webhook-endpoint.${endpoint.id}.disabled.${endpoint.disabledAt.getTime()}@partner-center.local>`
const copiesOf = (endpoint: DisabledEndpoint): CaughtMessage[] =>
  smtp.sink.list().filter((message) => message.messageId === messageIdOf(endpoint))

function expectNoQuery(message: CaughtMessage) {
  for (const part of [message.subject, message.html ?? '', message.text ?? '']) {
    expect(part).not.toContain(TOKEN)
  }
}

describe('the endpoint disabled email (R134, §13.9.1)', () => {
  it('goes to the active creator in their locale, with the URL as origin and path', async () => {
    const partnerId = await insertWebhookPartner(database.db, 'en')
    const creator = await insertUser(database.db, { partnerId, role: 'admin', locale: 'zh-CN' })
    const endpoint = await insertDisabledEndpoint(database.db, {
      partnerId,
      createdByUserId: creator.id,
      url: URL_WITH_TOKEN,
      description: 'CRM 同步',
      lastOutcome: { outcome: 'HTTP', statusCode: 503 },
    })
    expect(await deliver(endpoint)).toBe('SENT')
    const copies = copiesOf(endpoint)
    expect(copies).toHaveLength(1)
    const [message] = copies as [CaughtMessage]
    expect(message.to).toEqual([creator.email])
    expect(message.from).toContain('<no-reply@partner-center.local>')
    expect(message.headers['reply-to']).toBeUndefined()
    expect(message.subject).toBe('Webhook 端点连续 24 小时发送失败,已停用')
    expect(message.html).toContain('lang="zh-CN"')
    expect(message.text).toContain(
      `合作伙伴中心无法向 ${SHOWN_URL}(CRM 同步)发送事件,最近一次尝试的结果为:HTTP 503。`
    )
    expect(message.html).toContain(`${SHOWN_URL}(CRM 同步)`)
    expect(message.text).toContain('在 Webhook 页面重新启用该端点')
    expect(message.text).toContain('本邮件由 Example Cloud 合作伙伴中心发送。')
    expectNoQuery(message)
    expect(lines.join('\n')).not.toContain(TOKEN)
  })

  it('goes to the partner contact in the partner locale when the creator is disabled', async () => {
    const partnerId = await insertWebhookPartner(database.db, 'en')
    const creator = await insertUser(database.db, {
      partnerId,
      role: 'admin',
      locale: 'zh-CN',
      status: 'DISABLED',
    })
    const endpoint = await insertDisabledEndpoint(database.db, {
      partnerId,
      createdByUserId: creator.id,
      url: URL_WITH_TOKEN,
      lastOutcome: { outcome: 'CONNECTION_FAILED', statusCode: null },
    })
    expect(await deliver(endpoint)).toBe('SENT')
    const [message] = copiesOf(endpoint) as [CaughtMessage]
    expect(message.to).toEqual([`contact.${partnerId.slice(0, 8)}@alpha.example`])
    expect(message.subject).toBe('Webhook endpoint disabled after 24 hours of failures')
    expect(message.text).toContain(`Partner Center could not deliver events to ${SHOWN_URL} since `)
    expect(message.text).toContain('The last attempt ended with: Connection failed.')
    expect(message.text).toContain('enable the endpoint on the Webhooks page')
    expectNoQuery(message)
  })

  it('goes to every active ecosystem manager, each in their locale, for a platform endpoint', async () => {
    const creator = await insertUser(database.db, {
      partnerId: null,
      role: 'ecosystem_manager',
      locale: 'en',
      status: 'DISABLED',
    })
    const english = await insertUser(database.db, {
      partnerId: null,
      role: 'ecosystem_manager',
      locale: 'en',
    })
    const chinese = await insertUser(database.db, {
      partnerId: null,
      role: 'ecosystem_manager',
      locale: 'zh-CN',
    })
    const endpoint = await insertDisabledEndpoint(database.db, {
      partnerId: null,
      createdByUserId: creator.id,
      url: URL_WITH_TOKEN,
      description: 'Data lake',
      lastOutcome: { outcome: 'TIMEOUT', statusCode: null },
    })
    expect(await deliver(endpoint)).toBe('SENT')
    const copies = copiesOf(endpoint)
    expect(copies.map((copy) => copy.to).sort()).toEqual([[english.email], [chinese.email]].sort())
    const byRecipient = new Map(copies.map((copy) => [copy.to[0], copy]))
    expect(byRecipient.get(english.email)?.text).toContain(
      'The last attempt ended with: No answer within 10 s.'
    )
    expect(byRecipient.get(chinese.email)?.text).toContain('最近一次尝试的结果为:10 秒内无响应。')
    expect(byRecipient.get(chinese.email)?.subject).toBe('Webhook 端点连续 24 小时发送失败,已停用')
    for (const copy of copies) expectNoQuery(copy)
  })

  it('is cancelled when the endpoint was enabled again before it went out', async () => {
    const partnerId = await insertWebhookPartner(database.db, 'en')
    const creator = await insertUser(database.db, { partnerId, role: 'admin', locale: 'en' })
    const endpoint = await insertDisabledEndpoint(database.db, {
      partnerId,
      createdByUserId: creator.id,
      url: URL_WITH_TOKEN,
      lastOutcome: { outcome: 'HTTP', statusCode: 500 },
    })
    await database.db
      .update(webhookEndpoints)
      .set({ status: 'ENABLED', disabledReason: null, disabledAt: null })
      .where(eq(webhookEndpoints.id, endpoint.id))
    expect(await deliver(endpoint)).toBe('CANCELLED')
    expect(copiesOf(endpoint)).toHaveLength(0)
  })

  it('is cancelled when the endpoint was disabled again since: the newer row speaks for it', async () => {
    const partnerId = await insertWebhookPartner(database.db, 'en')
    const creator = await insertUser(database.db, { partnerId, role: 'admin', locale: 'en' })
    const endpoint = await insertDisabledEndpoint(database.db, {
      partnerId,
      createdByUserId: creator.id,
      url: URL_WITH_TOKEN,
      lastOutcome: { outcome: 'HTTP', statusCode: 500 },
    })
    await database.db
      .update(webhookEndpoints)
      .set({ disabledAt: new Date(endpoint.disabledAt.getTime() + 60_000) })
      .where(eq(webhookEndpoints.id, endpoint.id))
    expect(await deliver(endpoint)).toBe('CANCELLED')
    expect(smtp.sink.list().filter((m) => m.messageId?.includes(endpoint.id))).toHaveLength(0)
  })
})
