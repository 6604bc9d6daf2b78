import type { WebhookDeliveryItem } from '@partner-center/contracts'
import { webhookDeliveries, type WebhookDeliveryRow } from '@partner-center/db/schema'
import { isUuid, redeliverAction, requireEnabledEndpoint } from '@partner-center/domain'
import { eq } from 'drizzle-orm'
import type { AppDeps, RequestMeta } from '../deps'
import { AppError, toAppError } from '../errors'
import { recordAudits } from '../persistence/audit'
import { findEndpointDelivery } from '../persistence/webhook-deliveries-page'
import { toWebhookDeliveryItem } from '../presenters/webhook-delivery-item'
import { redeliveryAuditEntry } from './webhook-endpoint-audit'
import type { ConfigurationOwner } from './configuration-owner'
import { requireOwnedWebhookEndpoint } from './owned-webhook-endpoint'

/** D7's new values at `now`: `PENDING` in a fresh window, the same event and body (R138). */
function restarted(now: Date): Partial<WebhookDeliveryRow> {
  return {
    status: 'PENDING',
    runAfter: now,
    windowStartsAt: now,
    redeliveredAt: now,
    lockedUntil: null,
    deliveredAt: null,
    cancelReason: null,
  }
}

/**
 * `POST …/deliveries/{deliveryId}/redeliver` (R138): on the owner's `ENABLED` endpoint (else
 * `WEBHOOK_ENDPOINT_DISABLED`), a `DELIVERED`, `FAILED` or `CANCELLED` delivery is D7 (`PENDING`,
 * a fresh window, `redeliveredAt`; audited `webhook_delivery.redelivered`), a `PENDING` one is
 * due now (audited too), a `SENDING` one is left as it is. `attempts` counts on across
 * Redelivers. Answers the item (202).
 */
export async function redeliverWebhookDelivery(
  deps: AppDeps,
  options: RequestMeta & { owner: ConfigurationOwner; id: string; deliveryId: string }
): Promise<WebhookDeliveryItem> {
  const { owner } = options
  if (!isUuid(options.deliveryId)) throw AppError.of('NOT_FOUND')
  const now = deps.clock.now()
  const row = await deps.db.transaction(async (tx) => {
    const current = await requireOwnedWebhookEndpoint(tx, owner, options.id, 'share')
    const found = await findEndpointDelivery(tx, {
      endpointId: current.endpoint.id,
      deliveryId: options.deliveryId,
      forUpdate: true,
    })
    if (!found) throw AppError.of('NOT_FOUND')
    const enabled = requireEnabledEndpoint(current.endpoint.status)
    if (!enabled.ok) throw toAppError(enabled.error)
    const action = redeliverAction(found.delivery.status)
    if (action === null) return found
    const [delivery] = await tx
      .update(webhookDeliveries)
      .set(action === 'restart' ? restarted(now) : { runAfter: now })
      .where(eq(webhookDeliveries.id, found.delivery.id))
      .returning()
    if (!delivery) throw new Error('webhook delivery: redeliver returned no row')
    const entries = [
      redeliveryAuditEntry(owner, current.endpoint, {
        deliveryId: delivery.id,
        eventId: found.event.id,
        previousStatus: found.delivery.status,
      }),
    ]
    await recordAudits(tx, { now, requestId: options.requestId, entries })
    return { ...found, delivery }
  })
  return toWebhookDeliveryItem(row, { showPartner: owner.partnerId === null })
}
