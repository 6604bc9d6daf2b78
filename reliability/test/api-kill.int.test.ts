import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { byProfile } from '../src/env'
import { call, type Answer } from '../src/http'
import { writeSection } from '../src/report'
import { scanIsClean, scanTopology } from '../src/scan'
import {
  CD,
  chunks,
  createPartner,
  seedPreregistrations,
  signIn,
  uuidArray,
  type BatchAnswer,
} from '../src/seed'
import { startTopology, type Topology } from '../src/topology'
import { randomInt, waitFor } from '../src/wait'

const KILLS = byProfile({ fast: 1, full: 20 })
const BATCHES_PER_KILL = 8
const BATCH = 100

let topology: Topology
const secrets = new Set<string>()

beforeAll(async () => {
  topology = await startTopology('api-kill')
})
afterAll(async () => {
  await topology?.stop()
})

interface BatchCheck {
  ids: string[]
  key: string
  answer: Answer<BatchAnswer> | null
}

/** What the database holds for one requested batch. */
async function committedState(ids: readonly string[]) {
  const sql = topology.sql
  const invitations = await sql<{ id: string; batchId: string }[]>`
    select id, batch_id as "batchId" from invitations
    where preregistration_id = any(${uuidArray(ids)}::uuid[])`
  const invitationIds = invitations.map((i) => i.id)
  const batchIds = [...new Set(invitations.map((i) => i.batchId))]
  const [outbox] = await sql<{ n: number }[]>`
    select count(*)::int as n from outbox where aggregate_id = any(${uuidArray(invitationIds)}::uuid[])`
  const [queuedAudit] = await sql<{ n: number }[]>`
    select count(*)::int as n from audit_events
    where action = 'invitation.queued' and entity_id = any(${uuidArray(invitationIds)}::uuid[])`
  const [batchAudit] = await sql<{ n: number }[]>`
    select count(*)::int as n from audit_events
    where action = 'invitation_batch.submitted' and entity_id = any(${uuidArray(batchIds)}::uuid[])`
  const [batchRows] = await sql<{ n: number }[]>`
    select count(*)::int as n from invitation_batches where id = any(${uuidArray(batchIds)}::uuid[])`
  return {
    invitations: invitations.length,
    batches: batchIds.length,
    batchRows: batchRows?.n ?? 0,
    outbox: outbox?.n ?? 0,
    queuedAudit: queuedAudit?.n ?? 0,
    batchAudit: batchAudit?.n ?? 0,
  }
}

function isComplete(s: Awaited<ReturnType<typeof committedState>>, n: number) {
  return (
    s.invitations === n &&
    s.batches === 1 &&
    s.batchRows === 1 &&
    s.outbox === n &&
    s.queuedAudit === n &&
    s.batchAudit === 1
  )
}

function isAbsent(s: Awaited<ReturnType<typeof committedState>>) {
  return s.invitations === 0 && s.batchRows === 0 && s.outbox === 0 && s.queuedAudit === 0
}

describe('SIGKILL of an API process during batch invitation requests', () => {
  it('leaves every batch fully committed or absent, and a retry with the same key commits it once', async () => {
    const partner = await createPartner(topology.apis[0]?.base ?? '')
    const admin = partner.users[0]
    if (!admin) throw new Error('no admin')
    const totals = {
      kills: 0,
      requests: 0,
      answered202: 0,
      interrupted: 0,
      interruptedCommitted: 0,
      interruptedAbsent: 0,
      partial: 0,
      retriedExactlyOnce: 0,
      otherStatuses: {} as Record<string, number>,
    }
    for (let kill = 1; kill <= KILLS; kill++) {
      const victim = topology.apis[kill % 2]
      const survivor = topology.apis[(kill + 1) % 2]
      if (!victim || !survivor) throw new Error('no api')
      const token = await signIn(survivor.base, admin.email, partner.password)
      secrets.add(token)
      const ids = await seedPreregistrations(topology.sql, {
        partnerId: partner.partnerId,
        userId: admin.id,
        count: BATCHES_PER_KILL * BATCH,
        tag: `a${kill}`,
      })
      const checks: BatchCheck[] = chunks(ids, BATCH).map((batch) => ({
        ids: batch,
        key: randomUUID(),
        answer: null,
      }))
      let next = 0
      const send = async () => {
        while (next < checks.length) {
          const check = checks[next++]
          if (!check) return
          check.answer = await call<BatchAnswer>(victim.base, 'POST', `${CD}/invitations`, {
            token,
            headers: { 'idempotency-key': check.key },
            body: { preregistrationIds: check.ids, associationType: 'reseller' },
          })
          if (check.answer.status === 0) return
        }
      }
      const senders = [send(), send(), send()]
      // A random point: after 0 to 4 answered requests, plus up to 30 ms.
      const answeredBeforeKill = randomInt(0, 4)
      await waitFor(
        'the kill point',
        () => checks.filter((c) => c.answer).length >= answeredBeforeKill
      )
      await new Promise((resolve) => setTimeout(resolve, randomInt(0, 30)))
      await victim.kill('SIGKILL')
      totals.kills += 1
      await Promise.all(senders)
      await victim.start()
      for (const check of checks) {
        if (!check.answer) continue
        totals.requests += 1
        const state = await committedState(check.ids)
        if (check.answer.status === 202) {
          totals.answered202 += 1
          if (!isComplete(state, check.ids.length)) totals.partial += 1
          continue
        }
        if (check.answer.status !== 0) {
          const key = String(check.answer.status)
          totals.otherStatuses[key] = (totals.otherStatuses[key] ?? 0) + 1
          continue
        }
        totals.interrupted += 1
        if (isComplete(state, check.ids.length)) totals.interruptedCommitted += 1
        else if (isAbsent(state)) totals.interruptedAbsent += 1
        else totals.partial += 1
        // The client retries with the same Idempotency-Key on the other process.
        const retry = await call<BatchAnswer>(survivor.base, 'POST', `${CD}/invitations`, {
          token,
          headers: { 'idempotency-key': check.key },
          body: { preregistrationIds: check.ids, associationType: 'reseller' },
        })
        const after = await committedState(check.ids)
        if (retry.status === 202 && isComplete(after, check.ids.length)) {
          totals.retriedExactlyOnce += 1
        }
      }
    }
    writeSection('apiKill', { repetitions: totals.kills, batchSize: BATCH, ...totals })
    expect(totals.kills).toBe(KILLS)
    expect(totals.partial).toBe(0)
    expect(totals.interruptedCommitted + totals.interruptedAbsent).toBe(totals.interrupted)
    expect(totals.retriedExactlyOnce).toBe(totals.interrupted)
    expect(totals.otherStatuses).toEqual({})
  })

  it('leaves no raw token, link or unmasked customer value outside the contact columns', () => {
    const scan = scanTopology(topology, secrets, [])
    writeSection('apiKill', { scan })
    expect(scanIsClean(scan)).toBe(true)
  })
})
