// The partner's records with the API served by workerd, through HTTP against the worker (issue 17):
// reveal with its audit event, pre-registration and its conflicts, tenant isolation and the request
// limits. Each test makes the partners and customers it needs, so none depends on another.
import { maskEmail } from '@partner-center/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, errorOf, P } from '../helpers'
import { startEdgeWorld, type EdgeWorld } from './support/edge-world'
import {
  customerEmail,
  PATHS,
  preregister,
  settledRowCounts,
  signedInPartner,
  type PreregistrationItem,
} from './support/partner-helpers'

let world: EdgeWorld

beforeAll(async () => {
  world = await startEdgeWorld()
})
afterAll(async () => {
  await world?.stop()
})

describe('the partner records on workerd', () => {
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
})
