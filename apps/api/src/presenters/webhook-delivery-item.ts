import type { WebhookDeliveryDetail, WebhookDeliveryItem } from '@partner-center/contracts'
import type { WebhookAttemptRow } from '@partner-center/db/schema'
import { webhookIdOf } from '@partner-center/domain'
import type { WebhookDeliveryWithEvent } from '../persistence/webhook-deliveries-page'
import { isoTimestamp, isoTimestampOrNull } from './iso-timestamp'

/**
 * A delivery as the log lists it (R138). `partner` is the event's partner on the platform's log
 * (S35) and null on a partner's, which knows its own partner.
 *
 * @example
 * toWebhookDeliveryItem(row, { showPartner: false }).webhookId // 'evt_…'
 */
export function toWebhookDeliveryItem(
  { delivery, event, partner }: WebhookDeliveryWithEvent,
  options: { showPartner: boolean }
): WebhookDeliveryItem {
  return {
    id: delivery.id,
    webhookId: webhookIdOf(event.id),
    eventId: event.id,
    eventType: event.type,
    occurredAt: isoTimestamp(event.occurredAt),
    partner: options.showPartner ? partner : null,
    status: delivery.status,
    attempts: delivery.attempts,
    lastAttemptAt: isoTimestampOrNull(delivery.lastAttemptAt),
    lastOutcome: delivery.lastOutcome,
    lastStatusCode: delivery.lastStatusCode,
    lastDurationMs: delivery.lastDurationMs,
    runAfter: delivery.status === 'PENDING' ? isoTimestamp(delivery.runAfter) : null,
    deliveredAt: isoTimestampOrNull(delivery.deliveredAt),
    cancelReason: delivery.cancelReason,
    isTest: delivery.isTest,
    createdAt: isoTimestamp(delivery.createdAt),
  }
}

/**
 * One delivery with every attempt and the body sent (R138): the payload bytes, masked already
 * (R125). Response excerpts reach only the endpoint's managers (R144).
 *
 * @example
 * toWebhookDeliveryDetail(row, attempts, { showPartner: true }).attemptList.length
 */
export function toWebhookDeliveryDetail(
  row: WebhookDeliveryWithEvent,
  attempts: readonly WebhookAttemptRow[],
  options: { showPartner: boolean }
): WebhookDeliveryDetail {
  return {
    ...toWebhookDeliveryItem(row, options),
    attemptList: attempts.map((attempt) => ({
      number: attempt.number,
      startedAt: isoTimestamp(attempt.startedAt),
      webhookTimestamp: attempt.webhookTimestamp,
      durationMs: attempt.durationMs,
      outcome: attempt.outcome,
      statusCode: attempt.statusCode,
      remoteAddress: attempt.remoteAddress,
      responseExcerpt: attempt.responseExcerpt,
    })),
    body: row.event.payload,
  }
}
