// The words for a delivery and its event (domain.md §13.4.2, §13.5), verbatim from the spec and
// in both languages: the partner's delivery log in the module and the ecosystem manager's in the
// shell (through the contracts package) show the same words from here.

import type { Locale } from '../core/locale'
import { isWebhookEventType, WEBHOOK_EVENT_TYPE_INFO } from './event-types'
import type { WebhookAttemptResult } from './attempt-outcome-labels'
import type { WebhookCancelReason, WebhookDeliveryStatus } from './webhook-values'

/**
 * The delivery status labels per locale (§13.4.2). `RETRYING` is a `PENDING` delivery whose last
 * attempt failed; `{time}` is its next attempt.
 *
 * @example
 * WEBHOOK_DELIVERY_STATUS_LABELS['zh-CN'].DELIVERED // '已送达'
 */
export const WEBHOOK_DELIVERY_STATUS_LABELS: Readonly<
  Record<Locale, Readonly<Record<WebhookDeliveryStatus | 'RETRYING', string>>>
> = {
  en: {
    PENDING: 'Pending',
    RETRYING: 'Retrying, next attempt {time}',
    SENDING: 'Sending',
    DELIVERED: 'Delivered',
    FAILED: 'Failed',
    CANCELLED: 'Cancelled',
  },
  'zh-CN': {
    PENDING: '待发送',
    RETRYING: '重试中,下次尝试 {time}',
    SENDING: '发送中',
    DELIVERED: '已送达',
    FAILED: '发送失败',
    CANCELLED: '已取消',
  },
}

/**
 * Why a delivery was cancelled, per locale (§13.4.2, D6).
 *
 * @example
 * WEBHOOK_CANCEL_REASON_LABELS.en.ENDPOINT_DELETED // 'Endpoint deleted'
 */
export const WEBHOOK_CANCEL_REASON_LABELS: Readonly<
  Record<Locale, Readonly<Record<WebhookCancelReason, string>>>
> = {
  en: {
    ENDPOINT_DISABLED: 'Endpoint disabled',
    ENDPOINT_DELETED: 'Endpoint deleted',
    MODULE_DISABLED: 'Customer Development is off for this partner',
  },
  'zh-CN': {
    ENDPOINT_DISABLED: '端点已停用',
    ENDPOINT_DELETED: '端点已删除',
    MODULE_DISABLED: '该合作伙伴的客户拓展功能已关闭',
  },
}

/** What a delivery's status label reads: its status, its last attempt and its next one. */
export interface WebhookDeliveryState {
  status: WebhookDeliveryStatus
  lastOutcome: WebhookAttemptResult['outcome'] | null
  lastStatusCode: number | null
  /** The next attempt (ISO 8601) while `PENDING`. */
  runAfter: string | null
}

/** Whether the last attempt failed: no answer, or an answer outside 2xx (R131). */
function lastAttemptFailed(delivery: WebhookDeliveryState): boolean {
  if (delivery.lastOutcome === null) return false
  const code = delivery.lastStatusCode ?? 0
  return delivery.lastOutcome !== 'HTTP' || code < 200 || code > 299
}

/**
 * A delivery's status in a locale. A `PENDING` delivery whose last attempt failed says when it
 * tries again, in the caller's format of R6 (`formatTime`); a redelivered success is plain
 * "Pending".
 *
 * @example
 * webhookDeliveryStatusLabel({ status: 'PENDING', lastOutcome: 'TIMEOUT', lastStatusCode: null, runAfter }, 'en', format)
 * // 'Retrying, next attempt 2026-12-07 09:30'
 */
export function webhookDeliveryStatusLabel(
  delivery: WebhookDeliveryState,
  locale: Locale,
  formatTime: (iso: string) => string
): string {
  const labels = WEBHOOK_DELIVERY_STATUS_LABELS[locale]
  if (delivery.status === 'PENDING' && delivery.runAfter && lastAttemptFailed(delivery)) {
    return labels.RETRYING.replace('{time}', formatTime(delivery.runAfter))
  }
  return labels[delivery.status]
}

/** The label of `webhook.test`, the event "Send Test Event" sends. */
const TEST_EVENT_LABEL: Readonly<Record<Locale, string>> = { en: 'Test event', 'zh-CN': '测试事件' }

/**
 * An event type's label in a locale (§13.5): "Test event" for `webhook.test`, and the type
 * itself for one this version does not know (a newer API's).
 *
 * @example
 * webhookEventLabel('invitation.sent', 'zh-CN') // '邀请已发送'
 */
export function webhookEventLabel(type: string, locale: Locale): string {
  if (isWebhookEventType(type)) return WEBHOOK_EVENT_TYPE_INFO[type].label[locale]
  if (type === 'webhook.test') return TEST_EVENT_LABEL[locale]
  return type
}
