import type { Database } from '@partner-center/db/portable'
import {
  partners,
  webhookAttempts,
  webhookDeliveries,
  webhookEvents,
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookDeliveryStatus,
  type WebhookEventRowType,
} from '@partner-center/db/schema'
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm'

// The delivery log of one endpoint (domain.md R138). The endpoint was found for its owner
// first, so every query here is scoped by `endpointId`: another endpoint's delivery is absent.

/** A delivery with what the log shows of its event, and the event's partner (platform log). */
export interface WebhookDeliveryWithEvent {
  delivery: WebhookDeliveryRow
  event: { id: string; type: WebhookEventRowType; occurredAt: Date; payload: string }
  partner: { id: string; name: string } | null
}

/** The filters of `GET …/deliveries`; `eventId` is a uuid already (a `webhook-id` unwrapped). */
export interface WebhookDeliveryFilter {
  endpointId: string
  statuses?: readonly WebhookDeliveryStatus[]
  eventType?: WebhookEventRowType
  eventId?: string
}

function filtered(filter: WebhookDeliveryFilter): SQL {
  return and(
    eq(webhookDeliveries.endpointId, filter.endpointId),
    filter.statuses && filter.statuses.length > 0
      ? inArray(webhookDeliveries.status, [...filter.statuses])
      : undefined,
    filter.eventType ? eq(webhookEvents.type, filter.eventType) : undefined,
    filter.eventId ? eq(webhookDeliveries.eventId, filter.eventId) : undefined
  )!
}

const SELECTION = {
  delivery: webhookDeliveries,
  event: {
    id: webhookEvents.id,
    type: webhookEvents.type,
    occurredAt: webhookEvents.occurredAt,
    payload: webhookEvents.payload,
  },
  partnerId: partners.id,
  partnerName: partners.name,
}

function withPartner(row: {
  delivery: WebhookDeliveryRow
  event: WebhookDeliveryWithEvent['event']
  partnerId: string | null
  partnerName: string | null
}): WebhookDeliveryWithEvent {
  const partner = row.partnerId === null ? null : { id: row.partnerId, name: row.partnerName ?? '' }
  return { delivery: row.delivery, event: row.event, partner }
}

/** One page of an endpoint's deliveries, newest first, and how many match. */
export async function findWebhookDeliveryPage(
  db: Database,
  filter: WebhookDeliveryFilter & { limit: number; offset: number }
): Promise<{ rows: WebhookDeliveryWithEvent[]; total: number }> {
  const where = filtered(filter)
  const rows = await db
    .select(SELECTION)
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .leftJoin(partners, eq(partners.id, webhookEvents.partnerId))
    .where(where)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(filter.limit)
    .offset(filter.offset)
  const [total] = await db
    .select({ n: count() })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(where)
  return { rows: rows.map(withPartner), total: total?.n ?? 0 }
}

/** The endpoint's delivery `deliveryId` with its event, locked for a Redeliver when asked. */
export async function findEndpointDelivery(
  db: Database,
  options: { endpointId: string; deliveryId: string; forUpdate?: boolean }
): Promise<WebhookDeliveryWithEvent | undefined> {
  const query = db
    .select(SELECTION)
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .leftJoin(partners, eq(partners.id, webhookEvents.partnerId))
    .where(
      and(
        eq(webhookDeliveries.id, options.deliveryId),
        eq(webhookDeliveries.endpointId, options.endpointId)
      )
    )
    .limit(1)
  const [row] = options.forUpdate
    ? await query.for('update', { of: webhookDeliveries })
    : await query
  return row && withPartner(row)
}

/** Every attempt of a delivery, in order. */
export async function findDeliveryAttempts(
  db: Database,
  deliveryId: string
): Promise<WebhookAttemptRow[]> {
  return db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, deliveryId))
    .orderBy(asc(webhookAttempts.number))
}
