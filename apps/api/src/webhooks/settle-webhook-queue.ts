import type { Database } from '@partner-center/db/portable'
import type { WebhookSettleLimits } from '@partner-center/domain'
import type { ClaimedDelivery } from './claim-deliveries'
import type { MadeAttempt } from './deliver-webhook-attempt'
import { settleWebhookGroup, type AttemptToSettle } from './settle-webhook-group'

/** Most attempts one settle transaction takes. */
const MAX_GROUP = 50

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
 * Groups the attempts that finish while a settle runs into the next settle transaction, one
 * group at a time: under load every commit settles many attempts, and this dispatcher's settles
 * never queue on an endpoint's row lock behind each other. A group whose transaction fails
 * rejects every attempt of it; their deliveries are left to their leases (R133).
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

  async function flush() {
    flushing = true
    while (waiting.length > 0) {
      const group = waiting.splice(0, MAX_GROUP)
      try {
        const held = await settleWebhookGroup(db, group, {
          now: options.clock.now(),
          random: options.random,
          limits: options.limits,
        })
        group.forEach((item, index) => item.resolve(held[index] === true))
      } catch (error) {
        for (const item of group) item.reject(error)
      }
    }
    flushing = false
  }

  return {
    settle(claimed, made) {
      return new Promise<boolean>((resolve, reject) => {
        waiting.push({ claimed, made, resolve, reject })
        if (!flushing) void flush()
      })
    },
  }
}
