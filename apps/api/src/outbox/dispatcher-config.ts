import { configFromEnv } from '../config'
import type { Env } from '../env'
import {
  webhookDispatchConfigFromEnv,
  type WebhookDispatchConfig,
} from '../webhooks/webhook-dispatch-config'

/** Settings of the outbox dispatcher and the expiry sweeper (domain.md §8, architecture.md §7). */
export interface DispatcherConfig {
  appEnv: 'development' | 'test' | 'production'
  /** `MAIL_FROM`, the sender of every email. */
  mailFrom: string
  /** Domain of Message-IDs that the invitation row does not already carry. */
  mailDomain: string
  /** `PUBLIC_BASE_URL`: the only origin of links (R55, R56). */
  publicBaseUrl: string
  platformName: string
  invitationTtlDays: number
  /** `INVITATION_REMINDER_HOURS` resolved (R115): the sweeper queues reminders by it; 0 off. */
  invitationReminderHours: number
  /** `OUTBOX_BATCH_SIZE`: rows one claim takes. */
  batchSize: number
  /** `OUTBOX_MAX_ATTEMPTS`: the attempt whose failure ends in `FAILED_TO_SEND`. */
  maxAttempts: number
  /** `OUTBOX_LEASE_SECONDS`: how long a claim holds a row before another dispatcher may take it. */
  leaseSeconds: number
  /** Claim loops running at once; the in-flight window is `batchSize × claimLoops`. */
  claimLoops: number
  /** Rows being rendered and sent at once, shared by the claim loops (a slot frees before the settle). */
  sendConcurrency: number
  /** Pause of an idle claim loop before it looks again. */
  pollIntervalMs: number
  /** `OUTBOX_BACKOFF_BASE_SECONDS` / `OUTBOX_BACKOFF_CAP_SECONDS` (R53). */
  backoffBaseSeconds: number
  backoffCapSeconds: number
  /** `SWEEP_INTERVAL_SECONDS` (R80); 0 turns the sweeper off (tests drive it directly). */
  sweepIntervalSeconds: number
  /** The webhook loops' settings (R135); absent, the dispatcher runs no webhook loops. */
  webhooks?: WebhookDispatchConfig
}

/** The dispatcher's settings from the parsed environment (defaults of domain.md §8). */
export function dispatcherConfigFromEnv(env: Env): DispatcherConfig {
  const app = configFromEnv(env)
  return {
    appEnv: env.APP_ENV,
    mailFrom: env.MAIL_FROM,
    mailDomain: app.mailDomain,
    publicBaseUrl: app.publicBaseUrl,
    platformName: env.PLATFORM_NAME,
    invitationTtlDays: env.INVITATION_TTL_DAYS,
    invitationReminderHours: env.INVITATION_REMINDER_HOURS,
    batchSize: env.OUTBOX_BATCH_SIZE,
    maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
    leaseSeconds: env.OUTBOX_LEASE_SECONDS,
    claimLoops: env.OUTBOX_CLAIM_LOOPS,
    sendConcurrency: env.OUTBOX_SEND_CONCURRENCY,
    pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
    backoffBaseSeconds: env.OUTBOX_BACKOFF_BASE_SECONDS,
    backoffCapSeconds: env.OUTBOX_BACKOFF_CAP_SECONDS,
    sweepIntervalSeconds: env.SWEEP_INTERVAL_SECONDS,
    webhooks: webhookDispatchConfigFromEnv(env),
  }
}
