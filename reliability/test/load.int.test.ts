import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerAndAccept } from '../src/customers'
import { byProfile } from '../src/env'
import { call, quantile, Recorder, round, type Answer } from '../src/http'
import { invitationRows, inviteAll, queuedIds } from '../src/invite'
import { issueInvitationLinks } from '../src/links'
import { writeSection } from '../src/report'
import { scanIsClean, scanTopology } from '../src/scan'
import { CD, createPartner, customerIdentity, signIn, type BatchAnswer } from '../src/seed'
import { RAISED_LIMITS, startTopology, type Topology } from '../src/topology'
import { waitFor } from '../src/wait'

const PARTNERS = byProfile({ fast: 5, full: 50 })
const CUSTOMERS = byProfile({ fast: 2, full: 10 })
const DURATION_MS = byProfile({ fast: 10_000, full: 60_000 })
const RESENDABLE_PER_PARTNER = 3

let topology: Topology
const secrets = new Set<string>()
const linkCodes = new Set<string>()
const errorBodies: string[] = []
const recorder = new Recorder()
const resendOutcomes: Record<string, number> = {}

interface PartnerSession {
  partnerId: string
  token: string
  resendable: string[]
  recent: string[]
  preregistrations: string[]
}
const sessions: PartnerSession[] = []

const base = (n: number) => topology.apis[n % 2]?.base ?? ''

beforeAll(async () => {
  topology = await startTopology('load', { apiEnv: RAISED_LIMITS })
  for (let n = 0; n < PARTNERS; n++) {
    const partner = await createPartner(base(n), ['admin'], { name: `Load Partner ${n}` })
    const admin = partner.users[0]
    if (!admin) throw new Error('no admin')
    const token = await signIn(base(n + 1), admin.email, partner.password)
    secrets.add(token)
    sessions.push({
      partnerId: partner.partnerId,
      token,
      resendable: [],
      recent: [],
      preregistrations: [],
    })
  }
  // Offline invitation links issued in this run (R99): the scans look for every code and link.
  for (const [n, s] of sessions.entries()) {
    const issued = await issueInvitationLinks(base(n), s.token, `Load ${n}`)
    for (const code of issued.codes) {
      secrets.add(code)
      linkCodes.add(code)
    }
  }
  // Invitations old enough to resend (RESEND_COOLDOWN_MINUTES = 10): made through the API,
  // delivered, then moved 20 minutes into the past.
  const made: string[] = []
  for (const [n, s] of sessions.entries()) {
    const ids: string[] = []
    for (let k = 0; k < RESENDABLE_PER_PARTNER; k++) {
      const who = customerIdentity('lr')
      const created = await call<{ id: string }>(base(n + k), 'POST', `${CD}/preregistrations`, {
        token: s.token,
        body: { customerName: who.name, email: who.email },
      })
      if (created.status !== 201) throw new Error(`pre-register ${created.status} ${created.text}`)
      ids.push(created.body.id)
      s.preregistrations.push(created.body.id)
    }
    s.resendable = queuedIds(await inviteAll([base(n)], s.token, ids))
    made.push(...s.resendable)
  }
  await waitFor(
    'the resendable invitations sent',
    async () => (await invitationRows(topology.sql, made)).every((r) => r.status === 'SENT'),
    { timeoutMs: 60_000, intervalMs: 200 }
  )
  await topology.sql`update invitations set created_at = created_at - interval '20 minutes',
    sent_at = sent_at - interval '20 minutes', last_attempt_at = last_attempt_at - interval '20 minutes'
    where id in ${topology.sql(made)}`
})
afterAll(async () => {
  await topology?.stop()
})

function track(endpoint: string, answer: Answer) {
  recorder.record(endpoint, answer)
  if (answer.status >= 400 || answer.status === 0) errorBodies.push(answer.text)
}

async function partnerWorker(s: PartnerSession, n: number, until: number) {
  let turn = 0
  while (Date.now() < until) {
    const origin = base(n + turn)
    turn += 1
    const step = turn % 5
    if (step === 0) {
      const search = turn % 3 === 0 ? '&q=rc-' : ''
      track(
        'GET preregistrations',
        await call(origin, 'GET', `${CD}/preregistrations?pageSize=20${search}`, { token: s.token })
      )
    } else if (step === 1) {
      const who = customerIdentity('ld')
      const mobile =
        turn % 4 === 1
          ? `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
          : undefined
      const created = await call<{ id: string }>(origin, 'POST', `${CD}/preregistrations`, {
        token: s.token,
        body: { customerName: who.name, email: who.email, ...(mobile ? { mobile } : {}) },
      })
      track('POST preregistrations', created)
      if (created.status === 201) s.preregistrations.push(created.body.id)
    } else if (step === 2) {
      const id = s.preregistrations.pop()
      if (!id) continue
      const answer = await call<BatchAnswer>(origin, 'POST', `${CD}/invitations`, {
        token: s.token,
        headers: { 'idempotency-key': randomUUID() },
        body: { preregistrationIds: [id], associationType: 'reseller' },
      })
      track('POST invitations', answer)
      if (answer.status === 202) s.recent.push(...queuedIds([answer]))
    } else if (step === 3) {
      // Old invitations resend; a recent one meets the cooldown (a 4xx the page shows).
      const id = s.resendable.pop() ?? s.recent[s.recent.length - 1]
      if (!id) continue
      const answer = await call<BatchAnswer>(origin, 'POST', `${CD}/invitations/${id}/resend`, {
        token: s.token,
        headers: { 'idempotency-key': randomUUID() },
      })
      track('POST invitations/{id}/resend', answer)
      if (answer.status === 202) {
        for (const r of answer.body.results) {
          const key = r.outcome === 'QUEUED' ? 'QUEUED' : `SKIPPED ${r.code ?? ''}`
          resendOutcomes[key] = (resendOutcomes[key] ?? 0) + 1
        }
      }
    } else {
      track(
        'GET history',
        await call(origin, 'GET', `${CD}/history?pageSize=20`, { token: s.token })
      )
    }
  }
}

async function customerWorker(
  n: number,
  until: number,
  accepted: Set<string>,
  claimed: Set<string>
) {
  let turn = 0
  while (Date.now() < until) {
    const mail = topology.sink.messages.find((m) => m.token && !claimed.has(m.token))
    if (!mail?.token) {
      await waitFor(
        'an invitation email',
        () =>
          topology.sink.messages.some((m) => m.token && !claimed.has(m.token)) ||
          Date.now() >= until,
        { timeoutMs: DURATION_MS + 10_000, intervalMs: 20 }
      )
      continue
    }
    claimed.add(mail.token)
    const flow = await registerAndAccept(base(n + turn++), mail.token, customerIdentity('lc').name)
    for (const step of flow.steps) track(`POST public/invitations/${step.name}`, step.answer)
    if (flow.session) secrets.add(flow.session)
    if (flow.steps.at(-1)?.name === 'accept' && flow.steps.at(-1)?.answer.status === 200) {
      accepted.add(mail.token)
    }
  }
}

describe(`${PARTNERS} partners working at once while customers accept`, () => {
  it('serves the load without server errors and keeps every invariant in the database', async () => {
    const startedAt = new Date()
    const until = Date.now() + DURATION_MS
    const accepted = new Set<string>()
    const claimed = new Set<string>()
    await Promise.all([
      ...sessions.map((s, n) => partnerWorker(s, n, until)),
      ...Array.from({ length: CUSTOMERS }, (_, n) => customerWorker(n, until, accepted, claimed)),
    ])
    // Everything queued during the run reaches the sink.
    await waitFor(
      'the outbox drained',
      async () => {
        const [row] = await topology.sql<{ n: number }[]>`
          select count(*)::int as n from outbox where status in ('PENDING', 'SENDING')`
        return row?.n === 0
      },
      { timeoutMs: 120_000, intervalMs: 250 }
    )
    const delivered = await topology.sql<{ messageId: string; createdAt: Date }[]>`
      select message_id as "messageId", created_at as "createdAt" from invitations
      where created_at >= ${startedAt} and sent_at is not null`
    const firstArrival = new Map<string, number>()
    for (const m of topology.sink.messages) {
      if (!firstArrival.has(m.messageId)) firstArrival.set(m.messageId, m.receivedAt)
    }
    const delays = delivered
      .map((d) => (firstArrival.get(d.messageId) ?? NaN) - d.createdAt.getTime())
      .filter((ms) => Number.isFinite(ms))
      .sort((a, b) => a - b)
    const invariants = await checkInvariants(startedAt)
    const endpoints = recorder.summary() as Record<
      string,
      { requests: number; errors: number; busy503: number }
    >
    const requests = Object.values(endpoints).reduce((s, e) => s + e.requests, 0)
    const errors = Object.values(endpoints).reduce((s, e) => s + e.errors, 0)
    // 503 SYSTEM_BUSY is the product's retryable answer to a deadlock or lock timeout (R69);
    // anything else in 5xx, or no answer at all, is a defect.
    const busy = Object.values(endpoints).reduce((s, e) => s + e.busy503, 0)
    const busyCodes = errorBodies.filter((b) => b.includes('"SYSTEM_BUSY"')).length
    writeSection('load', {
      partners: PARTNERS,
      customers: CUSTOMERS,
      durationMs: DURATION_MS,
      requests,
      serverOrNetworkErrors: errors,
      errorRate: requests ? errors / requests : 0,
      busy503SystemBusy: busy,
      defects: errors - busy,
      defectRate: requests ? (errors - busy) / requests : 0,
      throughputPerSecond: Math.round((requests / DURATION_MS) * 1000),
      endpoints,
      acceptedInvitations: accepted.size,
      resendOutcomes,
      deliveryDelayMs: {
        messages: delays.length,
        missingAtSink: delivered.length - delays.length,
        p50: round(quantile(delays, 0.5)),
        p95: round(quantile(delays, 0.95)),
        p99: round(quantile(delays, 0.99)),
        max: round(delays.at(-1) ?? 0),
      },
      invariants,
      deadlocksInServerLog: (
        readFileSync(topology.cluster.logFile, 'utf8').match(/deadlock detected/g) ?? []
      ).length,
    })
    expect(requests).toBeGreaterThan(0)
    expect(errors - busy).toBe(0)
    expect(busyCodes).toBe(busy)
    expect(busy / requests).toBeLessThan(0.01)
    expect(accepted.size).toBeGreaterThan(0)
    expect(delivered.length - delays.length).toBe(0)
    expect(invariants.violations).toEqual({})
  })

  it('leaves no raw token, link or unmasked customer value in the dump, the logs or the error bodies', () => {
    const scan = scanTopology(topology, secrets, errorBodies)
    writeSection('load', { scan, linkCodesLookedFor: linkCodes.size })
    // Four codes per partner: general, custom, activity, and the general link after its reset.
    expect(linkCodes.size).toBe(PARTNERS * 4)
    expect(scanIsClean(scan)).toBe(true)
  })
})

/** The invariants of issue 8 in SQL; every query counts violations. */
async function checkInvariants(since: Date) {
  const sql = topology.sql
  const count = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0
  const checks = {
    customersWithSeveralActiveAssociations: await count(sql`
      select count(*)::int as n from (select customer_account_id from associations
        where status = 'ACTIVE' group by 1 having count(*) > 1) x`),
    preregistrationsWithSeveralLiveInvitations: await count(sql`
      select count(*)::int as n from (select preregistration_id from invitations
        where status in ('QUEUED', 'SENT', 'SEND_FAILED') group by 1 having count(*) > 1) x`),
    preregistrationsWithoutOneCreatedEvent: await count(sql`
      select count(*)::int as n from pre_registrations p where p.created_at >= ${since}
        and (select count(*) from audit_events a where a.entity_id = p.id
             and a.action = 'preregistration.created') <> 1`),
    invitationsWithoutOneQueuedOrResentEvent: await count(sql`
      select count(*)::int as n from invitations i where i.created_at >= ${since}
        and (select count(*) from audit_events a where a.entity_id = i.id
             and a.action in ('invitation.queued', 'invitation.resent')) <> 1`),
    sentInvitationsWithoutOneSentEvent: await count(sql`
      select count(*)::int as n from invitations i where i.sent_at is not null and i.created_at >= ${since}
        and (select count(*) from audit_events a where a.entity_id = i.id
             and a.action = 'invitation.sent') <> 1`),
    supersededWithoutOneEvent: await count(sql`
      select count(*)::int as n from invitations i where i.status = 'SUPERSEDED'
        and (select count(*) from audit_events a where a.entity_id = i.id
             and a.action = 'invitation.superseded') <> 1`),
    acceptedWithoutOneEvent: await count(sql`
      select count(*)::int as n from invitations i where i.status = 'ACCEPTED'
        and (select count(*) from audit_events a where a.entity_id = i.id
             and a.action = 'invitation.accepted') <> 1`),
    associationsWithoutOneCreatedEvent: await count(sql`
      select count(*)::int as n from associations s
        where (select count(*) from audit_events a where a.entity_id = s.id
               and a.action = 'association.created') <> 1`),
    acceptedWithoutAssociation: await count(sql`
      select count(*)::int as n from invitations i where i.status = 'ACCEPTED'
        and not exists (select 1 from associations s where s.id = i.association_id and s.status = 'ACTIVE')`),
    registeredAccountsWithoutEvent: await count(sql`
      select count(*)::int as n from customer_accounts c where c.registered_via = 'INVITATION'
        and (select count(*) from audit_events a where a.entity_id = c.id
             and a.action = 'customer_account.registered') <> 1`),
  }
  const totals = {
    preregistrations: await count(sql`select count(*)::int as n from pre_registrations`),
    invitations: await count(sql`select count(*)::int as n from invitations`),
    associations: await count(sql`select count(*)::int as n from associations`),
    auditEvents: await count(sql`select count(*)::int as n from audit_events`),
  }
  const violations = Object.fromEntries(Object.entries(checks).filter(([, n]) => n > 0))
  return { checks, totals, violations }
}
