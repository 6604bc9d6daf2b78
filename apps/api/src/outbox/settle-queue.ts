import type { Database } from '@partner-center/db/portable'
import {
  settleInvitationDeliveries,
  type InvitationDeliveryResult,
  type SettledDelivery,
} from './settle-invitation-delivery'

interface Waiting {
  result: InvitationDeliveryResult
  resolve: (settled: SettledDelivery) => void
  reject: (error: unknown) => void
}

/** Settles invitation delivery attempts, grouping the ones that finish close together. */
export interface SettleQueue {
  settle(result: InvitationDeliveryResult): Promise<SettledDelivery>
}

/**
 * Group commit for delivery results: the first result is written at once, and results that
 * finish while that statement runs are written together by the next one. A busy dispatcher
 * so pays one round trip for many emails, an idle one waits for nobody, and each result still
 * commits as soon as the statement before it ends. A failed statement fails every result of its
 * group: their rows stay `SENDING` and their lease brings them back (R54).
 *
 * @example
 * const queue = createSettleQueue(db, clock)
 * await queue.settle({ row, outcome: { kind: 'sent' } })
 */
export function createSettleQueue(db: Database, clock: { now(): Date }): SettleQueue {
  let waiting: Waiting[] = []
  let writing = false

  async function writeWaiting() {
    writing = true
    while (waiting.length > 0) {
      const group = waiting
      waiting = []
      try {
        const byRow = await settleInvitationDeliveries(
          db,
          group.map((entry) => entry.result),
          clock.now()
        )
        for (const entry of group) {
          entry.resolve(byRow.get(entry.result.row.id) ?? { settled: false, transitioned: false })
        }
      } catch (error) {
        for (const entry of group) entry.reject(error)
      }
    }
    writing = false
  }

  return {
    settle: (result) =>
      new Promise<SettledDelivery>((resolve, reject) => {
        waiting.push({ result, resolve, reject })
        if (!writing) void writeWaiting()
      }),
  }
}
