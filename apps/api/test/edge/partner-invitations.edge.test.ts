// Invitations with the API served by workerd, through HTTP against the worker (issue 17):
// idempotent invites, the preview rendered inside workerd, History Records, and the emails the
// Node dispatcher sends for invites made on the edge. Each test makes what it needs.
import {
  addDays,
  associationTypeDefinition,
  associationTypeNote,
  formatExpiry,
  maskEmail,
} from '@partner-center/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf } from '../helpers'
import { EDGE_PUBLIC_BASE_URL, startEdgeWorld, type EdgeWorld } from './support/edge-world'
import {
  batchDelivered,
  customerEmail,
  linkTokenOn,
  PATHS,
  preregister,
  settledRowCounts,
  signedInPartner,
  type InvitationBatchAnswer,
} from './support/partner-helpers'

let world: EdgeWorld

beforeAll(async () => {
  world = await startEdgeWorld()
})
afterAll(async () => {
  await world?.stop()
})

describe('the partner invitations on workerd', () => {
  it('replays an invite with the same Idempotency-Key and refuses the key with another body', async () => {
    const partner = await signedInPartner(world)
    const first = await preregister(world, partner.token, {
      customerName: 'Lyra Foods',
      email: customerEmail('lyra'),
    })
    const second = await preregister(world, partner.token, {
      customerName: 'Deneb Labs',
      email: customerEmail('deneb'),
    })
    const key = `edge-${crypto.randomUUID()}`
    const invite = (ids: string[]) =>
      world.call<InvitationBatchAnswer>('POST', PATHS.invitations, {
        token: partner.token,
        headers: { 'idempotency-key': key },
        body: { preregistrationIds: ids, associationType: 'referral' },
      })

    const answer = await invite([first.id, second.id])
    expect(answer.status).toBe(202)
    expect(answer.body).toMatchObject({
      associationType: 'referral',
      requested: 2,
      queued: 2,
      skipped: 0,
    })
    expect(answer.body.results.map((r) => [r.preregistrationId, r.outcome])).toEqual([
      [first.id, 'QUEUED'],
      [second.id, 'QUEUED'],
    ])

    const before = await settledRowCounts(world)
    const replay = await invite([first.id, second.id])
    expect(replay.status).toBe(202)
    expect(replay.text).toBe(answer.text)
    expect(await settledRowCounts(world)).toEqual(before)

    const reused = await invite([first.id])
    expect(errorOf(reused)).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' })
    expect(await settledRowCounts(world)).toEqual(before)
  })

  it('renders the invitation preview inside workerd with the customer-facing type texts', async () => {
    const partnerName = 'Edge Preview Partners'
    const partner = await signedInPartner(world, { name: partnerName })
    const email = customerEmail('orion')
    const row = await preregister(world, partner.token, { customerName: 'Orion Freight', email })
    const names = { platform: 'Example Cloud', partner: partnerName }
    const before = await settledRowCounts(world)

    const preview = (associationType: string, locale: string) =>
      world.call<{ subject: string; html: string; text: string }>('POST', PATHS.preview, {
        token: partner.token,
        body: { associationType, locale, preregistrationId: row.id },
      })
    const startedAt = new Date()
    const referral = await preview('referral', 'en')
    const finishedAt = new Date()
    expect(referral.status).toBe(200)
    expect(referral.body.subject).toBe(
      `${partnerName} invites you to connect your Example Cloud account`
    )
    const referralText = associationTypeDefinition('referral', 'en', 'customer', names)
    expect(referral.body.text).toContain(referralText)
    expect(referral.body.html).toContain(referralText)
    expect(referral.body.text).toContain(`${EDGE_PUBLIC_BASE_URL}/invite#preview`)
    expect(referral.body.text).toContain(maskEmail(email))
    // The expiry a send now would get, from the worker's clock: the minute the call ran in.
    const expiries = [startedAt, finishedAt].map((at) => formatExpiry(addDays(at, 7), 'en'))
    expect(expiries.some((expiry) => referral.body.text.includes(expiry))).toBe(true)
    expect(referral.text).not.toContain('Orion Freight')
    expect(referral.text).not.toContain(email)

    const reseller = await preview('reseller', 'zh-CN')
    expect(reseller.status).toBe(200)
    expect(reseller.body.subject).toBe(`${partnerName} 邀请您关联 Example Cloud 账号`)
    expect(reseller.body.text).toContain(
      associationTypeDefinition('reseller', 'zh-CN', 'customer', names)
    )
    expect(reseller.body.text).toContain(
      associationTypeNote('reseller', 'zh-CN', 'customer', names)
    )
    expect(reseller.body.text).not.toContain(referralText)

    expect(await settledRowCounts(world)).toEqual(before)
  })

  it('lists the sent invitations in History Records', async () => {
    const partner = await signedInPartner(world)
    const email = customerEmail('vega')
    const row = await preregister(world, partner.token, { customerName: 'Vega Studio', email })
    const sent = await world.call<InvitationBatchAnswer>('POST', PATHS.invitations, {
      token: partner.token,
      body: { preregistrationIds: [row.id], associationType: 'reseller' },
    })
    expect(sent.status).toBe(202)
    const invitationId = sent.body.results[0]?.invitationId
    expect(invitationId).toEqual(expect.any(String))
    expect(await batchDelivered(world, partner.token, sent.body.batchId)).toMatchObject({
      done: true,
      sent: 1,
    })

    const history = await world.call<{
      items: Record<string, unknown>[]
      total: number
    }>('GET', `${PATHS.history}?pageSize=100`, { token: partner.token })
    expect(history.status).toBe(200)
    expect(history.body.total).toBe(1)
    expect(history.body.items).toEqual([
      expect.objectContaining({
        id: invitationId,
        preregistrationId: row.id,
        associationType: 'reseller',
        status: 'SENT',
        statusFilter: 'INVITED',
        statusLabel: 'Invited',
        email: maskEmail(email),
        sentAt: expect.any(String) as string,
        failure: null,
      }),
    ])
    expect(history.text).not.toContain(email)

    // The same invitation is nobody else's history.
    const stranger = await signedInPartner(world)
    const theirs = await world.call('GET', `${PATHS.history}?pageSize=100`, {
      token: stranger.token,
    })
    expect(theirs.status).toBe(200)
    expect(theirs.text).not.toContain(invitationId)
  })

  it('delivers the invitation emails through the sink with links the worker resolves', async () => {
    const partnerName = 'Edge Mail Partners'
    const partner = await signedInPartner(world, { name: partnerName })
    const customers = [
      { customerName: 'Sirius Freight', email: customerEmail('sirius'), locale: 'en' },
      { customerName: 'Rigel Studio', email: customerEmail('rigel'), locale: 'zh-CN' },
    ] as const
    const rows: ((typeof customers)[number] & { id: string })[] = []
    for (const customer of customers) {
      rows.push({ ...customer, id: (await preregister(world, partner.token, customer)).id })
    }
    const sent = await world.call<InvitationBatchAnswer>('POST', PATHS.invitations, {
      token: partner.token,
      headers: { 'idempotency-key': `edge-mail-${crypto.randomUUID()}` },
      body: { preregistrationIds: rows.map((r) => r.id), associationType: 'referral' },
    })
    expect(sent.status).toBe(202)
    expect(sent.body.queued).toBe(2)

    for (const row of rows) {
      const message = await world.mailTo(row.email)
      expect(message.subject).toBe(
        row.locale === 'en'
          ? `${partnerName} invites you to connect your Example Cloud account`
          : `${partnerName} 邀请您关联 Example Cloud 账号`
      )
      expect(message.text).toContain(
        associationTypeDefinition('referral', row.locale, 'customer', {
          platform: 'Example Cloud',
          partner: partnerName,
        })
      )
      // Every link of the email is on the worker's portal origin.
      const links = (message.text ?? '').match(/https?:\/\/[^\s)>"]+/g) ?? []
      expect(links.length).toBeGreaterThan(0)
      for (const link of links) expect(link.startsWith(`${EDGE_PUBLIC_BASE_URL}/`)).toBe(true)
      const token = linkTokenOn(EDGE_PUBLIC_BASE_URL, message.text ?? '')
      expect(token).not.toBeNull()
      expect(message.html).toContain(`${EDGE_PUBLIC_BASE_URL}/invite#${token}`)

      const resolved = await world.call('POST', PATHS.resolveLink, { body: { token } })
      expect(resolved.status).toBe(200)
      expect(resolved.body).toMatchObject({
        partnerName,
        associationType: 'referral',
        invitedEmail: row.email,
        locale: row.locale,
        platformName: 'Example Cloud',
      })
    }
    expect(world.sink.list().filter((m) => rows.some((r) => m.to.includes(r.email)))).toHaveLength(
      2
    )
  })
})
