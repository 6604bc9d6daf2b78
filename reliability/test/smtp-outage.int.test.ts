import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { byProfile } from '../src/env'
import { countBy } from '../src/http'
import { historyById } from '../src/history'
import { invitationRows, inviteAll, queuedIds } from '../src/invite'
import { writeSection } from '../src/report'
import { scanIsClean, scanTopology } from '../src/scan'
import { createPartner, seedPreregistrations, signIn } from '../src/seed'
import { startTopology, type Topology } from '../src/topology'
import { waitFor } from '../src/wait'

// Full run: twenty outages of 30 s each (the figure and count); fast: one of 2 s.
const OUTAGES_MS = byProfile({
  fast: [2_000],
  full: Array.from({ length: 20 }, () => 30_000),
})
const MESSAGES = 50

let topology: Topology
const secrets = new Set<string>()

beforeAll(async () => {
  topology = await startTopology('smtp-outage')
})
afterAll(async () => {
  topology?.sink.setRefusing(false)
  await topology?.stop()
})

describe('the SMTP sink down', () => {
  it('delivers every message once the sink returns, with History showing the right statuses', async () => {
    const bases = topology.apis.map((a) => a.base)
    const partner = await createPartner(bases[0] ?? '')
    const admin = partner.users[0]
    if (!admin) throw new Error('no admin')
    const token = await signIn(bases[1] ?? '', admin.email, partner.password)
    secrets.add(token)
    const outages: Record<string, unknown>[] = []
    for (const [index, outageMs] of OUTAGES_MS.entries()) {
      const ids = await seedPreregistrations(topology.sql, {
        partnerId: partner.partnerId,
        userId: admin.id,
        count: MESSAGES,
        tag: `s${index}`,
      })
      const refusedBefore = topology.sink.refused
      topology.sink.setRefusing(true)
      const downAt = Date.now()
      const invitationIds = queuedIds(await inviteAll(bases, token, ids))
      expect(invitationIds).toHaveLength(MESSAGES)
      await waitFor(
        'the outage to last its time with refused attempts',
        () => Date.now() - downAt >= outageMs && topology.sink.refused > refusedBefore,
        { timeoutMs: outageMs + 30_000, intervalMs: 100 }
      )
      const duringOutage = await historyById(bases[0] ?? '', token)
      const statusesDuring = invitationIds.map((id) => duringOutage.get(id)?.status ?? 'MISSING')
      topology.sink.setRefusing(false)
      const upAt = Date.now()
      const messageIds = (await invitationRows(topology.sql, invitationIds)).map((r) => r.messageId)
      await waitFor(
        'every message delivered after the outage',
        () => messageIds.every((id) => topology.sink.copies(id) > 0),
        { timeoutMs: 60_000, intervalMs: 50 }
      )
      const deliveredAfterMs = Date.now() - upAt
      await waitFor(
        'History showing SENT',
        async () => {
          const history = await historyById(bases[1] ?? '', token)
          return invitationIds.every((id) => history.get(id)?.status === 'SENT')
        },
        { timeoutMs: 30_000, intervalMs: 200 }
      )
      const after = await historyById(bases[1] ?? '', token)
      const rows = invitationIds.map((id) => after.get(id))
      outages.push({
        outageMs,
        refusedAttempts: topology.sink.refused - refusedBefore,
        statusesDuring: countBy(statusesDuring),
        statusesAfter: countBy(rows.map((r) => r?.status ?? 'MISSING')),
        maxAttemptCount: Math.max(...rows.map((r) => r?.attemptCount ?? 0)),
        allSentAtSet: rows.every((r) => r?.sentAt),
        lastDeliveredMsAfterReturn: deliveredAfterMs,
        lost: messageIds.filter((id) => topology.sink.copies(id) === 0).length,
      })
    }
    writeSection('smtpOutage', {
      repetitions: outages.length,
      outagesOf30s: OUTAGES_MS.filter((ms) => ms >= 30_000).length,
      messagesPerOutage: MESSAGES,
      lost: outages.reduce((s, o) => s + (o.lost as number), 0),
      maxDeliveredMsAfterReturn: Math.max(
        ...outages.map((o) => o.lastDeliveredMsAfterReturn as number)
      ),
      outages,
    })
    for (const o of outages) {
      expect(o.lost).toBe(0)
      expect(o.allSentAtSet).toBe(true)
      expect(
        Object.keys(o.statusesDuring as object).every((s) => s === 'QUEUED' || s === 'SEND_FAILED')
      ).toBe(true)
      expect(o.statusesAfter).toEqual({ SENT: MESSAGES })
    }
  })

  it('leaves no raw token, link or unmasked customer value outside the contact columns', () => {
    const scan = scanTopology(topology, secrets, [])
    writeSection('smtpOutage', { scan })
    expect(scanIsClean(scan)).toBe(true)
  })
})
