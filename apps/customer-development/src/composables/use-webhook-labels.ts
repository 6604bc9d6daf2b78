import type { WebhookDeliveryItem } from '@partner-center/contracts'
import {
  WEBHOOK_EVENT_TYPE_INFO,
  isWebhookEventType,
  webhookAttemptOutcomeLabel,
  type WebhookAttemptOutcome,
} from '@partner-center/domain'
import { useI18n } from 'vue-i18n'
import { formatDateTime } from '../format'
import { useSessionStore } from '../stores/session'
import { useLocale } from './use-locale'

/** Whether the delivery's last attempt failed (a redelivered success is plain "Pending"). */
function lastFailed(item: WebhookDeliveryItem): boolean {
  if (item.lastOutcome === null) return false
  const code = item.lastStatusCode ?? 0
  return item.lastOutcome !== 'HTTP' || code < 200 || code > 299
}

/**
 * The words of the Webhooks pages that come from the domain (§13.4.2, §13.5) or depend on the
 * limits: an event type's label, an attempt's outcome (its timeout from `GET /me`), and a
 * delivery's status ("Retrying, next attempt …" for a pending one that has failed).
 */
export function useWebhookLabels() {
  const { t } = useI18n()
  const locale = useLocale()
  const session = useSessionStore()

  /** The catalogue label of a type (§13.5); "Test event" for `webhook.test`. */
  function eventLabel(type: string): string {
    if (isWebhookEventType(type)) return WEBHOOK_EVENT_TYPE_INFO[type].label[locale.value]
    return t('webhooks.log.testEvent')
  }

  /** An attempt's outcome: `HTTP 503`, or why no answer came. */
  function outcomeLabel(outcome: WebhookAttemptOutcome, statusCode: number | null): string {
    const seconds = session.limits?.webhookTimeoutSeconds
    return webhookAttemptOutcomeLabel({ outcome, statusCode }, locale.value, seconds)
  }

  /** A delivery's status; a pending delivery that has failed says when it tries again. */
  function statusLabel(item: WebhookDeliveryItem): string {
    if (item.status === 'PENDING' && lastFailed(item) && item.runAfter) {
      return t('webhooks.deliveryStatuses.retrying', { time: formatDateTime(item.runAfter) })
    }
    return t(`webhooks.deliveryStatuses.${item.status}`)
  }

  return { eventLabel, outcomeLabel, statusLabel }
}
