import { DEFAULT_LIMITS, type WebhookAddressPolicy } from '@partner-center/domain'
import type { Env } from '../env'

/** Settings of the dispatcher's webhook loops (domain.md §13.8, R131–R136). */
export interface WebhookDispatchConfig {
  /** `WEBHOOK_TIMEOUT_SECONDS`: the whole attempt (R131). */
  timeoutSeconds: number
  /** `WEBHOOK_RESPONSE_EXCERPT_BYTES`: bytes of a response body kept (R131). */
  excerptBytes: number
  /** `WEBHOOK_RETRY_WINDOW_HOURS`: no automatic attempt after `windowStartsAt` + this (R132). */
  retryWindowHours: number
  /** `WEBHOOK_BACKOFF_BASE_SECONDS` / `WEBHOOK_BACKOFF_CAP_SECONDS` (R132). */
  backoffBaseSeconds: number
  backoffCapSeconds: number
  /** `WEBHOOK_DISABLE_AFTER_HOURS`: failing time after which an endpoint is disabled (R134). */
  disableAfterHours: number
  /** `WEBHOOK_SEND_CONCURRENCY`: attempts in flight in this dispatcher (R135). */
  sendConcurrency: number
  /** `WEBHOOK_ENDPOINT_CONCURRENCY`: attempts in flight per endpoint, per dispatcher. */
  endpointConcurrency: number
  /** `WEBHOOK_CLAIM_LOOPS`: delivery loops. */
  claimLoops: number
  /** `WEBHOOK_BATCH_SIZE`: deliveries per claim. */
  batchSize: number
  /** `WEBHOOK_FANOUT_BATCH_SIZE`: events per fan-out claim (R127). */
  fanOutBatchSize: number
  /** `WEBHOOK_LEASE_SECONDS`: how long a claim holds a delivery (R133). */
  leaseSeconds: number
  /** `WEBHOOK_POLL_INTERVAL_MS`: pause of an idle webhook loop. */
  pollIntervalMs: number
  /** `WEBHOOK_ADDRESS_POLICY` resolved: `public` in production, else `any` unless set (R136). */
  addressPolicy: WebhookAddressPolicy
}

/**
 * The webhook loops' settings from the parsed environment. `readEnv` already refused any
 * policy but `public` in production.
 *
 * @example
 * const webhooks = webhookDispatchConfigFromEnv(readEnv())
 */
export function webhookDispatchConfigFromEnv(env: Env): WebhookDispatchConfig {
  return {
    timeoutSeconds: env.WEBHOOK_TIMEOUT_SECONDS,
    excerptBytes: DEFAULT_LIMITS.WEBHOOK_RESPONSE_EXCERPT_BYTES,
    retryWindowHours: env.WEBHOOK_RETRY_WINDOW_HOURS,
    backoffBaseSeconds: env.WEBHOOK_BACKOFF_BASE_SECONDS,
    backoffCapSeconds: env.WEBHOOK_BACKOFF_CAP_SECONDS,
    disableAfterHours: env.WEBHOOK_DISABLE_AFTER_HOURS,
    sendConcurrency: env.WEBHOOK_SEND_CONCURRENCY,
    endpointConcurrency: env.WEBHOOK_ENDPOINT_CONCURRENCY,
    claimLoops: env.WEBHOOK_CLAIM_LOOPS,
    batchSize: env.WEBHOOK_BATCH_SIZE,
    fanOutBatchSize: env.WEBHOOK_FANOUT_BATCH_SIZE,
    leaseSeconds: env.WEBHOOK_LEASE_SECONDS,
    pollIntervalMs: env.WEBHOOK_POLL_INTERVAL_MS,
    addressPolicy: env.WEBHOOK_ADDRESS_POLICY ?? (env.APP_ENV === 'production' ? 'public' : 'any'),
  }
}

/**
 * The §13.8 defaults, for tests and callers that build a dispatcher by hand.
 *
 * @example
 * startWebhookLoops({ …, config: { ...DEFAULT_WEBHOOK_DISPATCH_CONFIG, pollIntervalMs: 20 } })
 */
export const DEFAULT_WEBHOOK_DISPATCH_CONFIG: WebhookDispatchConfig = {
  timeoutSeconds: DEFAULT_LIMITS.WEBHOOK_TIMEOUT_SECONDS,
  excerptBytes: DEFAULT_LIMITS.WEBHOOK_RESPONSE_EXCERPT_BYTES,
  retryWindowHours: DEFAULT_LIMITS.WEBHOOK_RETRY_WINDOW_HOURS,
  backoffBaseSeconds: DEFAULT_LIMITS.WEBHOOK_BACKOFF_BASE_SECONDS,
  backoffCapSeconds: DEFAULT_LIMITS.WEBHOOK_BACKOFF_CAP_SECONDS,
  disableAfterHours: DEFAULT_LIMITS.WEBHOOK_DISABLE_AFTER_HOURS,
  sendConcurrency: DEFAULT_LIMITS.WEBHOOK_SEND_CONCURRENCY,
  endpointConcurrency: DEFAULT_LIMITS.WEBHOOK_ENDPOINT_CONCURRENCY,
  claimLoops: DEFAULT_LIMITS.WEBHOOK_CLAIM_LOOPS,
  batchSize: DEFAULT_LIMITS.WEBHOOK_BATCH_SIZE,
  fanOutBatchSize: DEFAULT_LIMITS.WEBHOOK_FANOUT_BATCH_SIZE,
  leaseSeconds: DEFAULT_LIMITS.WEBHOOK_LEASE_SECONDS,
  pollIntervalMs: DEFAULT_LIMITS.WEBHOOK_POLL_INTERVAL_MS,
  addressPolicy: 'any',
}
