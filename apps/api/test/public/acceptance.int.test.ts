import { executeRows } from '@partner-center/db'
import { demoId } from '@partner-center/db/seed'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, errorOf, PUBLIC, type TestApp } from '../helpers'
import { createTestApp } from '../test-app'
import { createSentInvitation, demoLinkToken, registerThroughLink } from './link-fixtures'

let t: TestApp
beforeAll(async () => {
  // The concurrency test sends 100 accepts of one link at once: they queue on a 10-connection
  // pool and then on the invitation's row lock, so the last one answers only after the other 99
  // have committed. On a loaded 2-core machine that took longer than the 15 s request deadline
  // and the late ones answered 503 SYSTEM_BUSY (seen in CI). What this file tests is the lock,
  // not the deadline (src/request-deadline.test.ts tests that), so the deadline is out of reach.
  t = await createTestApp({ config: { requestTimeoutMs: 300_000 } })
})
afterAll(async () => {
  await t.close()
})

const ACME = demoId('partner:acme')
const ACME_ADMIN = demoId('user:admin@acme.example')

async function customerToken(email: string, password = 'Passw0rd!demo') {
  const response = await t.call<{ token: string }>('POST', `${PUBLIC}/auth/sign-in`, {
    body: { email, password },
  })
  if (response.status !== 200) throw new Error(`customer sign-in ${email}: ${response.text}`)
  return response.body.token
}

async function newAccount(flags: Record<string, unknown> = {}) {
  const email = `c${crypto.randomUUID().slice(0, 8)}@fixture.example`
  const response = await t.call<{ id: string }>('POST', '/api/v1/test/customer-accounts', {
    body: { email, ...flags },
  })
  if (response.status !== 201) throw new Error(`fixture account: ${response.text}`)
  return { email, id: response.body.id }
}

const accept = (token: string, session?: string, instructionsAccepted = true) =>
  t.call<{ frozenPendingBudget: boolean; associationType: string }>(
    'POST',
    `${PUBLIC}/invitations/accept`,
    {
      token: session,
      body: { token, instructionsAccepted },
    }
  )

async function invitationRow(id: string) {
  const [row] = await executeRows<{ status: string; failure_code: string | null }>(
    t.database.db,
    sql`select status, failure_code from invitations where id = ${id}`
  )
  return row
}

describe('accepting an invitation', () => {
  it('associates an existing customer in the referral model without freezing the account', async () => {
    const session = await customerToken('fresh.eligible@customer.example')
    const response = await accept(demoLinkToken('P03-1'), session)
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ associationType: 'referral', frozenPendingBudget: false })
    expect(errorOf(await accept(demoLinkToken('P03-1'), session))).toEqual({
      status: 409,
      code: 'LINK_ALREADY_USED',
    })
  })

  it('associates a newly registered customer as reseller, converts the row, freezes the account and queues the success email', async () => {
    const token = demoLinkToken('P02-2')
    const registered = await registerThroughLink(t, token)
    const response = await accept(token, registered.body.token)
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ associationType: 'reseller', frozenPendingBudget: true })
    const [state] = await executeRows<{
      prereg: string
      frozen: boolean
      reason: string
      outbox: number
    }>(
      t.database.db,
      sql`select
            (select status from pre_registrations where id = ${demoId('preregistration:P02')}) as prereg,
            (select frozen from customer_accounts where id = ${registered.body.customer.id}) as frozen,
            (select frozen_reason from customer_accounts where id = ${registered.body.customer.id}) as reason,
            (select count(*)::int from outbox where kind = 'ASSOCIATION_SUCCESS_EMAIL') as outbox`
    )
    expect(state).toEqual({
      prereg: 'CONVERTED',
      frozen: true,
      reason: 'RESELLER_BUDGET_PENDING',
      outbox: 2,
    })
    expect(await auditEvents(t, 'account.frozen_pending_budget')).toHaveLength(1)
  })

  it('changes nothing for NOT_AUTHENTICATED, AGREEMENT_REQUIRED and RECIPIENT_MISMATCH', async () => {
    const token = demoLinkToken('P12-1')
    expect(errorOf(await accept(token))).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' })
    const owner = await customerToken('reserved.instances@customer.example')
    expect(errorOf(await accept(token, owner, false))).toEqual({
      status: 422,
      code: 'AGREEMENT_REQUIRED',
    })
    const other = await customerToken('other.person@customer.example')
    expect(errorOf(await accept(token, other))).toEqual({ status: 403, code: 'RECIPIENT_MISMATCH' })
    expect(await invitationRow(demoId('invitation:P12-1'))).toEqual({
      status: 'SENT',
      failure_code: null,
    })
    expect(await auditEvents(t, 'acceptance.refused')).toHaveLength(1)
  })

  it('records a reseller blocker on the invitation and answers it again when the link is reopened', async () => {
    const token = demoLinkToken('P12-1')
    const owner = await customerToken('reserved.instances@customer.example')
    expect(errorOf(await accept(token, owner))).toEqual({
      status: 422,
      code: 'RESELLER_BLOCKED_RESERVED_INSTANCES',
    })
    expect(await invitationRow(demoId('invitation:P12-1'))).toEqual({
      status: 'ASSOCIATION_FAILED',
      failure_code: 'RESELLER_BLOCKED_RESERVED_INSTANCES',
    })
    const reopened = await t.call('POST', `${PUBLIC}/invitations/resolve`, { body: { token } })
    expect(errorOf(reopened)).toEqual({ status: 422, code: 'RESELLER_BLOCKED_RESERVED_INSTANCES' })

    // The partner sees the same reason in History Records, with the partner's action (R74).
    const admin = await t.signIn('admin@acme.example')
    const history = await t.call<{
      items: {
        id: string
        statusFilter: string
        failure: { code: string; message: string; partnerAction: string | null } | null
      }[]
    }>('GET', '/api/v1/customer-development/history?pageSize=100', { token: admin })
    const row = history.body.items.find((item) => item.id === demoId('invitation:P12-1'))
    expect(row?.failure).toEqual({
      code: 'RESELLER_BLOCKED_RESERVED_INSTANCES',
      message: 'Accounts with valid reserved instances cannot be associated in the reseller model.',
      partnerAction:
        'Invite in the referral model; if it is not enabled for you, ask your ecosystem manager to apply for it.',
    })
  })

  it.each([
    ['CUSTOMER_IS_PARTNER', 422, { isPartner: true }, 'reseller'],
    ['SPECIAL_CONTRACT', 422, { hasSpecialContract: true }, 'reseller'],
    ['UNPAID_BILLS', 422, { hasUnpaidBills: true }, 'reseller'],
    ['ACCOUNT_TOO_OLD_OR_HAS_SPEND', 422, { hasCashSpend: true }, 'referral'],
    [
      'RESELLER_BLOCKED_PROFESSIONAL_SERVICE',
      422,
      { hasProfessionalServiceContract: true },
      'reseller',
    ],
    ['RESELLER_BLOCKED_ENTERPRISE_MEMBER', 422, { isEnterpriseMember: true }, 'reseller'],
    [
      'RESELLER_BLOCKED_MASTER_WITH_MEMBERS',
      422,
      { isEnterpriseMasterWithMembers: true },
      'reseller',
    ],
  ] as const)('refuses and records %s', async (code, status, flags, type) => {
    const account = await newAccount(flags)
    const link = await createSentInvitation(t, {
      partnerId: ACME,
      createdByUserId: ACME_ADMIN,
      email: account.email,
      associationType: type,
      customerAccountId: account.id,
    })
    expect(errorOf(await accept(link.token, await customerToken(account.email)))).toEqual({
      status: status,
      code: code,
    })
    expect(await invitationRow(link.invitationId)).toEqual({
      status: 'ASSOCIATION_FAILED',
      failure_code: code,
    })
  })

  it('lets a reseller-blocked account associate in the referral model', async () => {
    const account = await newAccount({ hasProfessionalServiceContract: true })
    const link = await createSentInvitation(t, {
      partnerId: ACME,
      createdByUserId: ACME_ADMIN,
      email: account.email,
      associationType: 'referral',
    })
    const response = await accept(link.token, await customerToken(account.email))
    expect(response.status).toBe(200)
  })

  it('refuses ALREADY_ASSOCIATED for a customer with an active association', async () => {
    const session = await customerToken('globex.client@customer.example')
    const link = await createSentInvitation(t, {
      partnerId: ACME,
      createdByUserId: ACME_ADMIN,
      email: 'globex.client@customer.example',
      associationType: 'referral',
    })
    expect(errorOf(await accept(link.token, session))).toEqual({
      status: 409,
      code: 'ALREADY_ASSOCIATED',
    })
  })

  it('refuses PREREGISTERED_BY_ANOTHER_PARTNER when another partner holds the identity', async () => {
    const mobile = `+86139${String(Date.now()).slice(-8)}`
    const account = await newAccount({ mobile })
    const rival = await t.createPartner({ name: 'Rival Partners' })
    const rivalUser = rival.users[0]
    if (!rivalUser) throw new Error('fixture partner without users')
    // The rival holds the account's mobile under another address; Acme invited the account's email.
    await createSentInvitation(t, {
      partnerId: rival.partnerId,
      createdByUserId: rivalUser.id,
      email: `rival-${crypto.randomUUID().slice(0, 6)}@fixture.example`,
      mobile,
    })
    const ours = await createSentInvitation(t, {
      partnerId: ACME,
      createdByUserId: ACME_ADMIN,
      email: account.email,
      associationType: 'referral',
    })
    const response = await accept(ours.token, await customerToken(account.email))
    expect(errorOf(response)).toEqual({ status: 409, code: 'PREREGISTERED_BY_ANOTHER_PARTNER' })
    expect(JSON.stringify(response.body)).not.toContain('Rival')
  })

  it('refuses the partner checks when the partner lost its capabilities since sending', async () => {
    const partner = await t.createPartner({ referralModelEnabled: false, isPrepaid: false })
    const user = partner.users[0]
    if (!user) throw new Error('fixture partner without users')
    const cases = [
      ['referral', {}, 'REFERRAL_NOT_ENABLED'],
      ['reseller', { isPrepaid: true }, 'PREPAID_PARTNER_RESELLER'],
      [
        'reseller',
        { isPrepaid: false, customerDevelopmentEnabled: false },
        'CUSTOMER_DEVELOPMENT_NOT_ENABLED',
      ],
    ] as const
    const manager = await t.signIn('manager@ecosystem.example')
    for (const [type, patch, code] of cases) {
      const account = await newAccount()
      const link = await createSentInvitation(t, {
        partnerId: partner.partnerId,
        createdByUserId: user.id,
        email: account.email,
        associationType: type,
      })
      const changed =
        Object.keys(patch).length > 0
          ? await t.call('PATCH', `/api/v1/admin/partners/${partner.partnerId}`, {
              token: manager,
              body: patch,
            })
          : { status: 200 }
      expect(changed.status).toBe(200)
      expect(errorOf(await accept(link.token, await customerToken(account.email)))).toEqual({
        status: 403,
        code: code,
      })
      expect(await invitationRow(link.invitationId)).toEqual({
        status: 'ASSOCIATION_FAILED',
        failure_code: code,
      })
    }
  })
})

describe('acceptance under concurrency', () => {
  it('gives exactly one success to 100 concurrent accepts of one link', async () => {
    const account = await newAccount()
    const link = await createSentInvitation(t, {
      partnerId: ACME,
      createdByUserId: ACME_ADMIN,
      email: account.email,
      associationType: 'referral',
    })
    const session = await customerToken(account.email)
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => accept(link.token, session))
    )
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(1)
    expect(new Set(answers.filter((a) => a.status !== 200).map((a) => a.body.error?.code))).toEqual(
      new Set(['LINK_ALREADY_USED'])
    )
    const [count] = await executeRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from associations where customer_account_id = ${account.id}`
    )
    expect(count?.n).toBe(1)
  })

  it('ends with exactly one active association when one customer accepts two partners at once', async () => {
    const account = await newAccount()
    const other = await t.createPartner({ name: 'Second Partner' })
    const otherUser = other.users[0]
    if (!otherUser) throw new Error('fixture partner without users')
    // Two partners invited the same person under different addresses of one account: the holds
    // do not overlap, so only the association constraint can decide.
    const first = await createSentInvitation(t, {
      partnerId: ACME,
      createdByUserId: ACME_ADMIN,
      email: account.email,
      associationType: 'referral',
    })
    const second = await createSentInvitation(t, {
      partnerId: other.partnerId,
      createdByUserId: otherUser.id,
      email: account.email.replace('@', '+2@'),
      associationType: 'referral',
    })
    await executeRows(
      t.database.db,
      sql`update invitations set recipient_email_canonical = ${account.email} where id = ${second.invitationId}`
    )
    await executeRows(
      t.database.db,
      sql`update pre_registrations set status = 'EXPIRED' where id in (${first.preregistrationId}, ${second.preregistrationId})`
    )
    const session = await customerToken(account.email)
    const answers = await Promise.all([accept(first.token, session), accept(second.token, session)])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const loser = answers.find((a) => a.status === 409)
    expect(loser?.body.error?.code).toBe('ALREADY_ASSOCIATED')
    const [active] = await executeRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from associations where customer_account_id = ${account.id} and status = 'ACTIVE'`
    )
    expect(active?.n).toBe(1)
    const states = await Promise.all([
      invitationRow(first.invitationId),
      invitationRow(second.invitationId),
    ])
    expect(states.map((s) => s?.status).sort()).toEqual(['ACCEPTED', 'ASSOCIATION_FAILED'])
  })
})
