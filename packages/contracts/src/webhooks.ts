import {
  DEFAULT_LIMITS,
  WEBHOOK_ATTEMPT_OUTCOMES,
  WEBHOOK_CANCEL_REASONS,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_DISABLED_REASONS,
  WEBHOOK_ENDPOINT_STATUSES,
  WEBHOOK_EVENT_ROW_TYPES,
  WEBHOOK_EVENT_TYPES,
} from '@partner-center/domain'
import { z } from './zod'
import { Instant, PageQuery, Uuid, pageOf } from './common'
import { commaList } from './preregistrations'

// Webhook endpoints, their secrets and delivery logs (domain.md §13.2.3, R126–R138). The signing
// secret appears only in `secret` of the creation's 201 and of a rotation's 200 (R128, R144).

/** One type of the event catalogue (§13.5). */
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES).meta({ id: 'WebhookEventType' })
/** The event types of an endpoint or a filter. */
export type WebhookEventTypeValue = z.infer<typeof WebhookEventTypeSchema>

/** §13.4.1: `ENABLED`, `DISABLED` (`DELETED` endpoints are never answered). */
export const WebhookEndpointStatusSchema = z
  .enum(WEBHOOK_ENDPOINT_STATUSES)
  .meta({ id: 'WebhookEndpointStatus' })

/** Why an endpoint is disabled: `USER` (W2) or `FAILING` (W4). */
export const WebhookDisabledReasonSchema = z
  .enum(WEBHOOK_DISABLED_REASONS)
  .meta({ id: 'WebhookDisabledReason' })

/** §13.4.2: the states of a delivery. */
export const WebhookDeliveryStatusSchema = z
  .enum(WEBHOOK_DELIVERY_STATUSES)
  .meta({ id: 'WebhookDeliveryStatus' })

/** How an attempt ended (§13.3.3, R131). */
export const WebhookAttemptOutcomeSchema = z
  .enum(WEBHOOK_ATTEMPT_OUTCOMES)
  .meta({ id: 'WebhookAttemptOutcome' })

/** Why a delivery was cancelled (D6). */
export const WebhookCancelReasonSchema = z
  .enum(WEBHOOK_CANCEL_REASONS)
  .meta({ id: 'WebhookCancelReason' })

// Strings, not the enum: the rule answers an unknown, repeated or test type with reason
// UNKNOWN_EVENT_TYPE (R126) rather than the schema's generic message.
const EventTypeList = z.array(z.string().max(64)).max(WEBHOOK_EVENT_TYPES.length * 2)

/**
 * `POST …/webhook-endpoints` body (R126). The URL, types and description are checked by the
 * rules after parsing: `VALIDATION_FAILED` → `WEBHOOK_URL_INVALID` → `WEBHOOK_URL_NOT_ALLOWED`.
 */
export const CreateWebhookEndpointRequest = z
  .strictObject({
    url: z.string().max(DEFAULT_LIMITS.WEBHOOK_URL_MAX * 4),
    eventTypes: EventTypeList,
    description: z
      .string()
      .max(DEFAULT_LIMITS.WEBHOOK_DESCRIPTION_MAX * 4)
      .optional(),
    /** Defaults to true; false creates the endpoint `DISABLED` (W1). */
    enabled: z.boolean().optional(),
  })
  .meta({ id: 'CreateWebhookEndpointRequest' })
export type CreateWebhookEndpointRequest = z.infer<typeof CreateWebhookEndpointRequest>

/** `PATCH …/webhook-endpoints/{id}` body: any non-empty subset (W5, then W2 or W3). */
export const UpdateWebhookEndpointRequest = z
  .strictObject({
    url: z
      .string()
      .max(DEFAULT_LIMITS.WEBHOOK_URL_MAX * 4)
      .optional(),
    eventTypes: EventTypeList.optional(),
    description: z
      .string()
      .max(DEFAULT_LIMITS.WEBHOOK_DESCRIPTION_MAX * 4)
      .optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field.' })
  .meta({ id: 'UpdateWebhookEndpointRequest' })
export type UpdateWebhookEndpointRequest = z.infer<typeof UpdateWebhookEndpointRequest>

/** `GET …/webhook-endpoints` query: the paging of R35. */
export const WebhookEndpointListQuery = z.strictObject({ ...PageQuery.shape })
/** The endpoints query as a client sends it. */
export interface WebhookEndpointListQueryInput {
  page?: number
  pageSize?: number
}

/** One endpoint as answered (R126): never its secret. */
export const WebhookEndpointItem = z
  .object({
    id: Uuid,
    /** The whole URL, query included: answered only to the endpoint's managers (R144). */
    url: z.string(),
    eventTypes: z.array(WebhookEventTypeSchema),
    description: z.string(),
    status: WebhookEndpointStatusSchema,
    disabledReason: WebhookDisabledReasonSchema.nullable(),
    disabledAt: Instant.nullable(),
    /** Set while non-test attempts fail: the "Failing since" badge (R134). */
    failingSince: Instant.nullable(),
    /** "Last Delivery": the last 2xx of a non-test attempt. */
    lastDeliveredAt: Instant.nullable(),
    secretRotatedAt: Instant.nullable(),
    /** Until then the previous secret still signs (R129); null outside a rotation's window. */
    previousSecretExpiresAt: Instant.nullable(),
    createdBy: z.object({ id: Uuid, displayName: z.string() }),
    createdAt: Instant,
  })
  .meta({ id: 'WebhookEndpointItem' })
export type WebhookEndpointItem = z.infer<typeof WebhookEndpointItem>

/** A page of endpoints, newest first. */
export const WebhookEndpointPage = pageOf(WebhookEndpointItem).meta({ id: 'WebhookEndpointPage' })
export type WebhookEndpointPage = z.infer<typeof WebhookEndpointPage>

/**
 * The 201 of `POST …/webhook-endpoints`: the endpoint and its signing secret (`whsec_` + 44
 * base64 characters), answered this once with `Cache-Control: no-store` (R128).
 */
export const CreatedWebhookEndpoint = z
  .object({ ...WebhookEndpointItem.shape, secret: z.string() })
  .meta({ id: 'CreatedWebhookEndpoint' })
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpoint>

/** The 200 of `POST …/rotate-secret` (W6, R129): the new secret, shown once. */
export const RotatedWebhookSecret = z
  .object({ secret: z.string(), previousSecretExpiresAt: Instant })
  .meta({ id: 'RotatedWebhookSecret' })
export type RotatedWebhookSecret = z.infer<typeof RotatedWebhookSecret>

/** The 202 of `POST …/test` (R137): the test event and its one delivery, to poll. */
export const WebhookTestEventAnswer = z
  .object({ eventId: Uuid, deliveryId: Uuid })
  .meta({ id: 'WebhookTestEventAnswer' })
export type WebhookTestEventAnswer = z.infer<typeof WebhookTestEventAnswer>

/** `GET …/deliveries` query (R138). `eventId` takes a uuid or a `webhook-id` (`evt_…`). */
export const WebhookDeliveryListQuery = z.strictObject({
  ...PageQuery.shape,
  status: commaList(WebhookDeliveryStatusSchema).optional(),
  eventType: z.enum(WEBHOOK_EVENT_ROW_TYPES).optional(),
  eventId: z.string().trim().max(64).optional(),
})
/** The deliveries query as a client sends it (a comma-separated status list). */
export interface WebhookDeliveryListQueryInput {
  page?: number
  pageSize?: number
  status?: string
  eventType?: string
  eventId?: string
}

/** One delivery as listed (R138). */
export const WebhookDeliveryItem = z
  .object({
    id: Uuid,
    /** `evt_{eventId}`: the header on every attempt. */
    webhookId: z.string(),
    eventId: Uuid,
    eventType: z.string(),
    occurredAt: Instant,
    /** The event's partner: on the platform's log only (S35), null on a partner's. */
    partner: z.object({ id: Uuid, name: z.string() }).nullable(),
    status: WebhookDeliveryStatusSchema,
    attempts: z.number().int(),
    lastAttemptAt: Instant.nullable(),
    lastOutcome: WebhookAttemptOutcomeSchema.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastDurationMs: z.number().int().nullable(),
    /** When the next attempt is due, while `PENDING`. */
    runAfter: Instant.nullable(),
    deliveredAt: Instant.nullable(),
    cancelReason: WebhookCancelReasonSchema.nullable(),
    isTest: z.boolean(),
    createdAt: Instant,
  })
  .meta({ id: 'WebhookDeliveryItem' })
export type WebhookDeliveryItem = z.infer<typeof WebhookDeliveryItem>

/** A page of deliveries, newest first. */
export const WebhookDeliveryPage = pageOf(WebhookDeliveryItem).meta({ id: 'WebhookDeliveryPage' })
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>

/** One attempt of a delivery (§13.3.3): no signature or secret is ever stored. */
export const WebhookAttemptItem = z
  .object({
    number: z.number().int(),
    startedAt: Instant,
    webhookTimestamp: z.number().int(),
    durationMs: z.number().int(),
    outcome: WebhookAttemptOutcomeSchema,
    statusCode: z.number().int().nullable(),
    /** The address connected to; null when none was (a refused address is never shown). */
    remoteAddress: z.string().nullable(),
    /** At most the first 1,024 bytes of the response body, as text (R131). */
    responseExcerpt: z.string().nullable(),
  })
  .meta({ id: 'WebhookAttemptItem' })
export type WebhookAttemptItem = z.infer<typeof WebhookAttemptItem>

/** `GET …/deliveries/{deliveryId}`: the item, every attempt and the body sent (R138). */
export const WebhookDeliveryDetail = z
  .object({
    ...WebhookDeliveryItem.shape,
    attempts: z.number().int(),
    attemptList: z.array(WebhookAttemptItem),
    /** The exact bytes every attempt sends, masked already (R125). */
    body: z.string(),
  })
  .meta({ id: 'WebhookDeliveryDetail' })
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetail>
