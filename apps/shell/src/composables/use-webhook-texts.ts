import {
  WebhookEventTypeSchema,
  type WebhookAttemptItem,
  type WebhookDeliveryItem,
  type WebhookEventTypeValue,
} from '@partner-center/contracts'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '../stores/session'

/**
 * The catalogue of event types (§13.5), in its order: the shell may not import the domain's
 * list; the contracts' schema holds it.
 */
export const EVENT_TYPES: readonly WebhookEventTypeValue[] = WebhookEventTypeSchema.options

const pad = (n: number) => String(n).padStart(2, '0')

/** R6: an instant in the browser's time zone, "YYYY-MM-DD HH:mm"; "—" for none. */
export function localTime(iso: string | null): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The same instant in UTC, for the hover (R6). */
export function utcTime(iso: string | null): string {
  return iso ? `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''
}

/** Whether the delivery's last attempt failed (a redelivered success is plain "Pending"). */
function lastFailed(item: WebhookDeliveryItem): boolean {
  if (item.lastOutcome === null) return false
  const code = item.lastStatusCode ?? 0
  return item.lastOutcome !== 'HTTP' || code < 200 || code > 299
}

/**
 * The words of the Webhooks pages (S35 over S30–S33): an event type's label, an attempt's
 * outcome with the timeout of `GET /me`, and a delivery's status.
 */
export function useWebhookTexts() {
  const { t } = useI18n()
  const session = useSessionStore()

  /** The label of a type (§13.5), "Test event" for `webhook.test`, else the type itself. */
  function eventLabel(type: string): string {
    const key = `webhooks.eventTypes.${type}`
    const label = t(key)
    return label === key ? type : label
  }

  function outcomeLabel(attempt: Pick<WebhookAttemptItem, 'outcome' | 'statusCode'>): string {
    return t(`webhooks.outcomes.${attempt.outcome}`, {
      status: attempt.statusCode ?? '',
      seconds: session.me?.limits.webhookTimeoutSeconds ?? '',
    })
  }

  function statusLabel(item: WebhookDeliveryItem): string {
    if (item.status === 'PENDING' && lastFailed(item) && item.runAfter) {
      return t('webhooks.deliveryStatuses.retrying', { time: localTime(item.runAfter) })
    }
    return t(`webhooks.deliveryStatuses.${item.status}`)
  }

  return { eventLabel, outcomeLabel, statusLabel }
}
