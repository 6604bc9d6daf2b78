import type { WebhookEndpointItem, WebhookEndpointPage } from '@partner-center/contracts'
import { isUuid } from '@partner-center/domain'
import type { AppDeps } from '../deps'
import { AppError } from '../errors'
import { findOwnedWebhookEndpoint, findWebhookEndpointPage } from '../persistence/webhook-endpoints'
import { toWebhookEndpointItem } from '../presenters/webhook-endpoint-item'
import type { ConfigurationOwner } from './configuration-owner'

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
  if (!isUuid(options.id)) throw AppError.of('NOT_FOUND')
  const found = await findOwnedWebhookEndpoint(deps.db, {
    partnerId: options.owner.partnerId,
    id: options.id,
  })
  if (!found) throw AppError.of('NOT_FOUND')
  return toWebhookEndpointItem(found)
}
