import type { AuditActorType } from '../core/audit'
import { maskEmail, maskMobile, maskName } from '../masking/masking'
import {
  WEBHOOK_EVENT_FIELD_ORDER,
  type WebhookEventFields,
  type WebhookEventFieldsByType,
} from './event-fields'
import type { WebhookEventType } from './event-types'
import type { WebhookEntityType } from './webhook-values'

// The body of an event (domain.md R125): built once when the event is written, stored, and sent
// as these bytes by every attempt. Customer values enter unmasked and leave masked (M1–M3), so
// no writer can put a clear value into a payload.

/** The customer values of the change as stored (unmasked); the builder masks them. */
export interface WebhookCustomerValues {
  name: string | null
  email: string | null
  mobile: string | null
}

/** Everything one event's body holds, before serialisation. */
export interface WebhookEventInput<T extends WebhookEventType> {
  type: T
  /** The `now` of the writing transaction (R5). */
  occurredAt: Date
  partnerId: string
  entity: { type: WebhookEntityType; id: string; version: number }
  /** The audit actor of the change (§3.9); `id` null for customers, link holders and the system. */
  actor: { type: AuditActorType; id: string | null }
  preregistrationId: string | null
  invitationId: string | null
  associationId: string | null
  externalRef: string | null
  customer: WebhookCustomerValues
  fields: WebhookEventFields<T>
}

// Actors whose id is never carried (R125): the customer is not the partner's to identify.
const ANONYMOUS_ACTORS: readonly AuditActorType[] = ['customer', 'link_holder', 'system']

/**
 * The body of one event (R125): minified JSON with `type`, `timestamp` and `data`, the common
 * fields first in their order, then the type's fields in catalogue order (§13.5); instants as
 * ISO-8601 UTC with milliseconds, customer values and the account name masked (M1–M3). Every
 * field is bounded (names, emails and tags by their limits, a masked value by its first
 * grapheme), so a body stays far below `WEBHOOK_PAYLOAD_MAX_BYTES` and nothing is cut; the
 * table's check constraint is the last guard.
 *
 * @example
 * buildWebhookEventPayload({ type: 'invitation.expired', occurredAt, partnerId, entity, actor, preregistrationId, invitationId, associationId: null, externalRef: null, customer, fields: { previousStatus: 'SENT', expiredAt } })
 * // '{"type":"invitation.expired","timestamp":"2026-12-06T21:30:00.000Z","data":{…}}'
 */
export function buildWebhookEventPayload<T extends WebhookEventType>(
  input: WebhookEventInput<T>
): string {
  const occurredAt = input.occurredAt.toISOString()
  const data: Record<string, unknown> = {
    occurredAt,
    partnerId: input.partnerId,
    entity: { type: input.entity.type, id: input.entity.id, version: input.entity.version },
    actor: {
      type: input.actor.type,
      id: ANONYMOUS_ACTORS.includes(input.actor.type) ? null : input.actor.id,
    },
    preregistrationId: input.preregistrationId,
    invitationId: input.invitationId,
    associationId: input.associationId,
    externalRef: input.externalRef,
    customer: {
      name: maskName(input.customer.name),
      email: maskEmail(input.customer.email),
      mobile: maskMobile(input.customer.mobile),
    },
    ...typeFields(input.type, input.fields),
  }
  return JSON.stringify({ type: input.type, timestamp: occurredAt, data })
}

/**
 * The size of a body in UTF-8 bytes, the measure of `WEBHOOK_PAYLOAD_MAX_BYTES`.
 *
 * @example
 * webhookPayloadBytes('{"a":"é"}') // 10
 */
export function webhookPayloadBytes(payload: string): number {
  return new TextEncoder().encode(payload).byteLength
}

function typeFields<T extends WebhookEventType>(
  type: T,
  fields: WebhookEventFields<T>
): Record<string, unknown> {
  const order = WEBHOOK_EVENT_FIELD_ORDER[type] as readonly (keyof WebhookEventFieldsByType[T])[]
  const out: Record<string, unknown> = {}
  for (const key of order) {
    const value: unknown = fields[key]
    out[key as string] = key === 'accountName' ? maskName(value as string | null) : jsonValue(value)
  }
  return out
}

function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  return value ?? null
}
