import type { WebhookEntityType } from './webhook-values'

// The event catalogue (domain.md §13.5): exactly these types, in this order.

/**
 * The 13 event types an endpoint may subscribe to, in catalogue order (§13.5). An endpoint's
 * `eventTypes` are stored in this order.
 *
 * @example
 * WEBHOOK_EVENT_TYPES[0] // 'preregistration.created'
 */
export const WEBHOOK_EVENT_TYPES = [
  'preregistration.created',
  'preregistration.deleted',
  'preregistration.review_decided',
  'preregistration.expired',
  'invitation.queued',
  'invitation.sent',
  'invitation.failed_to_send',
  'invitation.reminder_sent',
  'invitation.expired',
  'invitation.renewal_requested',
  'invitation.accepted',
  'association.created',
  'association.failed',
] as const

/**
 * One type of {@link WEBHOOK_EVENT_TYPES}.
 *
 * @example
 * const type: WebhookEventType = 'invitation.sent'
 */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

/** The type of a test event (R137): outside the catalogue, never subscribed to. */
export const WEBHOOK_TEST_EVENT_TYPE = 'webhook.test' as const

/**
 * Every type an event row may have, in catalogue order and then the test event (the delivery
 * log's filter).
 *
 * @example
 * WEBHOOK_EVENT_ROW_TYPES.at(-1) // 'webhook.test'
 */
export const WEBHOOK_EVENT_ROW_TYPES = [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT_TYPE] as const

/**
 * Every type an event row may have: the catalogue and the test event.
 *
 * @example
 * const type: WebhookEventRowType = 'webhook.test'
 */
export type WebhookEventRowType = WebhookEventType | typeof WEBHOOK_TEST_EVENT_TYPE

/** What the catalogue says of one type: its entity and its labels (§13.5). */
export interface WebhookEventTypeInfo {
  readonly entity: WebhookEntityType
  readonly label: { readonly en: string; readonly 'zh-CN': string }
}

/**
 * The entity and labels of each type, word for word as §13.5.
 *
 * @example
 * WEBHOOK_EVENT_TYPE_INFO['association.failed'].entity // 'invitation'
 */
export const WEBHOOK_EVENT_TYPE_INFO: Readonly<Record<WebhookEventType, WebhookEventTypeInfo>> = {
  'preregistration.created': {
    entity: 'preregistration',
    label: { en: 'Customer pre-registered', 'zh-CN': '客户已报备' },
  },
  'preregistration.deleted': {
    entity: 'preregistration',
    label: { en: 'Pre-registration deleted', 'zh-CN': '报备已删除' },
  },
  'preregistration.review_decided': {
    entity: 'preregistration',
    label: { en: 'Manual review decided', 'zh-CN': '人工审核已完成' },
  },
  'preregistration.expired': {
    entity: 'preregistration',
    label: { en: 'Pre-registration expired', 'zh-CN': '报备已失效' },
  },
  'invitation.queued': {
    entity: 'invitation',
    label: { en: 'Invitation queued', 'zh-CN': '邀请已加入发送队列' },
  },
  'invitation.sent': {
    entity: 'invitation',
    label: { en: 'Invitation sent', 'zh-CN': '邀请已发送' },
  },
  'invitation.failed_to_send': {
    entity: 'invitation',
    label: { en: 'Invitation could not be sent', 'zh-CN': '邀请发送失败' },
  },
  'invitation.reminder_sent': {
    entity: 'invitation',
    label: { en: 'Reminder sent', 'zh-CN': '提醒已发送' },
  },
  'invitation.expired': {
    entity: 'invitation',
    label: { en: 'Invitation expired', 'zh-CN': '邀请已过期' },
  },
  'invitation.renewal_requested': {
    entity: 'invitation',
    label: { en: 'Customer asked for a new invitation', 'zh-CN': '客户请求重新发送邀请' },
  },
  'invitation.accepted': {
    entity: 'invitation',
    label: { en: 'Invitation accepted', 'zh-CN': '邀请已接受' },
  },
  'association.created': {
    entity: 'association',
    label: { en: 'Customer associated', 'zh-CN': '客户已关联' },
  },
  'association.failed': {
    entity: 'invitation',
    label: { en: 'Association failed', 'zh-CN': '关联失败' },
  },
}

/**
 * Whether a string names a type of the catalogue (`webhook.test` does not).
 *
 * @example
 * isWebhookEventType('invitation.sent') // true
 * isWebhookEventType('webhook.test') // false
 */
export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value)
}

/**
 * A list of types in catalogue order without repeats, as an endpoint stores them.
 *
 * @example
 * inCatalogueOrder(['invitation.sent', 'preregistration.created']) // ['preregistration.created', 'invitation.sent']
 */
export function inCatalogueOrder(types: readonly WebhookEventType[]): WebhookEventType[] {
  return WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type))
}
