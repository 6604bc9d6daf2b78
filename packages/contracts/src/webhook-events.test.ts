import {
  WEBHOOK_EVENT_FIELD_ORDER,
  WEBHOOK_EVENT_TYPES,
  buildWebhookEventPayload,
  type WebhookEventFieldsByType,
  type WebhookEventType,
} from '@partner-center/domain'
import { describe, expect, it } from 'vitest'
import { WEBHOOK_EVENT_BODIES, WEBHOOK_EVENT_DATA, WebhookEventCommonData } from './webhook-events'

const AT = new Date('2026-12-06T21:30:00Z')
const ID = '0b8f6f8e-4f1c-4d4e-9a43-1f0d6a3c2b11'

// One plausible value of every field any type carries (§13.5).
const VALUES = {
  status: 'PENDING_REVIEW',
  reviewReason: 'ACCOUNT_TOO_OLD_OR_HAS_SPEND',
  validUntil: AT,
  reviewDeadline: null,
  locale: 'zh-CN',
  previousStatus: 'SENT',
  revokedInvitationId: ID,
  decision: 'APPROVED',
  expiredAt: AT,
  closedReason: null,
  batchId: ID,
  batchKind: 'INVITE',
  associationType: 'referral',
  supersededInvitationId: null,
  sentAt: AT,
  expiresAt: AT,
  attemptCount: 2,
  failureCode: 'DELIVERY_FAILED',
  lastAttemptAt: AT,
  reminderSentAt: AT,
  renewalRequestedAt: AT,
  reason: 'LINK_EXPIRED',
  acceptedAt: AT,
  channel: 'custom_link',
  linkId: ID,
  linkTag: 'fair-2026',
  payer: 'PLATFORM',
  source: 'custom_link',
  preregistrationCreated: false,
  customerAccountId: ID,
  accountName: 'Alpha Robotics',
  frozenPendingBudget: false,
  associatedAt: AT,
  failedAt: AT,
}

function bodyOf(type: WebhookEventType): string {
  const fields = Object.fromEntries(
    WEBHOOK_EVENT_FIELD_ORDER[type].map((key) => [key, VALUES[key]])
  ) as unknown as WebhookEventFieldsByType[typeof type]
  return buildWebhookEventPayload({
    type,
    occurredAt: AT,
    partnerId: ID,
    entity: { type: 'invitation', id: ID, version: 2 },
    actor: { type: 'partner_user', id: ID },
    preregistrationId: ID,
    invitationId: ID,
    associationId: null,
    externalRef: 'CRM-00042',
    customer: { name: 'Alpha', email: 'new.alpha@customer.example', mobile: '+8613800000010' },
    fields,
  })
}

describe('webhook bodies (R125): the domain builds what the contracts schemas describe', () => {
  it.each(WEBHOOK_EVENT_TYPES)('%s parses with its schema, keys in schema order', (type) => {
    const json = JSON.parse(bodyOf(type)) as { data: Record<string, unknown> }
    const parsed = WEBHOOK_EVENT_BODIES[type].parse(json)
    expect(parsed).toEqual(json)
    expect(Object.keys(json)).toEqual(['type', 'timestamp', 'data'])
    expect(Object.keys(json.data)).toEqual([
      ...Object.keys(WebhookEventCommonData.shape),
      ...Object.keys(WEBHOOK_EVENT_DATA[type]),
    ])
  })

  it('keeps the domain field order and the schemas the same lists', () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      expect([...WEBHOOK_EVENT_FIELD_ORDER[type]]).toEqual(Object.keys(WEBHOOK_EVENT_DATA[type]))
    }
  })
})
