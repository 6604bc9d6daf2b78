import type { Database } from '@partner-center/db/portable'
import { errorLogFields } from '../error-log-fields'
import { createLoopNap, type LoopNap } from '../loop-nap'
import type { AppLogger } from '../logging/app-logger'
import type { Keyring } from '../security/keyring'
import { claimDeliveries, releaseDeliveries, type ClaimedDelivery } from './claim-deliveries'
import {
  makeWebhookAttempt,
  type AttemptContext,
  type MadeAttempt,
} from './deliver-webhook-attempt'
import { fanOutEvents } from './fan-out-events'
import { cacheOpenedSecrets } from './opened-secret-cache'
import { createWebhookClient, type WebhookConnectHook, type WebhookResolver } from './send-webhook'
import { createWebhookSettleQueue } from './settle-webhook-queue'
import type { WebhookDispatchConfig } from './webhook-dispatch-config'
import { createSendLanes } from './webhook-slots'

/** Options of {@link startWebhookLoops}. */
export interface StartWebhookLoopsOptions {
  db: Database
  /** The attempts' and settles' clock: tests move it (rotation window, a day of failures). */
  clock: { now(): Date }
  logger: AppLogger
  /** Opens the endpoints' signing secrets (R128). */
  keyring: Keyring
  config: WebhookDispatchConfig
  /** Jitter source for the retries' backoff (default `Math.random`). */
  random?: () => number
  /** `deps.webhookResolver` (R136): the system's resolver by default. */
  resolver?: WebhookResolver
  /** `deps.webhookConnect` (R136): told of every connection before it opens. */
  connect?: WebhookConnectHook
}

/** The running webhook loops. */
export interface WebhookLoops {
  /** Stops claiming, lets attempts in flight finish and settle, releases claims not sent. */
  stop(): Promise<void>
}

/**
 * Starts the dispatcher's webhook work (R135): one fan-out loop (R127) and `claimLoops` delivery
 * loops (R133) with their own HTTP client, slots, timers and settles, sharing nothing with the
 * email loops. Claiming, sending and settling are decoupled: the loops claim ahead of the sends
 * (at most `4 × sendConcurrency` deliveries claimed and not settled per dispatcher, at most
 * `batchSize × claimLoops` claimed per endpoint: half the window with the defaults), the claimed
 * deliveries wait in their endpoint's queue, at most `sendConcurrency` requests run at once and
 * at most `endpointConcurrency` per endpoint in this dispatcher, a request's slot frees when its
 * response ends, and the attempts settle in groups meanwhile. A loop never waits for a slow
 * receiver.
 *
 * @example
 * const webhooks = startWebhookLoops({ db, clock, logger, keyring, config })
 * await webhooks.stop()
 */
export function startWebhookLoops(options: StartWebhookLoopsOptions): WebhookLoops {
  const { db, clock, config } = options
  const logger = options.logger.child({ component: 'webhooks' })
  const random = options.random ?? Math.random
  const client = createWebhookClient({
    timeoutSeconds: config.timeoutSeconds,
    excerptBytes: config.excerptBytes,
    policy: config.addressPolicy,
    resolver: options.resolver,
    connect: options.connect,
  })
  const ctx: AttemptContext = { keyring: cacheOpenedSecrets(options.keyring), client, clock }
  const limits = {
    WEBHOOK_RETRY_WINDOW_HOURS: config.retryWindowHours,
    WEBHOOK_BACKOFF_BASE_SECONDS: config.backoffBaseSeconds,
    WEBHOOK_BACKOFF_CAP_SECONDS: config.backoffCapSeconds,
    WEBHOOK_DISABLE_AFTER_HOURS: config.disableAfterHours,
  }
  const settleQueue = createWebhookSettleQueue(db, { clock, random, limits })
  // Claimed and not yet settled or released, per dispatcher: what the claims may run ahead of the
  // sends, so that settles in groups and claims never leave a free slot idle.
  const claimWindow = 4 * config.sendConcurrency
  // Claimed deliveries of one endpoint at most (in the database, across dispatchers): a full
  // claim of each loop. Behind a receiver that hangs for the whole timeout the last of them would
  // start after their lease; those are handed back unsent instead (see `send`).
  const endpointClaimLimit = config.batchSize * config.claimLoops
  // A request may run for the whole timeout and its settle must find the claim still holding.
  const leaseNeededMs = Math.min(config.timeoutSeconds * 1000, (config.leaseSeconds * 1000) / 2)
  const lanes = createSendLanes<ClaimedDelivery>({
    sendConcurrency: config.sendConcurrency,
    endpointConcurrency: config.endpointConcurrency,
    send,
  })
  // The delivery loops' naps: a fan-out or a freed claim wakes them. The fan-out loop's own nap
  // is woken only by a stop: between its polls it has nothing new to look at.
  const claimNaps: LoopNap[] = []
  const fanOutNap = createLoopNap()
  // A freed claim of an endpoint wakes the delivery loops only once fewer than a claim's worth of
  // its deliveries wait here: behind a fast receiver a claim after each settle would take one
  // row at a time (a transaction per delivery); an endpoint whose queue is long (a slow
  // receiver) keeps no other endpoint waiting for its claims.
  const lowWater = config.batchSize
  const settling = new Set<Promise<void>>()
  let held = 0
  let reserved = 0
  let stopping = false

  function track(work: Promise<void>) {
    settling.add(work)
    void work.finally(() => settling.delete(work))
  }

  function letGo(deliveries: readonly ClaimedDelivery[]) {
    held -= deliveries.length
    const runningLow = deliveries.some(({ endpointId }) => lanes.waitingFor(endpointId) < lowWater)
    if (runningLow) for (const nap of claimNaps) nap.wake()
  }

  /** Makes the attempt; resolves when its response ended, leaving the settle running. */
  async function send(delivery: ClaimedDelivery) {
    if (delivery.lockedUntil.getTime() - clock.now().getTime() < leaseNeededMs) {
      // Waited too long behind its endpoint: handed back rather than sent under a lapsing lease.
      track(release([delivery]))
      return
    }
    let made: MadeAttempt
    try {
      made = await makeWebhookAttempt(ctx, delivery)
    } catch (error) {
      // Not sent: the lease brings the delivery back (R133).
      logger.error({ deliveryId: delivery.id, err: errorLogFields(error) }, 'left to lease')
      letGo([delivery])
      return
    }
    track(settle(delivery, made))
  }

  async function settle(delivery: ClaimedDelivery, made: MadeAttempt) {
    try {
      const stillHeld = await settleQueue.settle(delivery, made)
      if (!stillHeld) logger.info({ deliveryId: delivery.id }, 'claim lost before its settle')
    } catch (error) {
      // Not settled: the lease brings the delivery back (R133).
      logger.error({ deliveryId: delivery.id, err: errorLogFields(error) }, 'left to lease')
    } finally {
      letGo([delivery])
    }
  }

  async function release(deliveries: ClaimedDelivery[]) {
    try {
      const released = await releaseDeliveries(db, deliveries)
      if (released > 0) logger.info({ released }, 'released claimed deliveries not sent')
    } catch (error) {
      logger.error({ err: errorLogFields(error) }, 'release failed; left to lease')
    } finally {
      letGo(deliveries)
    }
  }

  async function fanOutLoop() {
    while (!stopping) {
      let fannedOut = 0
      try {
        fannedOut = await fanOutEvents(db, { now: clock.now(), limit: config.fanOutBatchSize })
        // New deliveries are due now: the delivery loops need not wait out their poll interval.
        if (fannedOut > 0) for (const nap of claimNaps) nap.wake()
      } catch (error) {
        logger.error({ err: errorLogFields(error) }, 'webhook fan-out failed')
      }
      if (fannedOut < config.fanOutBatchSize && !stopping) {
        await fanOutNap.sleep(config.pollIntervalMs)
      }
    }
  }

  // This dispatcher's claims take turns, so each counts its endpoints after the previous one
  // committed; those of other dispatchers run side by side (SKIP LOCKED keeps them apart).
  let claimTurn: Promise<unknown> = Promise.resolve()

  function claimInTurn(limit: number): Promise<ClaimedDelivery[]> {
    const claiming = claimTurn.then(() =>
      claimDeliveries(db, {
        now: clock.now(),
        leaseSeconds: config.leaseSeconds,
        limit,
        endpointClaimLimit,
      }).catch((error: unknown) => {
        logger.error({ err: errorLogFields(error) }, 'webhook claim failed')
        return []
      })
    )
    claimTurn = claiming
    return claiming
  }

  async function deliveryLoop() {
    const nap = createLoopNap()
    claimNaps.push(nap)
    while (!stopping) {
      const wanted = Math.min(config.batchSize, claimWindow - held - reserved)
      if (wanted <= 0) {
        await nap.sleep(config.pollIntervalMs)
        continue
      }
      reserved += wanted
      const claimed = await claimInTurn(wanted)
      reserved -= wanted
      held += claimed.length
      if (stopping) track(release(claimed))
      else lanes.enqueue(claimed)
      if (claimed.length < wanted && !stopping) await nap.sleep(config.pollIntervalMs)
    }
  }

  const loops = [fanOutLoop(), ...Array.from({ length: config.claimLoops }, () => deliveryLoop())]
  logger.info(
    {
      claimLoops: config.claimLoops,
      sendConcurrency: config.sendConcurrency,
      endpointConcurrency: config.endpointConcurrency,
      claimWindow,
      endpointClaimLimit,
      addressPolicy: config.addressPolicy,
    },
    'webhook loops started'
  )

  return {
    async stop() {
      if (stopping) return
      stopping = true
      // From here no request starts: the claimed ones not sent are handed back at once (and a
      // claim that commits meanwhile hands back its rows); requests in flight end by their
      // timeout at the latest (R131), then settle.
      track(release(lanes.drain()))
      for (const nap of [fanOutNap, ...claimNaps]) nap.wake()
      await Promise.all(loops)
      await lanes.idle()
      while (settling.size > 0) await Promise.all([...settling])
      await client.close()
      logger.info({}, 'webhook loops stopped')
    },
  }
}
