import type { AppDeps } from '../deps'
import { findApiKeyPage } from '../persistence/api-keys'
import { toApiKeyItem } from '../presenters/api-key-item'
import type { ConfigurationOwner } from './configuration-owner'

/** Options of {@link findApiKeys}. */
export interface FindApiKeysOptions {
  owner: ConfigurationOwner
  page: number
  pageSize: number
}

/** `GET …/api-keys` (R139): the owner's keys, newest first, revoked ones too; never a key. */
export async function findApiKeys(deps: AppDeps, options: FindApiKeysOptions) {
  const { rows, total } = await findApiKeyPage(deps.db, {
    partnerId: options.owner.partnerId,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  })
  return { items: rows.map(toApiKeyItem), total, page: options.page, pageSize: options.pageSize }
}
