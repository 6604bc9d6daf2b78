import {
  BATCH_KINDS,
  REVIEW_OUTCOMES,
  WEBHOOK_ENTITY_TYPES,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from '@partner-center/domain'
import { z } from './zod'
import { Instant, Uuid } from './common'

// The bodies of webhook requests (domain.md R125, §13.5): what a receiver parses after verifying
// the signature. Fields are listed in the order the body carries them.

const Nullable = <T extends z.ZodType>(schema: T) => schema.nullable()

/** The masked customer values of an event (M1–M3): never an unmasked value. */
export const WebhookCustomer = z
  .object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    mobile: z.string().nullable(),
  })
  .meta({ id: 'WebhookCustomer' })

/** The fields every event's `data` starts with (R125), in this order. */
export const WebhookEventCommonData = z.object({
  occurredAt: Instant,
  partnerId: Uuid,
  /** Order the events of one entity by `version`; delivery is unordered (R133). */
  entity: z.object({ type: z.enum(WEBHOOK_ENTITY_TYPES), id: Uuid, version: z.number().int() }),
  /** The audit actor of the change (§3.9); `id` null for customers, link holders and the system. */
  actor: z.object({ type: z.string(), id: Uuid.nullable() }),
  preregistrationId: Uuid.nullable(),
  invitationId: Uuid.nullable(),
  associationId: Uuid.nullable(),
  /** The partner's own identifier of the customer, set at pre-registration (R122). */
  externalRef: z.string().nullable(),
  customer: WebhookCustomer,
})

/** The fields each type adds after the common ones (§13.5), in body order. */
export const WEBHOOK_EVENT_DATA = {
  'preregistration.created': {
    status: z.string(),
    reviewReason: Nullable(z.string()),
    validUntil: Nullable(Instant),
    reviewDeadline: Nullable(Instant),
    locale: z.string(),
  },
  'preregistration.deleted': {
    previousStatus: z.string(),
    revokedInvitationId: Nullable(Uuid),
  },
  'preregistration.review_decided': {
    decision: z.enum(REVIEW_OUTCOMES),
    status: z.string(),
    reviewReason: Nullable(z.string()),
    validUntil: Nullable(Instant),
  },
  'preregistration.expired': {
    previousStatus: z.string(),
    expiredAt: Instant,
    closedReason: Nullable(z.string()),
  },
  'invitation.queued': {
    batchId: Uuid,
    batchKind: z.enum(BATCH_KINDS),
    associationType: z.string(),
    locale: z.string(),
    supersededInvitationId: Nullable(Uuid),
  },
  'invitation.sent': { sentAt: Instant, expiresAt: Instant, attemptCount: z.number().int() },
  'invitation.failed_to_send': {
    failureCode: z.string(),
    attemptCount: z.number().int(),
    lastAttemptAt: Nullable(Instant),
  },
  'invitation.reminder_sent': { reminderSentAt: Instant, expiresAt: Instant },
  'invitation.expired': { previousStatus: z.string(), expiredAt: Instant },
  'invitation.renewal_requested': { renewalRequestedAt: Instant, reason: z.string() },
  'invitation.accepted': {
    acceptedAt: Instant,
    channel: z.string(),
    linkId: Nullable(Uuid),
    linkTag: Nullable(z.string()),
  },
  'association.created': {
    associationType: z.string(),
    payer: z.string(),
    source: z.string(),
    linkId: Nullable(Uuid),
    linkTag: Nullable(z.string()),
    preregistrationCreated: z.boolean(),
    customerAccountId: Uuid,
    accountName: Nullable(z.string()),
    frozenPendingBudget: z.boolean(),
    associatedAt: Instant,
  },
  'association.failed': {
    failureCode: z.string(),
    failedAt: Instant,
    associationType: z.string(),
    source: z.string(),
    linkId: Nullable(Uuid),
    linkTag: Nullable(z.string()),
  },
} as const satisfies Record<WebhookEventType, z.ZodRawShape>

function bodyOf<T extends WebhookEventType>(type: T) {
  return z
    .object({
      type: z.literal(type),
      /** = `data.occurredAt`, ISO-8601 UTC with milliseconds. */
      timestamp: Instant,
      data: z.object({ ...WebhookEventCommonData.shape, ...WEBHOOK_EVENT_DATA[type] }),
    })
    .meta({ id: `WebhookEvent_${type.replace('.', '_')}` })
}

/**
 * The body schema of each event type (R125), for receivers and the OpenAPI `webhooks`.
 *
 * @example
 * WEBHOOK_EVENT_BODIES['invitation.sent'].parse(JSON.parse(body))
 */
export const WEBHOOK_EVENT_BODIES = Object.fromEntries(
  WEBHOOK_EVENT_TYPES.map((type) => [type, bodyOf(type)])
) as { [T in WebhookEventType]: ReturnType<typeof bodyOf<T>> }

/** The body of a test event (R137): sent to one endpoint, never retried. */
export const WebhookTestEventBody = z
  .object({
    type: z.literal('webhook.test'),
    timestamp: Instant,
    data: z.object({
      occurredAt: Instant,
      partnerId: Uuid.nullable(),
      endpointId: Uuid,
      test: z.literal(true),
    }),
  })
  .meta({ id: 'WebhookEvent_webhook_test' })
export type WebhookTestEventBody = z.infer<typeof WebhookTestEventBody>
