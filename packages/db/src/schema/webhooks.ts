import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { partners } from './partners'
import { users } from './users'
import {
  WEBHOOK_ATTEMPT_OUTCOMES,
  WEBHOOK_CANCEL_REASONS,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_DISABLED_REASONS,
  WEBHOOK_ENDPOINT_STATUSES,
  WEBHOOK_ENTITY_TYPES,
  type WebhookAttemptOutcome,
  type WebhookCancelReason,
  type WebhookDeliveryStatus,
  type WebhookDisabledReason,
  type WebhookEndpointStatus,
  type WebhookEntityType,
  type WebhookEventRowType,
  type WebhookEventType,
} from './values'

/**
 * Receivers of events (domain.md §13.3.1): a partner's (`partnerId` set) or the platform's
 * (`partnerId` null). The signing secret is stored only sealed (AES-256-GCM, R128), with the
 * previous one during a rotation's overlap (R129).
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuidPrimaryKey(),
    partnerId: uuid('partner_id').references(() => partners.id),
    url: text('url').notNull(),
    eventTypes: text('event_types').array().$type<WebhookEventType[]>().notNull(),
    description: text('description').notNull().default(''),
    status: text('status').$type<WebhookEndpointStatus>().notNull(),
    disabledReason: text('disabled_reason').$type<WebhookDisabledReason>(),
    disabledAt: timestamptz('disabled_at'),
    disabledByUserId: uuid('disabled_by_user_id').references(() => users.id),
    secretCiphertext: text('secret_ciphertext').notNull(),
    secretKeyId: text('secret_key_id').notNull(),
    previousSecretCiphertext: text('previous_secret_ciphertext'),
    previousSecretKeyId: text('previous_secret_key_id'),
    previousSecretExpiresAt: timestamptz('previous_secret_expires_at'),
    secretRotatedAt: timestamptz('secret_rotated_at'),
    failingSince: timestamptz('failing_since'),
    lastDeliveredAt: timestamptz('last_delivered_at'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    deletedAt: timestamptz('deleted_at'),
  },
  (t) => [
    // The list, newest first, the count under the partner's lock (R126) and the fan-out's
    // endpoints of one partner (R127).
    index('webhook_endpoints_partner_created_idx').on(t.partnerId, t.createdAt),
    check('webhook_endpoints_status_check', inList(t.status, WEBHOOK_ENDPOINT_STATUSES)),
    check(
      'webhook_endpoints_disabled_reason_check',
      sql`(${t.status} = 'DISABLED') = (${t.disabledReason} is not null) and (${t.disabledReason} is null or ${inList(t.disabledReason, WEBHOOK_DISABLED_REASONS)})`
    ),
    check(
      'webhook_endpoints_deleted_check',
      sql`(${t.status} = 'DELETED') = (${t.deletedAt} is not null)`
    ),
    check(
      'webhook_endpoints_event_types_check',
      sql`cardinality(${t.eventTypes}) between 1 and 13`
    ),
    check('webhook_endpoints_url_check', sql`char_length(${t.url}) between 1 and 2048`),
    check('webhook_endpoints_description_check', sql`char_length(${t.description}) <= 200`),
  ]
)

/**
 * The webhooks' transactional outbox (§13.3.2): one row per change of §13.5, written by the
 * transaction of the change; `payload` holds the exact body every attempt sends (R125).
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuidPrimaryKey(),
    type: text('type').$type<WebhookEventRowType>().notNull(),
    partnerId: uuid('partner_id').references(() => partners.id),
    entityType: text('entity_type').$type<WebhookEntityType>(),
    entityId: uuid('entity_id'),
    entityVersion: integer('entity_version'),
    occurredAt: timestamptz('occurred_at').notNull(),
    payload: text('payload').notNull(),
    targetEndpointId: uuid('target_endpoint_id').references(() => webhookEndpoints.id, {
      onDelete: 'cascade',
    }),
    fannedOutAt: timestamptz('fanned_out_at'),
  },
  (t) => [
    // The fan-out claim reads only the rows not fanned out yet (E1).
    index('webhook_events_unfanned_idx')
      .on(t.occurredAt)
      .where(sql`${t.fannedOutAt} is null`),
    // Retention (R145). Events are written in `occurredAt` order and never updated there, so a
    // BRIN index serves the sweep at a fraction of a B-tree's cost per insert (a batch invite
    // writes a hundred events, bench/api-invite.mjs). No index on the entity: nothing in the
    // product reads events by entity, and every index is paid for on the change's request.
    index('webhook_events_occurred_idx').using('brin', t.occurredAt),
    check(
      'webhook_events_entity_check',
      sql`(${t.type} = 'webhook.test') = (${t.entityType} is null) and (${t.entityType} is null) = (${t.entityId} is null) and (${t.entityId} is null) = (${t.entityVersion} is null) and (${t.entityType} is null or ${inList(t.entityType, WEBHOOK_ENTITY_TYPES)})`
    ),
    // Only a test event has a target; only a platform endpoint's test event lacks a partner.
    check(
      'webhook_events_target_check',
      sql`(${t.type} = 'webhook.test') = (${t.targetEndpointId} is not null) and (${t.partnerId} is not null or ${t.type} = 'webhook.test')`
    ),
    check('webhook_events_payload_size_check', sql`octet_length(${t.payload}) <= 20480`),
  ]
)

/**
 * One event for one endpoint (§13.3.3), with its claim and retry state. The check constraint
 * makes "a partner endpoint never receives another partner's event" a database guarantee (R127).
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuidPrimaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventPartnerId: uuid('event_partner_id'),
    endpointPartnerId: uuid('endpoint_partner_id'),
    isTest: boolean('is_test').notNull().default(false),
    status: text('status').$type<WebhookDeliveryStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    runAfter: timestamptz('run_after').notNull(),
    lockedUntil: timestamptz('locked_until'),
    windowStartsAt: timestamptz('window_starts_at').notNull(),
    lastAttemptAt: timestamptz('last_attempt_at'),
    lastOutcome: text('last_outcome').$type<WebhookAttemptOutcome>(),
    lastStatusCode: integer('last_status_code'),
    lastDurationMs: integer('last_duration_ms'),
    deliveredAt: timestamptz('delivered_at'),
    cancelReason: text('cancel_reason').$type<WebhookCancelReason>(),
    createdAt: timestamptz('created_at').notNull(),
    redeliveredAt: timestamptz('redelivered_at'),
  },
  (t) => [
    unique(UNIQUE_CONSTRAINTS.webhookDeliveryEventEndpoint).on(t.eventId, t.endpointId),
    // The claim (D2): due PENDING rows and SENDING rows whose lease lapsed.
    index('webhook_deliveries_due_idx')
      .on(t.runAfter)
      .where(sql`${t.status} in ('PENDING', 'SENDING')`),
    // The delivery log of one endpoint, newest first (R138).
    index('webhook_deliveries_endpoint_created_idx').on(t.endpointId, t.createdAt),
    check('webhook_deliveries_status_check', inList(t.status, WEBHOOK_DELIVERY_STATUSES)),
    check(
      'webhook_deliveries_scope_check',
      sql`${t.endpointPartnerId} is null or ${t.endpointPartnerId} = ${t.eventPartnerId}`
    ),
    check(
      'webhook_deliveries_cancel_check',
      sql`(${t.status} = 'CANCELLED') = (${t.cancelReason} is not null) and (${t.cancelReason} is null or ${inList(t.cancelReason, WEBHOOK_CANCEL_REASONS)})`
    ),
    check(
      'webhook_deliveries_last_outcome_check',
      sql`${t.lastOutcome} is null or ${inList(t.lastOutcome, WEBHOOK_ATTEMPT_OUTCOMES)}`
    ),
  ]
)

/** One signed POST of a delivery (§13.3.3): no signature, secret or header of ours. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuidPrimaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    startedAt: timestamptz('started_at').notNull(),
    webhookTimestamp: integer('webhook_timestamp').notNull(),
    durationMs: integer('duration_ms').notNull(),
    outcome: text('outcome').$type<WebhookAttemptOutcome>().notNull(),
    statusCode: integer('status_code'),
    remoteAddress: text('remote_address'),
    responseExcerpt: text('response_excerpt'),
  },
  (t) => [
    index('webhook_attempts_delivery_idx').on(t.deliveryId, t.number),
    check('webhook_attempts_outcome_check', inList(t.outcome, WEBHOOK_ATTEMPT_OUTCOMES)),
    check(
      'webhook_attempts_status_code_check',
      sql`(${t.outcome} = 'HTTP') = (${t.statusCode} is not null)`
    ),
  ]
)

/** A row of {@link webhookEndpoints} as read. */
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect
/** A row of {@link webhookEvents} as read. */
export type WebhookEventRow = typeof webhookEvents.$inferSelect
/** A row of {@link webhookEvents} as inserted. */
export type NewWebhookEventRow = typeof webhookEvents.$inferInsert
/** A row of {@link webhookDeliveries} as read. */
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect
/** A row of {@link webhookAttempts} as read. */
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect
