import type { AppDeps, RequestMeta } from '../deps'
import { recordAudits } from '../persistence/audit'
import { cancelPendingDeliveries, updateWebhookEndpoint } from '../persistence/webhook-endpoints'
import { endpointAuditEntry } from './webhook-endpoint-audit'
import type { ConfigurationOwner } from './configuration-owner'
import { requireOwnedWebhookEndpoint } from './owned-webhook-endpoint'

/**
 * `DELETE …/webhook-endpoints/{id}` (W7): the owner's live endpoint, locked `FOR UPDATE`, becomes
 * `DELETED` with `deletedAt`; its `PENDING` deliveries are cancelled (`ENDPOINT_DELETED`). From
 * then on every path to it answers `NOT_FOUND` (R2), a second delete included. Its rows go with
 * retention (R145).
 */
export async function deleteWebhookEndpoint(
  deps: AppDeps,
  options: RequestMeta & { owner: ConfigurationOwner; id: string }
): Promise<void> {
  const { owner } = options
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const current = await requireOwnedWebhookEndpoint(tx, owner, options.id, 'update')
    const endpoint = await updateWebhookEndpoint(tx, current.endpoint.id, {
      status: 'DELETED',
      // The reason goes with DISABLED only (the table's check); when it was disabled stays.
      disabledReason: null,
      deletedAt: now,
      updatedAt: now,
    })
    await cancelPendingDeliveries(tx, endpoint.id, 'ENDPOINT_DELETED')
    const entries = [
      endpointAuditEntry(owner, 'webhook_endpoint.deleted', endpoint, {
        previousStatus: current.endpoint.status,
      }),
    ]
    await recordAudits(tx, { now, requestId: options.requestId, entries })
  })
}
