import { DEFAULT_LIMITS, type Limits } from '../core/limits'
import { computeBackoffSeconds } from '../delivery/backoff'
import type { WebhookCancelReason, WebhookEndpointStatus } from './webhook-values'

// How one attempt settles its delivery and its endpoint (domain.md §13.4.2 D3–D6, §13.4.1 W4,
// R132, R134). Pure: the dispatcher's settle reads the rows under lock, asks here, and writes.

/** The limits the settle decision reads; the dispatcher passes its environment's values. */
export type WebhookSettleLimits = Pick<
  Limits,
  | 'WEBHOOK_RETRY_WINDOW_HOURS'
  | 'WEBHOOK_BACKOFF_BASE_SECONDS'
  | 'WEBHOOK_BACKOFF_CAP_SECONDS'
  | 'WEBHOOK_DISABLE_AFTER_HOURS'
>

/** What the settle knows when it decides. */
export interface WebhookSettleInput {
  /** A 2xx arrived in time (R131). */
  delivered: boolean
  delivery: {
    isTest: boolean
    windowStartsAt: Date
    /** This attempt's number within the current window: 1 for the first after D1 or D7. */
    attemptInWindow: number
  }
  endpoint: {
    status: WebhookEndpointStatus
    /** Null for a platform endpoint. */
    partnerId: string | null
    failingSince: Date | null
  }
  /** The partner's module (`customerDevelopmentEnabled`); ignored for a platform endpoint. */
  moduleEnabled: boolean
  /** The settle's clock. */
  now: Date
  /** Jitter source in [0, 1) for the backoff (R132). */
  random: number
  limits?: WebhookSettleLimits
}

/** The delivery's next state. */
export type WebhookDeliveryNext =
  | { status: 'DELIVERED' }
  | { status: 'PENDING'; runAfter: Date }
  | { status: 'FAILED' }
  | { status: 'CANCELLED'; cancelReason: WebhookCancelReason }

/** What happens to the endpoint (never anything for a test delivery). */
export type WebhookEndpointChange =
  | { kind: 'NONE' }
  /** D3: `lastDeliveredAt = now`, `failingSince = null`. */
  | { kind: 'DELIVERED' }
  /** D4/D5: `failingSince` as given (kept, or set now); `disable` is W4. */
  | { kind: 'FAILED'; failingSince: Date; disable: boolean }

/** The answer of {@link decideWebhookSettle}. */
export interface WebhookSettleDecision {
  delivery: WebhookDeliveryNext
  endpoint: WebhookEndpointChange
}

/**
 * Why a delivery of this endpoint may not be attempted (D2's guard, D6), or null when it may:
 * the endpoint is disabled or deleted, or its partner's module is off.
 *
 * @example
 * cancelReasonOf({ status: 'DELETED', partnerId: null }, true) // 'ENDPOINT_DELETED'
 */
export function cancelReasonOf(
  endpoint: { status: WebhookEndpointStatus; partnerId: string | null },
  moduleEnabled: boolean
): WebhookCancelReason | null {
  if (endpoint.status === 'DELETED') return 'ENDPOINT_DELETED'
  if (endpoint.status === 'DISABLED') return 'ENDPOINT_DISABLED'
  if (endpoint.partnerId !== null && !moduleEnabled) return 'MODULE_DISABLED'
  return null
}

/**
 * Decides one attempt's settle. A 2xx is D3 (the receiver has it, whatever happened to the
 * endpoint meanwhile). A failure is D6 when the endpoint may no longer be attempted, D5 for a
 * test delivery or when the next retry (R132's backoff with the webhook base and cap) would fall
 * after `windowStartsAt + WEBHOOK_RETRY_WINDOW_HOURS`, else D4. A failed non-test attempt on an
 * enabled endpoint sets `failingSince` when null and disables the endpoint (W4) once
 * `now − failingSince ≥ WEBHOOK_DISABLE_AFTER_HOURS` (R134); W4 cancels its pending
 * deliveries, so a retry due then is cancelled (`ENDPOINT_DISABLED`) instead.
 *
 * @example
 * decideWebhookSettle({ delivered: false, delivery, endpoint, moduleEnabled: true, now, random: 0.5 })
 * // { delivery: { status: 'PENDING', runAfter }, endpoint: { kind: 'FAILED', failingSince, disable: false } }
 */
export function decideWebhookSettle(input: WebhookSettleInput): WebhookSettleDecision {
  const limits = input.limits ?? DEFAULT_LIMITS
  const isTest = input.delivery.isTest
  if (input.delivered) {
    return { delivery: { status: 'DELIVERED' }, endpoint: { kind: isTest ? 'NONE' : 'DELIVERED' } }
  }
  const cancelReason = cancelReasonOf(input.endpoint, input.moduleEnabled)
  if (cancelReason !== null) {
    return { delivery: { status: 'CANCELLED', cancelReason }, endpoint: { kind: 'NONE' } }
  }
  if (isTest) return { delivery: { status: 'FAILED' }, endpoint: { kind: 'NONE' } }

  const failingSince = input.endpoint.failingSince ?? input.now
  const failingMs = input.now.getTime() - failingSince.getTime()
  const endpoint: WebhookEndpointChange = {
    kind: 'FAILED',
    failingSince,
    disable: failingMs >= limits.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
  }
  const runAfter = nextRetryAt(input, limits)
  const windowEnds =
    input.delivery.windowStartsAt.getTime() + limits.WEBHOOK_RETRY_WINDOW_HOURS * 3_600_000
  if (runAfter.getTime() > windowEnds) return { delivery: { status: 'FAILED' }, endpoint }
  // W4 cancels the endpoint's pending deliveries, this one among them.
  const delivery: WebhookDeliveryNext = endpoint.disable
    ? { status: 'CANCELLED', cancelReason: 'ENDPOINT_DISABLED' }
    : { status: 'PENDING', runAfter }
  return { delivery, endpoint }
}

/** R132: `now` + random(0.5, 1) × min(cap, base × 2^(n−1)) seconds. */
function nextRetryAt(input: WebhookSettleInput, limits: WebhookSettleLimits): Date {
  const seconds = computeBackoffSeconds({
    attempt: input.delivery.attemptInWindow,
    random: input.random,
    limits: {
      ...DEFAULT_LIMITS,
      OUTBOX_BACKOFF_BASE_SECONDS: limits.WEBHOOK_BACKOFF_BASE_SECONDS,
      OUTBOX_BACKOFF_CAP_SECONDS: limits.WEBHOOK_BACKOFF_CAP_SECONDS,
    },
  })
  return new Date(input.now.getTime() + Math.round(seconds * 1000))
}
