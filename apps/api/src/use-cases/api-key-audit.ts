import type { ApiKeyRow } from '@partner-center/db/schema'
import type { AuditEntry } from '../persistence/audit'
import type { ConfigurationOwner } from './configuration-owner'

/**
 * The audit event of K1 or K2 (R146), by the partner admin or the ecosystem manager who manages
 * the keys: the key's prefix, role and name, never the key.
 *
 * @example
 * apiKeyAuditEntry(owner, 'api_key.created', row).details // { keyPrefix, role, name }
 */
export function apiKeyAuditEntry(
  owner: ConfigurationOwner,
  action: 'api_key.created' | 'api_key.revoked',
  key: ApiKeyRow
): AuditEntry {
  return {
    action,
    actorType: owner.actorType,
    actorId: owner.userId,
    partnerId: owner.partnerId,
    entityType: 'api_key',
    entityId: key.id,
    details: { keyPrefix: key.keyPrefix, role: key.role, name: key.name },
  }
}
