import type { ApiKeyItem } from '@partner-center/contracts'
import type { ApiKeyWithCreator } from '../persistence/api-keys'
import { isoTimestamp, isoTimestampOrNull } from './iso-timestamp'

/**
 * A key as the list shows it (R139): never the key, never its hash.
 *
 * @example
 * toApiKeyItem({ key: row, creatorName: 'Alice Admin' }).keyPrefix // 'pck_AbCdEfGh'
 */
export function toApiKeyItem({ key, creatorName }: ApiKeyWithCreator): ApiKeyItem {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    keyPrefix: key.keyPrefix,
    status: key.status,
    createdBy: { id: key.createdByUserId, displayName: creatorName },
    createdAt: isoTimestamp(key.createdAt),
    lastUsedAt: isoTimestampOrNull(key.lastUsedAt),
    revokedAt: isoTimestampOrNull(key.revokedAt),
  }
}
