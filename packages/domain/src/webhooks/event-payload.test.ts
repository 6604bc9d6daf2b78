import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '../core/limits'
import { WEBHOOK_EVENT_FIELD_ORDER, type WebhookEventFieldsByType } from './event-fields'
import {
  buildWebhookEventPayload,
  webhookPayloadBytes,
  type WebhookEventInput,
} from './event-payload'
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './event-types'

const AT = new Date('2026-12-06T21:30:00Z')
const ID = '0b8f6f8e-4f1c-4d4e-9a43-1f0d6a3c2b11'

const COMMON = {
  occurredAt: AT,
  partnerId: ID,
  entity: { type: 'invitation', id: ID, version: 3 },
  actor: { type: 'system', id: null },
  preregistrationId: ID,
  invitationId: ID,
  associationId: null,
  externalRef: 'CRM-00042',
  customer: { name: 'Alpha Robotics', email: 'new.alpha@customer.example', mobile: null },
} as const

describe('buildWebhookEventPayload (R125)', () => {
  it('writes the catalogue example byte for byte', () => {
    const body = buildWebhookEventPayload({
      ...COMMON,
      type: 'invitation.sent',
      fields: { sentAt: AT, expiresAt: new Date('2026-12-13T21:30:00Z'), attemptCount: 1 },
    })
    expect(body).toBe(
      `{"type":"invitation.sent","timestamp":"2026-12-06T21:30:00.000Z","data":{"occurredAt":"2026-12-06T21:30:00.000Z","partnerId":"${ID}","entity":{"type":"invitation","id":"${ID}","version":3},"actor":{"type":"system","id":null},"preregistrationId":"${ID}","invitationId":"${ID}","associationId":null,"externalRef":"CRM-00042","customer":{"name":"A***","email":"n***@customer.example","mobile":null},"sentAt":"2026-12-06T21:30:00.000Z","expiresAt":"2026-12-13T21:30:00.000Z","attemptCount":1}}`
    )
  })

  it('masks the customer and the account name, and drops the id of an anonymous actor', () => {
    const body = buildWebhookEventPayload({
      ...COMMON,
      type: 'association.created',
      actor: { type: 'customer', id: ID },
      customer: { name: '阿尔法科技', email: 'x.y@customer.example', mobile: '+8613800000010' },
      fields: { ...associationFields(), accountName: 'Secret Account Name' },
    })
    const data = (JSON.parse(body) as { data: Record<string, unknown> }).data
    expect(data.actor).toEqual({ type: 'customer', id: null })
    expect(data.customer).toEqual({
      name: '阿***',
      email: 'x***@customer.example',
      mobile: '+86 ****0010',
    })
    expect(data.accountName).toBe('S***')
    expect(body).not.toContain('Secret')
    expect(body).not.toContain('13800000010')
  })

  it('keeps a partner user actor id', () => {
    const body = buildWebhookEventPayload({
      ...COMMON,
      type: 'invitation.expired',
      actor: { type: 'partner_user', id: ID },
      fields: { previousStatus: 'SENT', expiredAt: AT },
    })
    expect(JSON.parse(body)).toMatchObject({ data: { actor: { type: 'partner_user', id: ID } } })
  })

  it('orders the fields of every type as the catalogue, after the common ones', () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      const data = (JSON.parse(buildWebhookEventPayload(largestInput(type))) as { data: object })
        .data
      expect(Object.keys(data)).toEqual([
        'occurredAt',
        'partnerId',
        'entity',
        'actor',
        'preregistrationId',
        'invitationId',
        'associationId',
        'externalRef',
        'customer',
        ...WEBHOOK_EVENT_FIELD_ORDER[type],
      ])
    }
  })

  it('stays far below the payload limit with every field at its largest', () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      const bytes = webhookPayloadBytes(buildWebhookEventPayload(largestInput(type)))
      expect(bytes).toBeLessThan(DEFAULT_LIMITS.WEBHOOK_PAYLOAD_MAX_BYTES / 2)
    }
  })
})

// A 4-byte character (UTF-8) repeated, and one grapheme made of a letter and combining marks.
const WIDE = '𝔸'
const LONG_GRAPHEME = `a${'\u0301'.repeat(500)}`
const LARGEST_TEXT = WIDE.repeat(1000)

function largestInput<T extends WebhookEventType>(type: T): WebhookEventInput<T> {
  return {
    ...COMMON,
    type,
    actor: { type: 'partner_user', id: ID },
    associationId: ID,
    externalRef: WIDE.repeat(DEFAULT_LIMITS.EXTERNAL_REF_MAX),
    customer: {
      name: `${LONG_GRAPHEME}${'x'.repeat(DEFAULT_LIMITS.CUSTOMER_NAME_MAX)}`,
      email: `${LONG_GRAPHEME}@${'d'.repeat(250)}.example`,
      mobile: `+${'9'.repeat(15)}`,
    },
    fields: largestFields(type),
  }
}

// Every field at its largest: codes and statuses are short, a tag is at most 32 code points (four
// bytes each here), and the account name is given 1,000 four-byte characters (it is masked).
function largestFields<T extends WebhookEventType>(type: T): WebhookEventFieldsByType[T] {
  const all = {
    status: 'PENDING_REVIEW',
    reviewReason: 'ACCOUNT_TOO_OLD_OR_HAS_SPEND',
    validUntil: AT,
    reviewDeadline: AT,
    locale: 'zh-CN',
    previousStatus: 'PENDING_REVIEW',
    revokedInvitationId: ID,
    decision: 'APPROVED',
    expiredAt: AT,
    closedReason: 'IDENTITY_MERGED',
    batchId: ID,
    batchKind: 'RESEND',
    supersededInvitationId: ID,
    sentAt: AT,
    expiresAt: AT,
    attemptCount: 2_147_483_647,
    failureCode: 'CUSTOMER_ALREADY_ASSOCIATED_WITH_OTHER_PARTNER',
    lastAttemptAt: AT,
    reminderSentAt: AT,
    renewalRequestedAt: AT,
    reason: 'CUSTOMER_ALREADY_ASSOCIATED_WITH_OTHER_PARTNER',
    acceptedAt: AT,
    channel: 'general_link',
    ...associationFields(),
    accountName: `${LONG_GRAPHEME}${LARGEST_TEXT}`,
    linkTag: WIDE.repeat(DEFAULT_LIMITS.LINK_TAG_MAX),
    failedAt: AT,
  }
  return Object.fromEntries(
    WEBHOOK_EVENT_FIELD_ORDER[type].map((key) => [key, all[key as keyof typeof all]])
  ) as WebhookEventFieldsByType[T]
}

function associationFields(): WebhookEventFieldsByType['association.created'] {
  return {
    associationType: 'reseller',
    payer: 'PARTNER',
    source: 'custom_link',
    linkId: ID,
    linkTag: 'fair-2026',
    preregistrationCreated: true,
    customerAccountId: ID,
    accountName: 'Alpha Robotics',
    frozenPendingBudget: true,
    associatedAt: AT,
  }
}
