import type { WebhookDeliveryDetail, WebhookDeliveryPage } from '@partner-center/contracts'
import {
  isUuid,
  type WebhookDeliveryStatus,
  type WebhookEventRowType,
} from '@partner-center/domain'
import type { AppDeps } from '../deps'
import { AppError } from '../errors'
import {
  findDeliveryAttempts,
  findEndpointDelivery,
  findWebhookDeliveryPage,
} from '../persistence/webhook-deliveries-page'
import { toWebhookDeliveryDetail, toWebhookDeliveryItem } from '../presenters/webhook-delivery-item'
import type { ConfigurationOwner } from './configuration-owner'
import { requireOwnedWebhookEndpoint } from './owned-webhook-endpoint'

/** Options of {@link findWebhookDeliveries}: the endpoint, the page and the filters of R138. */
export interface FindWebhookDeliveriesOptions {
  owner: ConfigurationOwner
  id: string
  page: number
  pageSize: number
  status?: readonly WebhookDeliveryStatus[]
  eventType?: WebhookEventRowType
  eventId?: string
}

/** The event's uuid of an `eventId` filter: a uuid, or a `webhook-id` (`evt_{uuid}`); else null. */
function eventUuidOf(text: string): string | null {
  const id = text.startsWith('evt_') ? text.slice(4) : text
  return isUuid(id) ? id.toLowerCase() : null
}

/** The platform's log names each event's partner (S35); a partner's log does not. */
const showPartnerFor = (owner: ConfigurationOwner) => ({ showPartner: owner.partnerId === null })

/**
 * `GET …/webhook-endpoints/{id}/deliveries` (R138): the endpoint's deliveries newest first, by
 * status (one or more), event type and event id (a uuid or `evt_…`; any other text matches none).
 */
export async function findWebhookDeliveries(
  deps: AppDeps,
  options: FindWebhookDeliveriesOptions
): Promise<WebhookDeliveryPage> {
  const { endpoint } = await requireOwnedWebhookEndpoint(deps.db, options.owner, options.id)
  const page = { items: [], total: 0, page: options.page, pageSize: options.pageSize }
  const eventId = options.eventId ? eventUuidOf(options.eventId) : undefined
  if (eventId === null) return page
  const { rows, total } = await findWebhookDeliveryPage(deps.db, {
    endpointId: endpoint.id,
    statuses: options.status,
    eventType: options.eventType,
    eventId,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  })
  const show = showPartnerFor(options.owner)
  return { ...page, items: rows.map((row) => toWebhookDeliveryItem(row, show)), total }
}

/**
 * `GET …/deliveries/{deliveryId}` (R138): one delivery of the endpoint with every attempt and the
 * body sent; a delivery of another endpoint is `NOT_FOUND` (R2).
 */
export async function getWebhookDelivery(
  deps: AppDeps,
  options: { owner: ConfigurationOwner; id: string; deliveryId: string }
): Promise<WebhookDeliveryDetail> {
  const { endpoint } = await requireOwnedWebhookEndpoint(deps.db, options.owner, options.id)
  if (!isUuid(options.deliveryId)) throw AppError.of('NOT_FOUND')
  const row = await findEndpointDelivery(deps.db, {
    endpointId: endpoint.id,
    deliveryId: options.deliveryId,
  })
  if (!row) throw AppError.of('NOT_FOUND')
  const attempts = await findDeliveryAttempts(deps.db, row.delivery.id)
  return toWebhookDeliveryDetail(row, attempts, showPartnerFor(options.owner))
}
