// The customer side of an invitation with the API in workerd (issue 17 item 4): a partner user
// invites, the customer opens the link, registers, accepts (20 times at once), asks for a new
// link when one expired, and the dispatcher's emails reach the sink. Every request goes to the
// worker; the Node app only makes the partner (the worker has no fixture routes) and reads the
// database. The `it`s run in order and share the state the flow builds.
import { failureMessage, maskEmail } from '@partner-center/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, PUBLIC } from '../helpers'
import { startEdgeWorld, type EdgeWorld } from './support/edge-world'
import {
  acceptThroughWorker,
  activeAssociationsOf,
  expireInvitation,
  inviteThroughWorker,
  linkTokenIn,
  outboxRowCount,
  registerThroughWorker,
  requestRenewalThroughWorker,
  resolveThroughWorker,
  waitForBatchDelivered,
  workerFaults,
} from './support/customer-flow-helpers'

const PARTNER_NAME = 'Nimbus Partners'
const CONCURRENT_ACCEPTS = 20

let world: EdgeWorld
let partner: { partnerId: string; userEmail: string; userToken: string }
const run = crypto.randomUUID().slice(0, 8)
const customerEmail = `orion.${run}@fixture.example`
// Filled by the tests in order: the link of the invitation email and the customer's session.
const flow = { linkToken: '', session: '', customerAccountId: '' }
// How much of the worker's output the previous tests already checked.
let checkedOutput = 0

beforeAll(async () => {
  world = await startEdgeWorld()
  const created = await world.node.createPartner({
    name: PARTNER_NAME,
    contactEmail: 'partners@nimbus.example',
    referralModelEnabled: true,
    users: [{ role: 'sales', locale: 'en' }],
  })
  const user = created.users[0]
  if (!user) throw new Error('fixture partner without users')
  partner = {
    partnerId: created.partnerId,
    userEmail: user.email,
    userToken: await world.signIn(user.email),
  }
})
afterAll(async () => {
  await world?.stop()
})

/**
 * A fault workerd reports (an uncaught error, an I/O object used across requests) may still let
 * the answers look right; the worker's output since the previous check says so. Each test ends
 * with it.
 */
function expectNoNewWorkerFaults() {
  const output = world.worker.output()
  const faults = workerFaults(output.slice(checkedOutput))
  checkedOutput = output.length
  expect(faults).toEqual([])
}

describe('the customer side of an invitation, served by workerd', () => {
  it('delivers the invitation a partner user sends through the worker, and its link resolves there', async () => {
    const sent = await inviteThroughWorker(world, partner.userToken, {
      customerName: 'Orion Freight',
      email: customerEmail,
      associationType: 'referral',
    })
    expect(sent.queued).toBe(1)
    const message = await world.mailTo(customerEmail)
    expect(message.subject).toBe(
      `${PARTNER_NAME} invites you to connect your Example Cloud account`
    )
    flow.linkToken = linkTokenIn(message)
    // The sink has the message before the dispatcher marks the invitation sent.
    expect(await waitForBatchDelivered(world, partner.userToken, sent.batchId)).toMatchObject({
      sent: 1,
      failed: 0,
    })

    const resolved = await resolveThroughWorker(world, flow.linkToken)
    expect(resolved.status).toBe(200)
    expect(resolved.body).toMatchObject({
      partnerName: PARTNER_NAME,
      associationType: 'referral',
      invitedEmail: customerEmail,
    })
    expectNoNewWorkerFaults()
  })

  it('registers the customer through the link and signs them in', async () => {
    const registered = await registerThroughWorker(world, flow.linkToken, 'Orion Owner')
    expect(registered.status).toBe(201)
    expect(registered.body.customer.email).toBe(customerEmail)
    flow.session = registered.body.token
    flow.customerAccountId = registered.body.customer.id
    const me = await world.call<{ id: string; email: string }>('GET', `${PUBLIC}/auth/me`, {
      token: flow.session,
    })
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({ id: flow.customerAccountId, email: customerEmail })
    // Registering does not accept (R61): the link is still live.
    expect((await resolveThroughWorker(world, flow.linkToken)).status).toBe(200)
    expectNoNewWorkerFaults()
  })

  it(`gives exactly one success to ${CONCURRENT_ACCEPTS} concurrent accepts of one link (R68)`, async () => {
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT_ACCEPTS }, () =>
        acceptThroughWorker(world, flow.linkToken, flow.session)
      )
    )
    const winners = answers.filter((answer) => answer.status === 200)
    expect(winners).toHaveLength(1)
    expect(winners[0]?.body).toMatchObject({
      partnerName: PARTNER_NAME,
      associationType: 'referral',
    })
    const losers = answers.filter((answer) => answer.status !== 200).map(errorOf)
    expect(losers).toEqual(
      Array.from({ length: CONCURRENT_ACCEPTS - 1 }, () => ({
        status: 409,
        code: 'LINK_ALREADY_USED',
      }))
    )
    const active = await activeAssociationsOf(world, {
      customerAccountId: flow.customerAccountId,
      partnerId: partner.partnerId,
    })
    expect(active).toHaveLength(1)
    // The winner alone queued the success email (R65: in the acceptance transaction).
    expect(await outboxRowCount(world, 'ASSOCIATION_SUCCESS_EMAIL', active[0] ?? '')).toBe(1)
    // Reopening the used link answers the same (R70).
    expect(errorOf(await resolveThroughWorker(world, flow.linkToken))).toEqual({
      status: 409,
      code: 'LINK_ALREADY_USED',
    })
    expectNoNewWorkerFaults()
  })

  it('emails the customer that the association succeeded (R71)', async () => {
    const message = await world.mailTo(customerEmail, (m) =>
      m.subject.startsWith('You are now associated with')
    )
    expect(message.subject).toBe(`You are now associated with ${PARTNER_NAME}`)
    expect(message.text).toContain(
      `Your Example Cloud account ${customerEmail} has been associated with ${PARTNER_NAME} under the Referral model`
    )
    // One delivered, though every one of the concurrent accepts tried.
    const successes = world.sink
      .list()
      .filter((m) => m.to.includes(customerEmail) && m.subject === message.subject)
    expect(successes).toHaveLength(1)
    expectNoNewWorkerFaults()
  })

  it('records a renewal request on an expired link once and emails the inviting user (R72)', async () => {
    const expiredEmail = `vega.${run}@fixture.example`
    const sent = await inviteThroughWorker(world, partner.userToken, {
      customerName: 'Vega Studio',
      email: expiredEmail,
      associationType: 'reseller',
    })
    const token = linkTokenIn(await world.mailTo(expiredEmail))
    await waitForBatchDelivered(world, partner.userToken, sent.batchId)
    // Expired in the database (see expireInvitation): the worker's clock is the real one.
    await expireInvitation(world, sent.invitationId)
    expect(errorOf(await resolveThroughWorker(world, token))).toEqual({
      status: 410,
      code: 'LINK_EXPIRED',
    })

    const first = await requestRenewalThroughWorker(world, token)
    expect(first.status).toBe(200)
    expect(first.body).toEqual({
      requested: true,
      alreadyRequested: false,
      live: false,
      partnerName: PARTNER_NAME,
    })
    const again = await requestRenewalThroughWorker(world, token)
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ requested: false, alreadyRequested: true })
    // Recorded once: the repeat queued no second email.
    expect(await outboxRowCount(world, 'RENEWAL_REQUEST_EMAIL', sent.invitationId)).toBe(1)

    // To the user who created the invitation, in their locale, the customer's address masked.
    const message = await world.mailTo(
      partner.userEmail,
      (m) => m.subject === 'A customer asked for a new invitation'
    )
    expect(message.text).toContain(
      `${maskEmail(expiredEmail)} could not use your invitation (${failureMessage('LINK_EXPIRED', 'en')})`
    )
    expect(message.text).not.toContain(expiredEmail)
    expectNoNewWorkerFaults()
  })
})
