import { describe, expect, it } from 'vitest'
import { LOCALES } from '../core/locale'
import {
  WEBHOOK_CANCEL_REASON_LABELS,
  WEBHOOK_DELIVERY_STATUS_LABELS,
  webhookDeliveryStatusLabel,
  webhookEventLabel,
  type WebhookDeliveryState,
} from './delivery-labels'
import { WEBHOOK_CANCEL_REASONS, WEBHOOK_DELIVERY_STATUSES } from './webhook-values'

const format = (iso: string) => `at ${iso}`
const pending: WebhookDeliveryState = {
  status: 'PENDING',
  lastOutcome: null,
  lastStatusCode: null,
  runAfter: '2026-12-07T09:30:00.000Z',
}

describe('the delivery labels (domain.md §13.4.2)', () => {
  it('label every status and cancel reason in every locale', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(WEBHOOK_DELIVERY_STATUS_LABELS[locale]).sort()).toEqual(
        [...WEBHOOK_DELIVERY_STATUSES, 'RETRYING'].sort()
      )
      expect(Object.keys(WEBHOOK_CANCEL_REASON_LABELS[locale]).sort()).toEqual(
        [...WEBHOOK_CANCEL_REASONS].sort()
      )
    }
  })

  it('say when a pending delivery whose last attempt failed tries again', () => {
    const timedOut = { ...pending, lastOutcome: 'TIMEOUT' } as const
    expect(webhookDeliveryStatusLabel(timedOut, 'en', format)).toBe(
      'Retrying, next attempt at 2026-12-07T09:30:00.000Z'
    )
    const answered503 = { ...pending, lastOutcome: 'HTTP', lastStatusCode: 503 } as const
    expect(webhookDeliveryStatusLabel(answered503, 'zh-CN', format)).toBe(
      '重试中,下次尝试 at 2026-12-07T09:30:00.000Z'
    )
  })

  it('say plain "Pending" before any attempt and after a redelivered success', () => {
    expect(webhookDeliveryStatusLabel(pending, 'en', format)).toBe('Pending')
    const redelivered = { ...pending, lastOutcome: 'HTTP', lastStatusCode: 204 } as const
    expect(webhookDeliveryStatusLabel(redelivered, 'zh-CN', format)).toBe('待发送')
    const delivered = { ...redelivered, status: 'DELIVERED', runAfter: null } as const
    expect(webhookDeliveryStatusLabel(delivered, 'en', format)).toBe('Delivered')
  })
})

describe('the event labels (domain.md §13.5)', () => {
  it('name a known type, the test event, and an unknown type by itself', () => {
    expect(webhookEventLabel('invitation.sent', 'zh-CN')).toBe('邀请已发送')
    expect(webhookEventLabel('webhook.test', 'en')).toBe('Test event')
    expect(webhookEventLabel('webhook.test', 'zh-CN')).toBe('测试事件')
    expect(webhookEventLabel('invitation.renamed', 'en')).toBe('invitation.renamed')
  })
})
