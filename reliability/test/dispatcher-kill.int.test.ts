import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { byProfile } from '../src/env'
import { invitationRows, inviteAll, queuedIds } from '../src/invite'
import { writeSection } from '../src/report'
import { scanIsClean, scanTopology } from '../src/scan'
import { createPartner, seedPreregistrations, signIn } from '../src/seed'
import { IN_FLIGHT_WINDOW, startTopology, type Topology } from '../src/topology'
import { randomInt, waitFor } from '../src/wait'

const ROUNDS = byProfile({ fast: 1, full: 20 })
const MESSAGES = 1_000

let topology: Topology
const secrets = new Set<string>()

beforeAll(async () => {
  topology = await startTopology('dispatcher-kill')
})
afterAll(async () => {
  await topology?.stop()
})

interface Round {
  round: number
  victim: string
  receivedAtKill: number
  lost: number
  duplicates: number
  bound: number
  ms: number
}

describe('SIGKILL of a dispatcher during a 1,000-message run', () => {
  const rounds: Round[] = []

  it('delivers every invitation after each kill, with duplicates within the in-flight window', async () => {
    const bases = topology.apis.map((a) => a.base)
    for (let round = 1; round <= ROUNDS; round++) {
      const started = Date.now()
      const partner = await createPartner(bases[0] ?? '')
      const admin = partner.users[0]
      if (!admin) throw new Error('no admin')
      const token = await signIn(bases[round % 2] ?? '', admin.email, partner.password)
      secrets.add(token)
      const ids = await seedPreregistrations(topology.sql, {
        partnerId: partner.partnerId,
        userId: admin.id,
        count: MESSAGES,
        tag: `k${round}`,
      })
      const killAfter = randomInt(20, MESSAGES - 100)
      const answers = await inviteAll(bases, token, ids)
      expect(answers.every((a) => a.status === 202)).toBe(true)
      const invitationIds = queuedIds(answers)
      expect(invitationIds).toHaveLength(MESSAGES)
      const rows = await invitationRows(topology.sql, invitationIds)
      const messageIds = rows.map((r) => r.messageId)
      const received = () => messageIds.filter((id) => topology.sink.copies(id) > 0).length
      await waitFor('the kill point', () => received() >= killAfter || received() === MESSAGES, {
        timeoutMs: 60_000,
        intervalMs: 5,
      })
      const victim = topology.dispatchers[round % 2]
      if (!victim) throw new Error('no dispatcher')
      const receivedAtKill = received()
      await victim.kill('SIGKILL')
      await victim.start()
      await waitFor(
        'every invitation of the round SENT',
        async () => {
          const now = await invitationRows(topology.sql, invitationIds)
          return now.every((r) => r.status === 'SENT') && received() === MESSAGES
        },
        { timeoutMs: 90_000, intervalMs: 200 }
      )
      const duplicates = messageIds.reduce(
        (sum, id) => sum + Math.max(0, topology.sink.copies(id) - 1),
        0
      )
      rounds.push({
        round,
        victim: victim.name,
        receivedAtKill,
        lost: MESSAGES - received(),
        duplicates,
        bound: IN_FLIGHT_WINDOW,
        ms: Date.now() - started,
      })
    }
    const lost = rounds.reduce((s, r) => s + r.lost, 0)
    const duplicates = rounds.reduce((s, r) => s + r.duplicates, 0)
    writeSection('dispatcherKill', {
      repetitions: rounds.length,
      messagesPerRun: MESSAGES,
      invitations: rounds.length * MESSAGES,
      lost,
      duplicates,
      maxDuplicatesInOneRun: Math.max(...rounds.map((r) => r.duplicates)),
      boundPerKill: IN_FLIGHT_WINDOW,
      killedAtReceived: rounds.map((r) => r.receivedAtKill),
      dispatcherExits: Object.fromEntries(topology.dispatchers.map((d) => [d.name, d.exits])),
      rounds,
    })
    expect(rounds).toHaveLength(ROUNDS)
    expect(lost).toBe(0)
    for (const r of rounds) expect(r.duplicates).toBeLessThanOrEqual(r.bound)
  })

  it('leaves no raw token, link or unmasked customer value outside the contact columns', () => {
    const scan = scanTopology(topology, secrets, [])
    writeSection('dispatcherKill', { scan })
    expect(scan.secretsLookedFor).toBeGreaterThan(0)
    expect(scanIsClean(scan)).toBe(true)
  })
})
