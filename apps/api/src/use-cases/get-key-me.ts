import { apiKeyPermissions } from '@partner-center/domain'
import type { ApiKeyPrincipal, AppDeps, PlatformKeyPrincipal } from '../deps'
import { meLimits, mePartner } from './get-me'

/**
 * What `/me` says of any key (R141): `principal` names it (id, name, `keyPrefix`) and `user`
 * stands for it (its id, its name as `displayName`, no email), so clients written for people
 * keep working.
 */
function keyIdentity(
  key: ApiKeyPrincipal | PlatformKeyPrincipal,
  person: { role: ApiKeyPrincipal['role'] | 'ecosystem_manager'; locale: 'en' | 'zh-CN' }
) {
  return {
    principal: {
      kind: 'api_key' as const,
      id: key.keyId,
      name: key.name,
      keyPrefix: key.keyPrefix,
    },
    user: { id: key.keyId, email: '', displayName: key.name, ...person },
  }
}

/**
 * `GET /api/v1/me` for an API key (R141): the key, its role in the partner's language, the
 * partner, and the read permissions of its role only (never the management of keys).
 */
export function getKeyMe(deps: AppDeps, key: ApiKeyPrincipal) {
  return {
    ...keyIdentity(key, { role: key.role, locale: key.partner.defaultLocale }),
    partner: mePartner(key.partner),
    permissions: apiKeyPermissions(key.role),
    platformName: deps.config.platformName,
    limits: meLimits(deps),
  }
}

/**
 * `GET /api/v1/me` for a platform key (R141): the key with the ecosystem manager's role
 * (English), no partner, and the ecosystem manager's read permission (`admin.partners`; reviews
 * are writes).
 */
export function getPlatformKeyMe(deps: AppDeps, key: PlatformKeyPrincipal) {
  return {
    ...keyIdentity(key, { role: 'ecosystem_manager', locale: 'en' }),
    partner: null,
    permissions: ['admin.partners'],
    platformName: deps.config.platformName,
    limits: meLimits(deps),
  }
}
