// The customer side of an invitation link with the API in workerd (issue 20): the customer opens
// a partner's link, registers with the code the dispatcher emailed, and accepts. Every request
// goes to the worker; the Node app only makes the partner and the link (the worker has no
// fixture routes) and reads the database. The `it`s run in order and share the flow's state.
import { associations, invitations } from '@partner-center/db/schema'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf } from '../helpers'
import {
  codeFromMail,
  insertInvitationLink,
  PUBLIC_LINKS,
  registrationBody,
} from '../support/public-link-fixtures'
import { startEdgeWorld, type EdgeWorld } from './support/edge-world'
import { workerFaults } from './support/customer-flow-helpers'

const PARTNER_NAME = 'Halo Partners'

let world: EdgeWorld
let link: { id: string; code: string; tag: string }
const run = crypto.randomUUID().slice(0, 8)
const email = `vega.${run}@fixture.example`
const flow = { pendingRegistrationId: '', session: '', customerAccountId: '' }

beforeAll(async () => {
  world = await startEdgeWorld()
  const created = await world.node.createPartner({
    name: PARTNER_NAME,
    contactEmail: 'partners@halo.example',
    referralModelEnabled: true,
    users: [{ role: 'sales', locale: 'en' }],
  })
  const user = created.users[0]
  if (!user) throw new Error('fixture partner without users')
  link = await insertInvitationLink(world.node, {
    partnerId: created.partnerId,
    createdByUserId: user.id,
    associationType: 'referral',
    tag: 'Harbour Fair',
  })
})
afterAll(async () => {
  await world?.stop()
})

describe('the customer side of an invitation link, served by workerd', () => {
  it('opens the link', async () => {
    const opened = await world.call('POST', `${PUBLIC_LINKS}/resolve`, {
      body: { code: link.code },
    })
    expect(opened.status).toBe(200)
    expect(opened.body).toMatchObject({ partnerName: PARTNER_NAME, associationType: 'referral' })
  })

  it('emails a code and creates the account only once it is confirmed', async () => {
    const requested = await world.call<{ pendingRegistrationId: string }>(
      'POST',
      `${PUBLIC_LINKS}/register/code`,
      { body: registrationBody(link.code, email) }
    )
    expect(requested.status).toBe(202)
    flow.pendingRegistrationId = requested.body.pendingRegistrationId
    const message = await world.mailTo(email)
    expect(message.messageId).toBe(
      `<email-code.${flow.pendingRegistrationId}@partner-center.local>`
    )
    const code = codeFromMail([message], email)
    expect(code).toMatch(/^\d{6}$/)
    const registered = await world.call<{ token: string; customer: { id: string } }>(
      'POST',
      `${PUBLIC_LINKS}/register`,
      {
        body: {
          code: link.code,
          pendingRegistrationId: flow.pendingRegistrationId,
          emailCode: code,
        },
      }
    )
    expect(registered.status).toBe(201)
    flow.session = registered.body.token
    flow.customerAccountId = registered.body.customer.id
  })

  it('accepts through the link and records the link association', async () => {
    const accepted = await world.call('POST', `${PUBLIC_LINKS}/accept`, {
      token: flow.session,
      body: { code: link.code, instructionsAccepted: true },
    })
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({ partnerName: PARTNER_NAME, associationType: 'referral' })
    const again = await world.call('POST', `${PUBLIC_LINKS}/accept`, {
      token: flow.session,
      body: { code: link.code, instructionsAccepted: true },
    })
    expect(errorOf(again)).toEqual({ status: 409, code: 'LINK_ALREADY_USED' })
    const [association] = await world.node.database.db
      .select({ origin: associations.origin, invitationId: associations.invitationId })
      .from(associations)
      .where(eq(associations.customerAccountId, flow.customerAccountId))
    expect(association?.origin).toBe('LINK_INVITATION')
    const [row] = await world.node.database.db
      .select({ channel: invitations.channel, linkTag: invitations.linkTag })
      .from(invitations)
      .where(eq(invitations.id, association!.invitationId!))
    expect(row).toEqual({ channel: 'custom_link', linkTag: 'Harbour Fair' })
    expect(workerFaults(world.worker.output())).toEqual([])
    expect(world.worker.output()).not.toContain(link.code)
  })
})
