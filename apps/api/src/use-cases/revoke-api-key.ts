import { apiKeys } from '@partner-center/db/schema'
import { isUuid } from '@partner-center/domain'
import { eq } from 'drizzle-orm'
import type { AppDeps, RequestMeta } from '../deps'
import { AppError } from '../errors'
import { findOwnedApiKey } from '../persistence/api-keys'
import { recordAudits } from '../persistence/audit'
import { toApiKeyItem } from '../presenters/api-key-item'
import { apiKeyAuditEntry } from './api-key-audit'
import type { ConfigurationOwner } from './configuration-owner'

/** Options of {@link revokeApiKey}. */
export interface RevokeApiKeyOptions extends RequestMeta {
  owner: ConfigurationOwner
  id: string
}

/**
 * `POST …/api-keys/{id}/revoke` (R143, K2): the owner's key (another owner's is `NOT_FOUND`,
 * R2) becomes `REVOKED` with `revokedAt` and `revokedByUserId`, audited
 * `api_key.revoked`; a revoked key answers 200 and changes nothing. The next request with the key
 * answers `API_KEY_REVOKED` (the key is read on every request).
 */
export async function revokeApiKey(deps: AppDeps, options: RevokeApiKeyOptions) {
  const { owner } = options
  if (!isUuid(options.id)) throw AppError.of('NOT_FOUND')
  const now = deps.clock.now()
  const found = await deps.db.transaction(async (tx) => {
    const current = await findOwnedApiKey(tx, {
      partnerId: owner.partnerId,
      id: options.id,
      forUpdate: true,
    })
    if (!current) throw AppError.of('NOT_FOUND')
    if (current.key.status === 'REVOKED') return current
    const [key] = await tx
      .update(apiKeys)
      .set({ status: 'REVOKED', revokedAt: now, revokedByUserId: owner.userId })
      .where(eq(apiKeys.id, current.key.id))
      .returning()
    if (!key) throw new Error('api key: revoke returned no row')
    const entries = [apiKeyAuditEntry(owner, 'api_key.revoked', key)]
    await recordAudits(tx, { now, requestId: options.requestId, entries })
    return { key, creatorName: current.creatorName }
  })
  return toApiKeyItem(found)
}
