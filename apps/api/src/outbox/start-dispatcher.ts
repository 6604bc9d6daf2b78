import type { Database } from '@partner-center/db/portable'
import type { AppLogger } from '../logging/app-logger'
import { errorLogFields } from '../error-log-fields'
import { claimOutboxRows, releaseOutboxRows, type ClaimedRow } from './claim-outbox-rows'
import type { MailTransport } from './create-smtp-transport'
import type { DeliveryContext } from './delivery-context'
import { deliverOutboxRow } from './deliver-outbox-row'
import { issueInvitationTokens } from './issue-invitation-tokens'
import { issueReminderTokens } from './issue-reminder-tokens'
import { createSettleQueue } from './settle-queue'
import type { DispatcherConfig } from './dispatcher-config'
import { createEmailRenderers } from './email-renderers'
import type { Keyring } from '../security/keyring'
import { sweepExpiredRecords } from './sweep-expired-records'
import type { WebhookConnectHook, WebhookResolver } from '../webhooks/send-webhook'
import { startWebhookLoops } from '../webhooks/webhook-loops'
import { createLoopNap, type LoopNap } from '../loop-nap'

/** Options of {@link startDispatcher}. */
export interface StartDispatcherOptions {
  db: Database
  clock: { now(): Date }
  logger: AppLogger
  /** One pooled transport for the process; the caller closes it after `stop()`. */
  transport: MailTransport
  config: DispatcherConfig
  /** Jitter source for backoff (default `Math.random`). */
  random?: () => number
  /** The data keyring (`DATA_ENCRYPTION_KEY`): email codes are stored as its HMAC (R102). */
  keyring?: Keyring
  /** `deps.webhookResolver` (R136): stubbed by tests; the system's resolver by default. */
  webhookResolver?: WebhookResolver
  /** `deps.webhookConnect` (R136): told of every webhook connection before it opens. */
  webhookConnect?: WebhookConnectHook
}

/** A running dispatcher. */
export interface Dispatcher {
  /** Stops claiming, finishes in-flight sends, releases rows claimed but not started. */
  stop(): Promise<void>
}

/** A counting semaphore: at most `size` deliveries at once across the claim loops. */
function createLimiter(size: number) {
  let free = size
  const waiting: (() => void)[] = []
  return {
    acquire: () =>
      free > 0 ? ((free -= 1), Promise.resolve()) : new Promise<void>((r) => waiting.push(r)),
    release: () => {
      const next = waiting.shift()
      if (next) next()
      else free += 1
    },
  }
}

/**
 * Starts the outbox dispatcher (architecture.md §7) and the expiry sweeper (R80): `claimLoops`
 * loops each claim a batch and deliver its rows, at most `sendConcurrency` at once, through the
 * one transport; idle loops poll every `pollIntervalMs`. Safe with several dispatchers on one
 * database (`SKIP LOCKED` claims, conditional settles). Runs in the API process or its own.
 *
 * @example
 * const dispatcher = startDispatcher({ db, clock, logger, transport, config })
 * process.on('SIGTERM', () => void dispatcher.stop().then(() => transport.close()))
 */
export function startDispatcher(options: StartDispatcherOptions): Dispatcher {
  const { db, clock, config } = options
  const logger = options.logger.child({ component: 'dispatcher' })
  const ctx: DeliveryContext = {
    db,
    clock,
    logger,
    transport: options.transport,
    config,
    renderers: createEmailRenderers({ origin: config.publicBaseUrl, appEnv: config.appEnv }),
    random: options.random ?? Math.random,
    keyring: options.keyring,
  }
  const limiter = createLimiter(config.sendConcurrency)
  const settleQueue = createSettleQueue(db, clock)
  const naps: LoopNap[] = []
  let stopping = false

  /**
   * Commits the tokens of the claim's invitation rows in one statement. On a database error
   * those rows are left to their lease (another claim retries them) and the rest go on.
   */
  async function issueClaimTokens(rows: readonly ClaimedRow[]) {
    const invitationIds = rows
      .filter((r) => r.kind === 'INVITATION_EMAIL')
      .map((r) => r.aggregateId)
    try {
      const issued = await issueInvitationTokens(db, {
        invitationIds,
        now: clock.now(),
        ttlDays: config.invitationTtlDays,
      })
      return { issued, deliverable: rows }
    } catch (error) {
      logger.error({ err: errorLogFields(error) }, 'token issue failed; rows left to lease')
      return { issued: new Map(), deliverable: rows.filter((r) => r.kind !== 'INVITATION_EMAIL') }
    }
  }

  /** The same for the claim's reminder rows (R117): their tokens, committed before SMTP. */
  async function issueClaimReminders(rows: readonly ClaimedRow[]) {
    const invitationIds = rows
      .filter((r) => r.kind === 'INVITATION_REMINDER')
      .map((r) => r.aggregateId)
    try {
      const reminders = await issueReminderTokens(db, { invitationIds, now: clock.now() })
      return { reminders, deliverable: rows }
    } catch (error) {
      logger.error(
        { err: errorLogFields(error) },
        'reminder token issue failed; rows left to lease'
      )
      return {
        reminders: new Map(),
        deliverable: rows.filter((r) => r.kind !== 'INVITATION_REMINDER'),
      }
    }
  }

  async function deliverBatch(rows: readonly ClaimedRow[]) {
    const notStarted: ClaimedRow[] = []
    const claimed = await issueClaimTokens(rows)
    const { reminders, deliverable } = await issueClaimReminders(claimed.deliverable)
    const issued = claimed.issued
    await Promise.all(
      deliverable.map(async (row) => {
        await limiter.acquire()
        // The slot is for SMTP work: it is handed on as soon as SMTP is done with the row, so
        // the next email goes out while this one is settled. The claim loop still waits for
        // the settle, which keeps the in-flight window at batchSize × claimLoops.
        let slotHeld = true
        const freeSlot = () => {
          if (slotHeld) limiter.release()
          slotHeld = false
        }
        try {
          if (stopping) notStarted.push(row)
          else {
            await deliverOutboxRow(ctx, row, {
              issued,
              reminders,
              settleQueue,
              onSmtpDone: freeSlot,
            })
          }
        } catch (error) {
          logger.error({ outboxId: row.id, err: errorLogFields(error) }, 'outbox row left to lease')
        } finally {
          freeSlot()
        }
      })
    )
    if (notStarted.length > 0) {
      try {
        const released = await releaseOutboxRows(db, notStarted)
        logger.info({ released }, 'released claimed rows on stop')
      } catch (error) {
        // Not released: their lease lapses and another dispatcher takes them (R50).
        logger.error({ err: errorLogFields(error) }, 'release on stop failed')
      }
    }
  }

  async function claimLoop() {
    const nap = createLoopNap()
    naps.push(nap)
    while (!stopping) {
      let rows: ClaimedRow[] = []
      try {
        rows = await claimOutboxRows(db, {
          now: clock.now(),
          leaseSeconds: config.leaseSeconds,
          limit: config.batchSize,
        })
      } catch (error) {
        logger.error({ err: errorLogFields(error) }, 'outbox claim failed')
      }
      if (rows.length > 0) await deliverBatch(rows)
      if (rows.length < config.batchSize && !stopping) await nap.sleep(config.pollIntervalMs)
    }
  }

  async function sweepLoop() {
    if (config.sweepIntervalSeconds <= 0) return
    const nap = createLoopNap()
    naps.push(nap)
    while (!stopping) {
      try {
        const result = await sweepExpiredRecords(db, clock.now(), {
          reminderHours: config.invitationReminderHours,
        })
        logger.debug({ ...result }, 'expiry sweep')
      } catch (error) {
        logger.error({ err: errorLogFields(error) }, 'expiry sweep failed')
      }
      await nap.sleep(config.sweepIntervalSeconds * 1000)
    }
  }

  const loops = [...Array.from({ length: config.claimLoops }, () => claimLoop()), sweepLoop()]
  // The webhook loops share nothing with the email loops above (R135); they need the keyring
  // to open signing secrets.
  const webhooks =
    config.webhooks && options.keyring
      ? startWebhookLoops({
          db,
          clock,
          logger,
          keyring: options.keyring,
          config: config.webhooks,
          random: options.random,
          resolver: options.webhookResolver,
          connect: options.webhookConnect,
        })
      : null
  logger.info(
    {
      batchSize: config.batchSize,
      claimLoops: config.claimLoops,
      sendConcurrency: config.sendConcurrency,
    },
    'dispatcher started'
  )

  return {
    async stop() {
      if (stopping) return
      stopping = true
      for (const nap of naps) nap.wake()
      await Promise.all([...loops, webhooks?.stop()])
      logger.info({}, 'dispatcher stopped')
    },
  }
}
