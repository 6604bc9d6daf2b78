import type { Database } from '@partner-center/db/portable'
import type { WebhookSettleLimits } from '@partner-center/domain'
import type { ClaimedDelivery } from './claim-deliveries'
import type { MadeAttempt } from './deliver-webhook-attempt'
import { settleDeliveredGroup } from './settle-delivered-group'
import { settleWebhookGroup, type AttemptToSettle } from './settle-webhook-group'

/** Most attempts one settle group takes. */
const MAX_GROUP = 100

/**
 * How long the first finished attempt waits for others before its group settles: behind a
 * receiver that answers in a few milliseconds, each settle would otherwise take one attempt (a
 * transaction per delivery, most of the database's work). Slots do not wait for settles.
 */
const GATHER_MS = 5

interface Waiting extends AttemptToSettle {
  resolve(held: boolean): void
  reject(error: unknown): void
}

/** The webhook loops' settle queue; the email loops have their own (R135). */
export interface WebhookSettleQueue {
  /** Resolves once the attempt's group committed: whether its claim still held the delivery. */
  settle(claimed: ClaimedDelivery, made: MadeAttempt): Promise<boolean>
}

/**
 * Groups the attempts that finish within `GATHER_MS` of each other or while a settle runs into
 * one settle, one group at a time: under load every commit settles many attempts, and this
 * dispatcher's settles never queue on an endpoint's row lock behind each other. A group's
 * failures settle in one transaction (settle-webhook-group.ts), its 2xx in one statement
 * (settle-delivered-group.ts). A write that fails rejects every attempt of it; their deliveries
 * are left to their leases (R133).
 *
 * @example
 * const queue = createWebhookSettleQueue(db, { clock, random: Math.random, limits })
 * const held = await queue.settle(claimed, made)
 */
export function createWebhookSettleQueue(
  db: Database,
  options: { clock: { now(): Date }; random: () => number; limits: WebhookSettleLimits }
): WebhookSettleQueue {
  const waiting: Waiting[] = []
  let flushing = false

  async function settleEach(
    items: readonly Waiting[],
    write: (items: readonly Waiting[]) => Promise<boolean[]>
  ) {
    if (items.length === 0) return
    try {
      const held = await write(items)
      items.forEach((item, index) => item.resolve(held[index] === true))
    } catch (error) {
      for (const item of items) item.reject(error)
    }
  }

  async function flush() {
    while (waiting.length > 0) {
      const group = waiting.splice(0, MAX_GROUP)
      const now = options.clock.now()
      // Failures first, in a transaction that reads the rows they decide on; then the 2xx in one
      // statement (they decide on nothing), so an endpoint a group both failed and delivered to
      // ends not failing.
      await settleEach(
        group.filter((item) => !item.made.result.delivered),
        (failed) =>
          settleWebhookGroup(db, failed, { now, random: options.random, limits: options.limits })
      )
      await settleEach(
        group.filter((item) => item.made.result.delivered),
        (delivered) => settleDeliveredGroup(db, delivered, { now })
      )
    }
    flushing = false
  }

  return {
    settle(claimed, made) {
      return new Promise<boolean>((resolve, reject) => {
        waiting.push({ claimed, made, resolve, reject })
        if (flushing) return
        flushing = true
        setTimeout(() => void flush(), GATHER_MS)
      })
    },
  }
}
