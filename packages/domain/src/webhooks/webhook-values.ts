// The value lists of webhook endpoints, deliveries and attempts (domain.md §13.3, §13.4).

/**
 * States of an endpoint (§13.4.1): W1 creates it `ENABLED` or `DISABLED`, W7 deletes it.
 *
 * @example
 * WEBHOOK_ENDPOINT_STATUSES // ['ENABLED', 'DISABLED', 'DELETED']
 */
export const WEBHOOK_ENDPOINT_STATUSES = ['ENABLED', 'DISABLED', 'DELETED'] as const

/**
 * One state of {@link WEBHOOK_ENDPOINT_STATUSES}.
 *
 * @example
 * const status: WebhookEndpointStatus = 'ENABLED'
 */
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number]

/**
 * Why an endpoint is `DISABLED`: a manager switched it off (W2), or a day of failures (W4).
 *
 * @example
 * WEBHOOK_DISABLED_REASONS // ['USER', 'FAILING']
 */
export const WEBHOOK_DISABLED_REASONS = ['USER', 'FAILING'] as const

/**
 * One reason of {@link WEBHOOK_DISABLED_REASONS}.
 *
 * @example
 * const reason: WebhookDisabledReason = 'FAILING'
 */
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number]

/**
 * States of a delivery (§13.4.2, D1–D7).
 *
 * @example
 * WEBHOOK_DELIVERY_STATUSES.includes('SENDING') // true
 */
export const WEBHOOK_DELIVERY_STATUSES = [
  'PENDING',
  'SENDING',
  'DELIVERED',
  'FAILED',
  'CANCELLED',
] as const

/**
 * One state of {@link WEBHOOK_DELIVERY_STATUSES}.
 *
 * @example
 * const status: WebhookDeliveryStatus = 'DELIVERED'
 */
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number]

/**
 * The states a delivery ends in until a Redeliver (D3, D5, D6).
 *
 * @example
 * TERMINAL_DELIVERY_STATUSES.includes('PENDING') // false
 */
export const TERMINAL_DELIVERY_STATUSES = ['DELIVERED', 'FAILED', 'CANCELLED'] as const

/**
 * Why a delivery was cancelled (D6).
 *
 * @example
 * WEBHOOK_CANCEL_REASONS[0] // 'ENDPOINT_DISABLED'
 */
export const WEBHOOK_CANCEL_REASONS = [
  'ENDPOINT_DISABLED',
  'ENDPOINT_DELETED',
  'MODULE_DISABLED',
] as const

/**
 * One reason of {@link WEBHOOK_CANCEL_REASONS}.
 *
 * @example
 * const reason: WebhookCancelReason = 'ENDPOINT_DELETED'
 */
export type WebhookCancelReason = (typeof WEBHOOK_CANCEL_REASONS)[number]

/**
 * How an attempt ended (§13.3.3, R131): `HTTP` with a status code, or why no answer came.
 *
 * @example
 * WEBHOOK_ATTEMPT_OUTCOMES.includes('TIMEOUT') // true
 */
export const WEBHOOK_ATTEMPT_OUTCOMES = [
  'HTTP',
  'TIMEOUT',
  'DNS_FAILED',
  'ADDRESS_NOT_ALLOWED',
  'CONNECTION_FAILED',
  'TLS_FAILED',
] as const

/**
 * One outcome of {@link WEBHOOK_ATTEMPT_OUTCOMES}.
 *
 * @example
 * const outcome: WebhookAttemptOutcome = 'HTTP'
 */
export type WebhookAttemptOutcome = (typeof WEBHOOK_ATTEMPT_OUTCOMES)[number]

/**
 * The entities an event is about (§13.3.2).
 *
 * @example
 * WEBHOOK_ENTITY_TYPES // ['preregistration', 'invitation', 'association']
 */
export const WEBHOOK_ENTITY_TYPES = ['preregistration', 'invitation', 'association'] as const

/**
 * One entity of {@link WEBHOOK_ENTITY_TYPES}.
 *
 * @example
 * const entity: WebhookEntityType = 'invitation'
 */
export type WebhookEntityType = (typeof WEBHOOK_ENTITY_TYPES)[number]

/**
 * The decisions of a manual review as `preregistration.review_decided` carries them (P5
 * approves, P6 rejects).
 *
 * @example
 * REVIEW_OUTCOMES // ['APPROVED', 'REJECTED']
 */
export const REVIEW_OUTCOMES = ['APPROVED', 'REJECTED'] as const

/** What every signing secret begins with (R128): the Standard Webhooks prefix. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_'

/**
 * The `webhook-id` of an event (R130): the same on every attempt, Redeliver and endpoint.
 *
 * @example
 * webhookIdOf('0b6f…') // 'evt_0b6f…'
 */
export function webhookIdOf(eventId: string): string {
  return `evt_${eventId}`
}
