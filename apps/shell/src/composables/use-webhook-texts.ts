import {
  WEBHOOK_CANCEL_REASON_LABELS,
  WEBHOOK_DELIVERY_STATUS_LABELS,
  WebhookEventTypeSchema,
  webhookAttemptOutcomeLabel,
  webhookDeliveryStatusLabel,
  webhookEventLabel,
  type WebhookAttemptItem,
  type WebhookDeliveryItem,
  type WebhookEventTypeValue,
} from '@partner-center/contracts'
import { useI18n } from 'vue-i18n'
import type { ShellLocale } from '../i18n'
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

/** The shell's language, as the labels take it. */
function asLocale(locale: string): ShellLocale {
  return locale === 'zh-CN' ? 'zh-CN' : 'en'
}

/**
 * The words of the Webhooks pages (S35 over S30–S33) that the domain owns, through the
 * contracts package, in the page's language: an event type's label, an attempt's outcome with
 * the timeout of `GET /me`, a delivery's status and why a delivery was cancelled.
 */
export function useWebhookTexts() {
  const { locale } = useI18n()
  const session = useSessionStore()
  const current = () => asLocale(locale.value)

  /** The label of a type (§13.5), "Test event" for `webhook.test`, else the type itself. */
  function eventLabel(type: string): string {
    return webhookEventLabel(type, current())
  }

  function outcomeLabel(attempt: Pick<WebhookAttemptItem, 'outcome' | 'statusCode'>): string {
    const seconds = session.me?.limits.webhookTimeoutSeconds
    return webhookAttemptOutcomeLabel(attempt, current(), seconds)
  }

  function statusLabel(item: WebhookDeliveryItem): string {
    return webhookDeliveryStatusLabel(item, current(), localTime)
  }

  /** A status by itself, as the status filter lists it. */
  function statusName(status: WebhookDeliveryItem['status']): string {
    return WEBHOOK_DELIVERY_STATUS_LABELS[current()][status]
  }

  /** Why a delivery was cancelled (D6); nothing for a delivery that was not. */
  function cancelReasonLabel(reason: WebhookDeliveryItem['cancelReason']): string | undefined {
    return reason ? WEBHOOK_CANCEL_REASON_LABELS[current()][reason] : undefined
  }

  return { eventLabel, outcomeLabel, statusLabel, statusName, cancelReasonLabel }
}
