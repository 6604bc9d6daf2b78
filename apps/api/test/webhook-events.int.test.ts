import { executeRows } from '@partner-center/db'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDispatcher } from '../src/outbox/start-dispatcher'
import { sweepExpiredRecords } from '../src/outbox/sweep-expired-records'
import { CD, type TestApp } from './helpers'
import { testDispatcherConfig, tokenOfLink, waitFor } from './outbox/outbox-fixtures'
import { smtpForFile } from './outbox/smtp-for-file'
import {
  batchDeletePreregistrations,
  caseEmail,
  createOwner,
  insertInvitation,
  insertPreregistration,
  signedInCustomer,
  type Owner,
} from './state-machines/state-fixtures'
import { createTestApp } from './test-app'
import { countEvents, eventsOf, type StoredEvent } from './webhook-events/webhook-event-reads'
import { recordWebhookEvents } from '../src/persistence/webhook-events'

// Issue 21 (R122–R125): each change of §13.5 writes one webhook event in its own transaction,
// with the entity's version after the change, the partner's external reference, masked customer
// values and a body the contracts schema of its type parses. The state-machine coverage tests
// prove the type per transition and write path; this file follows one customer end to end.

let t: TestApp
let owner: Owner
const smtp = smtpForFile(100)

beforeAll(async () => {
  t = await createTestApp()
  owner = await createOwner(t)
})
afterAll(async () => {
  await t?.close()
})

const types = (events: readonly StoredEvent[]) => events.map((event) => event.type)

/** Versions of one entity increase with each event, and each body carries its row's version. */
function expectOrdered(events: readonly StoredEvent[]) {
  const versions = events.map((event) => event.entityVersion)
  expect(versions).toEqual([...versions].sort((a, b) => a - b))
  expect(new Set(versions).size).toBe(versions.length)
  for (const event of events) {
    expect(event.body.data.entity).toMatchObject({ version: event.entityVersion })
    expect(event.body.timestamp).toBe(event.occurredAt.toISOString())
    expect(event.body.data.occurredAt).toBe(event.body.timestamp)
    expect(event.partnerId).toBe(owner.partnerId)
  }
}

/** A batch invite of one pre-registration by the owner: its result row. */
async function inviteOne(preregistrationId: string) {
  const invited = await t.call<{ results: { invitationId?: string; externalRef?: string }[] }>(
    'POST',
    `${CD}/invitations`,
    {
      token: owner.token,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: { preregistrationIds: [preregistrationId], associationType: 'reseller' },
    }
  )
  expect(invited.status).toBe(202)
  return invited.body.results[0] ?? {}
}

async function deliverQueuedEmails(invitationId: string) {
  const dispatcher = startDispatcher({
    db: t.database.db,
    clock: t.clock,
    logger: t.deps.logger,
    transport: smtp.transport,
    config: testDispatcherConfig(),
  })
  try {
    await waitFor(async () => {
      const [row] = await executeRows<{ status: string }>(
        t.database.db,
        sql`select status from invitations where id = ${invitationId}`
      )
      return row?.status === 'SENT'
    })
  } finally {
    await dispatcher.stop()
  }
}

describe('webhook events of one customer, end to end (R122–R125)', () => {
  it('writes created, queued, sent, accepted and associated once each, masked and ordered', async () => {
    const email = caseEmail('journey')
    const created = await t.call<{ id: string; externalRef: string | null }>(
      'POST',
      `${CD}/preregistrations`,
      {
        token: owner.token,
        body: { customerName: 'Journey Robotics', email, externalRef: ' CRM-00042 ' },
      }
    )
    expect(created.status).toBe(201)
    expect(created.body.externalRef).toBe('CRM-00042')
    const invited = await inviteOne(created.body.id)
    const invitationId = invited.invitationId ?? ''
    expect(invited.externalRef).toBe('CRM-00042')
    await deliverQueuedEmails(invitationId)
    const message = smtp.sink.list().find((sent) => sent.to.includes(email))
    const link = tokenOfLink(message?.text ?? '')
    const customer = await signedInCustomer(t, email)
    const accepted = await t.call('POST', '/api/v1/public/invitations/accept', {
      token: customer.token,
      body: { token: link?.token, instructionsAccepted: true },
    })
    expect(accepted.status).toBe(200)

    const [association] = await executeRows<{ id: string }>(
      t.database.db,
      sql`select id from associations where invitation_id = ${invitationId}`
    )
    const preregistrationEvents = await eventsOf(t, created.body.id)
    const invitationEvents = await eventsOf(t, invitationId)
    const associationEvents = await eventsOf(t, association?.id ?? '')
    expect(types(preregistrationEvents)).toEqual(['preregistration.created'])
    expect(types(invitationEvents)).toEqual([
      'invitation.queued',
      'invitation.sent',
      'invitation.accepted',
    ])
    expect(types(associationEvents)).toEqual(['association.created'])
    const all = [...preregistrationEvents, ...invitationEvents, ...associationEvents]
    for (const events of [preregistrationEvents, invitationEvents, associationEvents]) {
      expectOrdered(events)
    }
    expect(preregistrationEvents[0]?.entityVersion).toBe(1)
    expect(invitationEvents[0]?.entityVersion).toBe(1)
    for (const event of all) {
      expect(event.body.data).toMatchObject({
        externalRef: 'CRM-00042',
        preregistrationId: created.body.id,
        customer: { name: 'J***', email: `${email[0]}***@customer.example`, mobile: null },
      })
      expect(event.payload).not.toContain(email)
      expect(event.payload).not.toContain('Journey')
      expect(event.payload).not.toContain(link?.token ?? 'no token')
    }
    expect(preregistrationEvents[0]?.body.data).toMatchObject({
      actor: { type: 'partner_user', id: owner.userId },
      status: 'PRE_REGISTERED',
      invitationId: null,
    })
    expect(invitationEvents.map((event) => event.body.data.actor)).toEqual([
      { type: 'partner_user', id: owner.userId },
      { type: 'system', id: null },
      { type: 'customer', id: null },
    ])
    expect(invitationEvents[1]?.body.data).toMatchObject({ attemptCount: 1 })
    expect(associationEvents[0]?.body.data).toMatchObject({
      invitationId,
      associationId: association?.id,
      associationType: 'reseller',
      source: 'email',
      preregistrationCreated: false,
      customerAccountId: customer.id,
      frozenPendingBudget: true,
    })
  })

  it('builds a batch invite’s queued events from the rows it holds, byte for byte as if read back', async () => {
    const email = caseEmail('context')
    const created = await t.call<{ id: string }>('POST', `${CD}/preregistrations`, {
      token: owner.token,
      body: {
        customerName: '上海 Context Works',
        email,
        mobile: '+86 138 0000 0778',
        externalRef: 'CRM-00777',
      },
    })
    expect(created.status).toBe(201)
    const invitationId = (await inviteOne(created.body.id)).invitationId ?? ''
    const [queued] = await eventsOf(t, invitationId)
    expect(queued?.type).toBe('invitation.queued')

    // The same event as recordWebhookEvents builds it when it reads the invitation itself; the
    // transaction is rolled back.
    const data = queued!.body.data
    const readBack = await t.database.db
      .transaction(async (tx) => {
        await recordWebhookEvents(tx, 'invitation.queued', {
          now: queued!.occurredAt,
          items: [
            {
              entityId: invitationId,
              actor: { type: 'partner_user', id: owner.userId },
              fields: {
                batchId: data.batchId as string,
                batchKind: data.batchKind as 'INVITE',
                associationType: 'reseller',
                locale: data.locale as 'en',
                supersededInvitationId: null,
              },
            },
          ],
        })
        const rows = await executeRows<{ payload: string }>(
          tx,
          sql`select payload from webhook_events
               where entity_id = ${invitationId} and payload <> ${queued!.payload}`
        )
        throw Object.assign(new Error('roll back'), { rows })
      })
      .catch((error: { rows?: { payload: string }[] }) => error.rows)
    // Nothing differs: the only other row would be one whose bytes are not the stored event's.
    expect(readBack).toEqual([])
    expect(queued?.body.data).toMatchObject({
      externalRef: 'CRM-00777',
      customer: { name: '上***', email: `${email[0]}***@customer.example` },
    })
    expect((queued?.body.data.customer as { mobile: string }).mobile).toBe('+86 ****0778')
  })

  it('writes created for manual review (P2) and review_decided for its approval (P5)', async () => {
    const created = await t.call<{ id: string; status: string }>('POST', `${CD}/preregistrations`, {
      token: owner.token,
      body: { customerName: 'Review Foods', email: 'rejected.co@customer.example' },
    })
    expect(created.body.status).toBe('PENDING_REVIEW')
    const manager = await t.signIn('manager@ecosystem.example')
    const reviewed = await t.call(
      'POST',
      `/api/v1/admin/preregistrations/${created.body.id}/review`,
      { token: manager, body: { decision: 'approve' } }
    )
    expect(reviewed.status).toBe(200)
    const events = await eventsOf(t, created.body.id)
    expect(types(events)).toEqual(['preregistration.created', 'preregistration.review_decided'])
    expectOrdered(events)
    expect(events[0]?.body.data).toMatchObject({
      status: 'PENDING_REVIEW',
      reviewReason: 'ACCOUNT_TOO_OLD_OR_HAS_SPEND',
      validUntil: null,
      reviewDeadline: expect.any(String) as string,
      externalRef: null,
    })
    expect(events[1]?.body.data).toMatchObject({
      actor: { type: 'ecosystem_manager', id: expect.any(String) as string },
      decision: 'APPROVED',
      status: 'PRE_REGISTERED',
      validUntil: expect.any(String) as string,
    })
    expect(events[1]?.payload).not.toContain('rejected.co@')
  })

  it('writes nothing for a refused pre-registration: the change rolled back (R27, R124)', async () => {
    const email = caseEmail('refused')
    const first = await t.call('POST', `${CD}/preregistrations`, {
      token: owner.token,
      body: { customerName: 'Refused Twice', email },
    })
    expect(first.status).toBe(201)
    const before = await countEvents(t)
    const again = await t.call('POST', `${CD}/preregistrations`, {
      token: owner.token,
      body: { customerName: 'Refused Twice', email, externalRef: 'CRM-2' },
    })
    expect(again.status).toBe(409)
    expect(await countEvents(t)).toBe(before)
  })

  it('writes one preregistration.expired for a lapse, however often the sweeper runs', async () => {
    const id = await insertPreregistration(t, owner, {
      status: 'PRE_REGISTERED',
      email: caseEmail('lapse'),
      validityClock: 'lapsed',
    })
    await sweepExpiredRecords(t.database.db, t.clock.now())
    await sweepExpiredRecords(t.database.db, t.clock.now())
    const events = await eventsOf(t, id)
    expect(types(events)).toEqual(['preregistration.expired'])
    const [validUntil] = await executeRows<{ at: string }>(
      t.database.db,
      sql`select to_json(valid_until)#>>'{}' as at from pre_registrations where id = ${id}`
    )
    expect(events[0]?.body.data).toMatchObject({
      actor: { type: 'system', id: null },
      previousStatus: 'PRE_REGISTERED',
      expiredAt: new Date(validUntil?.at ?? 0).toISOString(),
      closedReason: null,
      externalRef: null,
    })
    expect(events[0]?.entityVersion).toBe(2)
  })

  it('writes one preregistration.deleted per row of a batch delete, naming the revoked invitation', async () => {
    const plain = await insertPreregistration(t, owner, {
      status: 'PRE_REGISTERED',
      email: caseEmail('del.plain'),
    })
    const email = caseEmail('del.invited')
    const invited = await insertPreregistration(t, owner, { status: 'PRE_REGISTERED', email })
    const invitation = await insertInvitation(t, owner, {
      status: 'SENT',
      preregistrationId: invited,
      email,
    })
    const answer = await batchDeletePreregistrations(t, owner, [plain, invited])
    expect(answer.status).toBe(200)
    const plainEvents = await eventsOf(t, plain)
    const invitedEvents = await eventsOf(t, invited)
    expect(types(plainEvents)).toEqual(['preregistration.deleted'])
    expect(types(invitedEvents)).toEqual(['preregistration.deleted'])
    expect(plainEvents[0]?.body.data).toMatchObject({ revokedInvitationId: null })
    expect(invitedEvents[0]?.body.data).toMatchObject({
      previousStatus: 'PRE_REGISTERED',
      revokedInvitationId: invitation.id,
    })
    // I6 (revoked with its pre-registration) writes no event of its own (§13.5).
    expect(await eventsOf(t, invitation.id)).toEqual([])
  })
})
