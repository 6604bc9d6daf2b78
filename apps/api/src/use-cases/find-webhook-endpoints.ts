import type { WebhookEndpointItem, WebhookEndpointPage } from '@partner-center/contracts'
import type { AppDeps } from '../deps'
import { findWebhookEndpointPage } from '../persistence/webhook-endpoints'
import { toWebhookEndpointItem } from '../presenters/webhook-endpoint-item'
import type { ConfigurationOwner } from './configuration-owner'
import { requireOwnedWebhookEndpoint } from './owned-webhook-endpoint'

/** Options of {@link findWebhookEndpoints}. */
export interface FindWebhookEndpointsOptions {
  owner: ConfigurationOwner
  page: number
  pageSize: number
}

/** `GET …/webhook-endpoints` (R126): the owner's endpoints not `DELETED`, newest first. */
export async function findWebhookEndpoints(
  deps: AppDeps,
  options: FindWebhookEndpointsOptions
): Promise<WebhookEndpointPage> {
  const { rows, total } = await findWebhookEndpointPage(deps.db, {
    partnerId: options.owner.partnerId,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  })
  return {
    items: rows.map(toWebhookEndpointItem),
    total,
    page: options.page,
    pageSize: options.pageSize,
  }
}

/**
 * `GET …/webhook-endpoints/{id}` (R126): the owner's live endpoint; another owner's, a deleted
 * one or a malformed id is `NOT_FOUND` (R2).
 */
export async function getWebhookEndpoint(
  deps: AppDeps,
  options: { owner: ConfigurationOwner; id: string }
): Promise<WebhookEndpointItem> {
  return toWebhookEndpointItem(
    await requireOwnedWebhookEndpoint(deps.db, options.owner, options.id)
  )
}
