import type { WebhookEndpointRow } from '@partner-center/db/schema'
import { redactWebhookUrl, type AuditAction } from '@partner-center/domain'
import type { AuditEntry } from '../persistence/audit'
import type { ConfigurationOwner } from './configuration-owner'

type EndpointAction = Extract<AuditAction, `webhook_endpoint.${string}`>

/** What every webhook audit says of its endpoint: the URL as origin and path (R144), the types. */
function endpointFacts(endpoint: WebhookEndpointRow) {
  return { url: redactWebhookUrl(endpoint.url), eventTypes: endpoint.eventTypes }
}

/**
 * The audit event of a W-transition or a test event (R146), by the endpoint's manager: the URL
 * as origin and path, the event types and the details given; never a secret.
 *
 * @example
 * endpointAuditEntry(owner, 'webhook_endpoint.disabled', row, { reason: 'USER' }).details
 * // { url: 'https://crm.example.com/in?…', eventTypes: [...], reason: 'USER' }
 */
export function endpointAuditEntry(
  owner: ConfigurationOwner,
  action: EndpointAction,
  endpoint: WebhookEndpointRow,
  details: Record<string, unknown> = {}
): AuditEntry {
  return {
    action,
    actorType: owner.actorType,
    actorId: owner.userId,
    partnerId: owner.partnerId,
    entityType: 'webhook_endpoint',
    entityId: endpoint.id,
    details: { ...endpointFacts(endpoint), ...details },
  }
}

/**
 * The audit event of a Redeliver (R146, D7): the delivery, its endpoint and the state it left.
 *
 * @example
 * redeliveryAuditEntry(owner, endpoint, { deliveryId, eventId, previousStatus: 'FAILED' }).action
 * // 'webhook_delivery.redelivered'
 */
export function redeliveryAuditEntry(
  owner: ConfigurationOwner,
  endpoint: WebhookEndpointRow,
  delivery: { deliveryId: string; eventId: string; previousStatus: string }
): AuditEntry {
  return {
    action: 'webhook_delivery.redelivered',
    actorType: owner.actorType,
    actorId: owner.userId,
    partnerId: owner.partnerId,
    entityType: 'webhook_delivery',
    entityId: delivery.deliveryId,
    details: { endpointId: endpoint.id, ...endpointFacts(endpoint), ...delivery },
  }
}
