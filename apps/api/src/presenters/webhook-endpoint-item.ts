import type { WebhookEndpointItem } from '@partner-center/contracts'
import type { WebhookEndpointWithCreator } from '../persistence/webhook-endpoints'
import { isoTimestamp, isoTimestampOrNull } from './iso-timestamp'

/**
 * An endpoint as its managers see it (R126): the whole URL, never a secret or ciphertext (R144).
 * `DELETED` endpoints are never answered, so the status is one of the two live ones.
 *
 * @example
 * toWebhookEndpointItem({ endpoint: row, creatorName: 'Alice Admin' }).status // 'ENABLED'
 */
export function toWebhookEndpointItem({
  endpoint,
  creatorName,
}: WebhookEndpointWithCreator): WebhookEndpointItem {
  return {
    id: endpoint.id,
    url: endpoint.url,
    eventTypes: [...endpoint.eventTypes],
    description: endpoint.description,
    status: endpoint.status,
    disabledReason: endpoint.disabledReason,
    disabledAt: isoTimestampOrNull(endpoint.disabledAt),
    failingSince: isoTimestampOrNull(endpoint.failingSince),
    lastDeliveredAt: isoTimestampOrNull(endpoint.lastDeliveredAt),
    secretRotatedAt: isoTimestampOrNull(endpoint.secretRotatedAt),
    previousSecretExpiresAt: isoTimestampOrNull(endpoint.previousSecretExpiresAt),
    createdBy: { id: endpoint.createdByUserId, displayName: creatorName },
    createdAt: isoTimestamp(endpoint.createdAt),
  }
}
