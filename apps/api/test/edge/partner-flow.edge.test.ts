// The partner side of the API served by workerd, through HTTP against the worker (issue 17):
// reveal with its audit event, pre-registration and its conflicts, idempotent invites, the
// preview rendered inside workerd, History Records, tenant isolation, the request limits, and
// the emails the Node dispatcher sends for invites made on the edge. Each test makes the
// partners and customers it needs, so none depends on another having run.
import {
  addDays,
  associationTypeDefinition,
  associationTypeNote,
  formatExpiry,
  maskEmail,
} from '@partner-center/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, errorOf, P } from '../helpers'
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
  type PreregistrationItem,
} from './support/partner-flow-helpers'

let world: EdgeWorld

beforeAll(async () => {
  world = await startEdgeWorld()
})
afterAll(async () => {
  await world?.stop()
})

describe('the partner flow on workerd', () => {
  it('lists masked, reveals on request and audits each reveal exactly once', async () => {
    // The seeded Acme world: Alpha Robotics is P01 (read only here).
    const token = await world.signIn('admin@acme.example')
    const masked = await world.call<{ items: PreregistrationItem[] }>(
      'GET',
      `${PATHS.preregistrations}?q=alpha`,
      { token }
    )
    expect(masked.status).toBe(200)
    expect(masked.body.items.map((i) => [i.id, i.customerName, i.email])).toEqual([
      [P('P01'), 'A***', 'n***@customer.example'],
    ])
    expect(masked.text).not.toContain('Alpha Robotics')
    expect(
      await auditEvents(world.node, 'pii.revealed', masked.headers.get('x-request-id')!)
    ).toEqual([])

    const revealed = await world.call<{ items: PreregistrationItem[] }>(
      'GET',
      `${PATHS.preregistrations}?q=alpha&reveal=name,email`,
      { token }
    )
    expect(revealed.status).toBe(200)
    expect(revealed.body.items.map((i) => [i.id, i.customerName, i.email])).toEqual([
      [P('P01'), 'Alpha Robotics', 'new.alpha@customer.example'],
    ])
    const audits = await auditEvents(
      world.node,
      'pii.revealed',
      revealed.headers.get('x-request-id')!
    )
    expect(audits).toHaveLength(1)
    expect(audits[0]?.details).toMatchObject({ columns: ['email', 'name'], rowIds: [P('P01')] })
    // The audit trail names the rows, never the values it revealed.
    expect(JSON.stringify(audits)).not.toContain('new.alpha')
    expect(JSON.stringify(audits)).not.toContain('Alpha Robotics')
  })

  it('pre-registers a new customer (201) and refuses duplicates with their codes, changing nothing', async () => {
    const holder = await signedInPartner(world)
    const other = await signedInPartner(world)
    const email = customerEmail('kappa')
    const created = await world.call<PreregistrationItem & { validUntil: string }>(
      'POST',
      PATHS.preregistrations,
      { token: holder.token, body: { customerName: 'Kappa Trading', email } }
    )
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      status: 'PRE_REGISTERED',
      customerName: 'K***',
      email: maskEmail(email),
    })

    // Each refusal: its status and code, what its details tell, and no row changed but the
    // one refusal audit event, which names no address.
    const refusals = [
      // The same partner again: only its own row's id comes back.
      {
        token: holder.token,
        body: { customerName: 'Kappa Again', email },
        expected: {
          status: 409,
          code: 'ALREADY_PREREGISTERED',
          details: { preregistrationId: created.body.id },
        },
      },
      // Another partner while the holder's row protects the identity: only the protection end.
      {
        token: other.token,
        body: { customerName: 'Kappa Elsewhere', email: email.toUpperCase() },
        expected: {
          status: 409,
          code: 'PREREGISTERED_BY_ANOTHER_PARTNER',
          details: { protectedUntil: created.body.validUntil },
        },
      },
      // A seeded account already associated with Globex, and one under a special contract.
      {
        token: other.token,
        body: { customerName: 'Taken Co', email: 'globex.client@customer.example' },
        expected: { status: 409, code: 'ALREADY_ASSOCIATED', details: undefined },
      },
      {
        token: other.token,
        body: { customerName: 'Special Co', email: 'special.contract@customer.example' },
        expected: { status: 422, code: 'SPECIAL_CONTRACT', details: undefined },
      },
    ]
    const outcomes = []
    for (const refusal of refusals) {
      const before = await settledRowCounts(world)
      const answer = await world.call('POST', PATHS.preregistrations, {
        token: refusal.token,
        body: refusal.body,
      })
      const after = await settledRowCounts(world)
      const refused = await auditEvents(
        world.node,
        'preregistration.refused',
        answer.headers.get('x-request-id')!
      )
      outcomes.push({
        ...errorOf(answer),
        details: answer.body.error?.details,
        changedTables: Object.keys(after).filter((table) => after[table] !== before[table]),
        addedAuditEvents: after.audit_events! - before.audit_events!,
        refusalAudits: refused.length,
        auditNamesAddress: JSON.stringify(refused).includes(refusal.body.email.toLowerCase()),
      })
    }
    expect(outcomes).toEqual(
      refusals.map((refusal) => ({
        ...refusal.expected,
        changedTables: ['audit_events'],
        addedAuditEvents: 1,
        refusalAudits: 1,
        auditNamesAddress: false,
      }))
    )
  })

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

  it("answers NOT_FOUND for another partner's pre-registration and changes nothing", async () => {
    const owner = await signedInPartner(world)
    const stranger = await signedInPartner(world)
    const row = await preregister(world, owner.token, {
      customerName: 'Altair Retail',
      email: customerEmail('altair'),
    })
    const before = await settledRowCounts(world)

    const deleted = await world.call('DELETE', `${PATHS.preregistrations}/${row.id}`, {
      token: stranger.token,
    })
    expect(errorOf(deleted)).toEqual({ status: 404, code: 'NOT_FOUND' })
    const previewed = await world.call('POST', PATHS.preview, {
      token: stranger.token,
      body: { associationType: 'referral', locale: 'en', preregistrationId: row.id },
    })
    expect(errorOf(previewed)).toEqual({ status: 404, code: 'NOT_FOUND' })
    expect(previewed.text).not.toContain('A***')

    expect(await settledRowCounts(world)).toEqual(before)
    const ownList = await world.call<{ items: PreregistrationItem[] }>(
      'GET',
      PATHS.preregistrations,
      { token: owner.token }
    )
    expect(ownList.body.items.map((i) => [i.id, i.status])).toEqual([[row.id, 'PRE_REGISTERED']])
  })

  it('answers an oversized body 413 and a junk body 400, changing nothing', async () => {
    const partner = await signedInPartner(world)
    const before = await settledRowCounts(world)

    // Past the default 1 MiB limit (API_BODY_LIMIT_BYTES).
    const oversized = await world.call('POST', PATHS.preregistrations, {
      token: partner.token,
      body: { customerName: 'x'.repeat(1_100_000), email: customerEmail('huge') },
    })
    expect(errorOf(oversized)).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' })

    const junkAnswers = []
    for (const path of [PATHS.preregistrations, PATHS.invitations]) {
      const junk = await world.call('POST', path, {
        token: partner.token,
        body: '{"customerName": "Junk Co", email: not json',
      })
      junkAnswers.push({ path, ...errorOf(junk) })
    }
    expect(junkAnswers).toEqual([
      { path: PATHS.preregistrations, status: 400, code: 'VALIDATION_FAILED' },
      { path: PATHS.invitations, status: 400, code: 'VALIDATION_FAILED' },
    ])

    expect(await settledRowCounts(world)).toEqual(before)
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
