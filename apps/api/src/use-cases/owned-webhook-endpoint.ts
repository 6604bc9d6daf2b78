import type { Database } from '@partner-center/db/portable'
import { isUuid } from '@partner-center/domain'
import { AppError } from '../errors'
import {
  findOwnedWebhookEndpoint,
  type WebhookEndpointWithCreator,
} from '../persistence/webhook-endpoints'
import type { ConfigurationOwner } from './configuration-owner'

/**
 * The owner's live endpoint `id` with its creator, else `NOT_FOUND` (R2: another owner's, a
 * deleted one, a malformed id). `lock` as {@link findOwnedWebhookEndpoint} takes it.
 *
 * @example
 * const { endpoint } = await requireOwnedWebhookEndpoint(tx, owner, id, 'update')
 */
export async function requireOwnedWebhookEndpoint(
  db: Database,
  owner: ConfigurationOwner,
  id: string,
  lock?: 'update' | 'share'
): Promise<WebhookEndpointWithCreator> {
  if (!isUuid(id)) throw AppError.of('NOT_FOUND')
  const found = await findOwnedWebhookEndpoint(db, { partnerId: owner.partnerId, id, lock })
  if (!found) throw AppError.of('NOT_FOUND')
  return found
}
