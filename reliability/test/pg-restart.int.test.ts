import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { byProfile } from '../src/env'
import { call, codeOf, type Answer } from '../src/http'
import { invitationRows } from '../src/invite'
import { writeSection } from '../src/report'
import { scanIsClean, scanTopology } from '../src/scan'
import { CD, createPartner, seedPreregistrations, signIn, type BatchAnswer } from '../src/seed'
import { startTopology, type Topology } from '../src/topology'
import { randomInt, waitFor } from '../src/wait'

const RESTARTS = byProfile({ fast: 1, full: 20 })
const WORKERS = 4
const IDS_PER_INVITE = 5

let topology: Topology
const secrets = new Set<string>()
const errorBodies: string[] = []

beforeAll(async () => {
  topology = await startTopology('pg-restart')
})
afterAll(async () => {
  await topology?.cluster.startServer()
  await topology?.stop()
})

interface Sample {
  at: number
  kind: 'list' | 'invite'
  answer: Answer
}

describe('PostgreSQL restarted under load', () => {
  it('answers 503 SYSTEM_BUSY while it is down, recovers without a restart and loses no committed invitation', async () => {
    const bases = topology.apis.map((a) => a.base)
    const partner = await createPartner(bases[0] ?? '')
    const admin = partner.users[0]
    if (!admin) throw new Error('no admin')
    const token = await signIn(bases[0] ?? '', admin.email, partner.password)
    secrets.add(token)
    const pool = await seedPreregistrations(topology.sql, {
      partnerId: partner.partnerId,
      userId: admin.id,
      count: RESTARTS * 400 + 400,
      tag: 'pg',
    })
    const samples: Sample[] = []
    let stopping = false
    const worker = async (n: number) => {
      let turn = 0
      while (!stopping) {
        const base = bases[(n + turn++) % bases.length] ?? ''
        const at = Date.now()
        if (turn % 2 === 0) {
          const answer = await call(base, 'GET', `${CD}/preregistrations?pageSize=20`, { token })
          samples.push({ at, kind: 'list', answer })
        } else {
          const ids = pool.splice(0, IDS_PER_INVITE)
          if (ids.length === 0) continue
          const answer = await call<BatchAnswer>(base, 'POST', `${CD}/invitations`, {
            token,
            body: { preregistrationIds: ids, associationType: 'reseller' },
          })
          samples.push({ at, kind: 'invite', answer })
        }
      }
    }
    const workers = Array.from({ length: WORKERS }, (_, n) => worker(n))
    const windows: { downAt: number; upAt: number; recoveredAt: number; busyAnswers: number }[] = []
    try {
      for (let restart = 1; restart <= RESTARTS; restart++) {
        const okBefore = samples.filter((s) => s.answer.status < 500).length
        const waitOk = randomInt(5, 40)
        await waitFor('load before the restart', () => {
          return samples.filter((s) => s.answer.status < 500).length >= okBefore + waitOk
        })
        const downAt = Date.now()
        expect(await topology.cluster.stopServer('fast')).toBe(true)
        await waitFor(
          'a 503 from each API while PostgreSQL is down',
          () =>
            bases.every((base) =>
              samples.some(
                (s) => s.at >= downAt && s.answer.status === 503 && s.answer.text && base
              )
            ) && samples.filter((s) => s.at >= downAt && s.answer.status === 503).length >= 4,
          { timeoutMs: 15_000, intervalMs: 20 }
        )
        expect(await topology.cluster.startServer()).toBe(true)
        const upAt = Date.now()
        await waitFor(
          'both APIs answering again',
          () =>
            samples.filter((s) => s.at >= upAt && s.answer.status < 400).length >= bases.length * 2,
          { timeoutMs: 30_000, intervalMs: 20 }
        )
        const firstOk = samples.find((s) => s.at >= upAt && s.answer.status < 400)
        windows.push({
          downAt,
          upAt,
          recoveredAt: firstOk?.at ?? upAt,
          busyAnswers: samples.filter(
            (s) => s.at >= downAt && s.at < upAt && s.answer.status === 503
          ).length,
        })
      }
    } finally {
      stopping = true
      await Promise.all(workers)
    }
    // Every 202 answer's invitations exist afterwards.
    const committed = samples
      .filter((s) => s.kind === 'invite' && s.answer.status === 202)
      .flatMap((s) =>
        (s.answer.body as BatchAnswer).results
          .filter((r) => r.outcome === 'QUEUED')
          .map((r) => r.invitationId ?? '')
      )
    const found = await invitationRows(topology.sql, committed)
    await waitFor(
      'the dispatchers to send every committed invitation',
      async () => (await invitationRows(topology.sql, committed)).every((r) => r.status === 'SENT'),
      { timeoutMs: 90_000, intervalMs: 250 }
    )
    const failures = samples.filter((s) => s.answer.status >= 500)
    for (const s of failures) errorBodies.push(s.answer.text)
    const statuses: Record<string, number> = {}
    for (const s of samples) {
      const key =
        s.answer.status === 0
          ? `network:${s.answer.networkError}`
          : `${s.answer.status}${codeOf(s.answer) ? ` ${codeOf(s.answer)}` : ''}`
      statuses[key] = (statuses[key] ?? 0) + 1
    }
    const recoveries = windows.map((w) => w.recoveredAt - w.upAt)
    const figures = {
      repetitions: windows.length,
      requests: samples.length,
      statuses,
      busyAnswers503: failures.filter((s) => codeOf(s.answer) === 'SYSTEM_BUSY').length,
      otherServerErrors: failures.filter((s) => codeOf(s.answer) !== 'SYSTEM_BUSY').length,
      networkErrors: samples.filter((s) => s.answer.status === 0).length,
      downMs: windows.map((w) => w.upAt - w.downAt),
      recoveryMsAfterStart: recoveries,
      committedInvitations: committed.length,
      committedFound: found.length,
      lostCommitted: committed.length - found.length,
      processStarts: Object.fromEntries(topology.all().map((p) => [p.name, p.starts])),
      processesAlive: topology.all().every((p) => p.alive()),
    }
    writeSection('pgRestart', figures)
    expect(windows).toHaveLength(RESTARTS)
    expect(figures.otherServerErrors).toBe(0)
    expect(figures.networkErrors).toBe(0)
    expect(figures.busyAnswers503).toBeGreaterThan(0)
    expect(figures.lostCommitted).toBe(0)
    expect(figures.processesAlive).toBe(true)
    expect(topology.all().every((p) => p.starts === 1)).toBe(true)
  })

  it('leaves no raw token, link or unmasked customer value in the dump, the logs or the error bodies', () => {
    const scan = scanTopology(topology, secrets, errorBodies)
    writeSection('pgRestart', { scan })
    expect(scanIsClean(scan)).toBe(true)
  })
})
