import type { WebhookDeliveryItem } from '@partner-center/contracts'
import {
  WEBHOOK_CANCEL_REASON_LABELS,
  WEBHOOK_DELIVERY_STATUS_LABELS,
  webhookAttemptOutcomeLabel,
  webhookDeliveryStatusLabel,
  webhookEventLabel,
  type WebhookAttemptOutcome,
  type WebhookCancelReason,
  type WebhookDeliveryStatus,
} from '@partner-center/domain'
import { formatDateTime } from '../format'
import { useSessionStore } from '../stores/session'
import { useLocale } from './use-locale'

/**
 * The words of the Webhooks pages that the domain owns (§13.4.2, §13.5), in the page's
 * language: an event type's label, an attempt's outcome (its timeout from `GET /me`), a
 * delivery's status ("Retrying, next attempt …" for a pending one that has failed) and why a
 * delivery was cancelled.
 */
export function useWebhookLabels() {
  const locale = useLocale()
  const session = useSessionStore()

  /** The catalogue label of a type (§13.5); "Test event" for `webhook.test`. */
  function eventLabel(type: string): string {
    return webhookEventLabel(type, locale.value)
  }

  /** An attempt's outcome: `HTTP 503`, or why no answer came. */
  function outcomeLabel(outcome: WebhookAttemptOutcome, statusCode: number | null): string {
    const seconds = session.limits?.webhookTimeoutSeconds
    return webhookAttemptOutcomeLabel({ outcome, statusCode }, locale.value, seconds)
  }

  /** A delivery's status; a pending delivery that has failed says when it tries again. */
  function statusLabel(item: WebhookDeliveryItem): string {
    return webhookDeliveryStatusLabel(item, locale.value, formatDateTime)
  }

  /** A status by itself, as the status filter lists it. */
  function statusName(status: WebhookDeliveryStatus): string {
    return WEBHOOK_DELIVERY_STATUS_LABELS[locale.value][status]
  }

  /** Why a delivery was cancelled (D6). */
  function cancelReasonLabel(reason: WebhookCancelReason): string {
    return WEBHOOK_CANCEL_REASON_LABELS[locale.value][reason]
  }

  return { eventLabel, outcomeLabel, statusLabel, statusName, cancelReasonLabel }
}
