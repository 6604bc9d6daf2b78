import type { ApiRoute } from '@partner-center/contracts/routes'
import { apiKeys, partners } from '@partner-center/db/schema'
import {
  DEFAULT_LIMITS,
  isApiKeyFormat,
  keyMayCall,
  lastUsedWriteBefore,
} from '@partner-center/domain'
import { and, eq, isNull, lte, or } from 'drizzle-orm'
import type { Context } from 'hono'
import type { ApiKeyPrincipal, AppDeps, AppEnv, PlatformKeyPrincipal } from '../deps'
import { AppError } from '../errors'
import { hitRateLimit, secondsLeftInWindow } from '../security/rate-limit'
import { hashToken } from '../security/tokens'
import { runAfterResponse } from './after-response'

// A bearer token of 47 characters beginning `pck_` is an API key and nothing else (R140–R142).

const PARTNER_PATH = '/v1/customer-development/'

/** The key's row and partner, by the key's SHA-256: the only lookup (R140). No cache. */
async function loadKey(deps: AppDeps, keyHash: string) {
  const [row] = await deps.db
    .select({ key: apiKeys, partner: partners })
    .from(apiKeys)
    .leftJoin(partners, eq(partners.id, apiKeys.partnerId))
    .where(eq(apiKeys.keyHash, keyHash))
    .limit(1)
  return row
}

/** Counts the request in the key's bucket `api-key:{id}`; beyond the limit 429 (R142). */
async function countRequest(deps: AppDeps, keyId: string, now: Date): Promise<void> {
  const window = { bucketKey: `api-key:${keyId}`, windowSeconds: 60, now }
  const count = await hitRateLimit(deps.db, window)
  const limit = deps.config.apiKeyRateLimitPerMinute ?? DEFAULT_LIMITS.API_KEY_RATE_LIMIT_PER_MINUTE
  if (count > limit) {
    throw AppError.of('RATE_LIMITED', { retryAfterSeconds: secondsLeftInWindow(window) })
  }
}

/**
 * `lastUsedAt = now` when it is null or at least `API_KEY_LAST_USED_WRITE_SECONDS` old, as one
 * conditional update (R140): at most one write per key per minute at any request rate.
 */
function touchLastUsed(deps: AppDeps, keyId: string, now: Date): () => Promise<unknown> {
  const db = deps.db
  return () =>
    db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, keyId),
          or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, lastUsedWriteBefore(now)))
        )
      )
}

/**
 * The principal of an API key for a request to `route`, or undefined when the key does not
 * authenticate this request (unknown key, or a route that takes no key as a credential: a
 * public or customer route, R140). Throws the answers of R140–R142 in R121's order: a revoked
 * key 401 `API_KEY_REVOKED`; too many requests 429 `RATE_LIMITED`; a module that is off 403
 * `CUSTOMER_DEVELOPMENT_NOT_ENABLED`; a route not marked `apiKey` 403 `API_KEY_NOT_ALLOWED`.
 */
export async function loadApiKeyPrincipal(
  c: Context<AppEnv>,
  deps: AppDeps,
  token: string,
  route: ApiRoute | undefined
): Promise<ApiKeyPrincipal | PlatformKeyPrincipal | undefined> {
  if (!route || route.auth === 'none' || route.auth === 'customer') return undefined
  if (!isApiKeyFormat(token)) return undefined
  const hash = deps.hashBearerToken ?? hashToken
  const row = await loadKey(deps, await hash(token))
  if (!row) return undefined
  const { key, partner } = row
  if (key.status === 'REVOKED') throw AppError.of('API_KEY_REVOKED')
  const now = deps.clock.now()
  await countRequest(deps, key.id, now)
  const allowed = keyMayCall(route)
  if (!allowed.ok) {
    const moduleOff =
      route.path.startsWith(PARTNER_PATH) && partner?.customerDevelopmentEnabled === false
    throw AppError.of(moduleOff ? 'CUSTOMER_DEVELOPMENT_NOT_ENABLED' : allowed.error.code)
  }
  await runAfterResponse(c, deps.logger, 'api key last used', touchLastUsed(deps, key.id, now))
  const named = { keyId: key.id, name: key.name, keyPrefix: key.keyPrefix }
  // A platform key has no partner and the ecosystem manager's role (api_keys_scope_check).
  if (!partner || key.role === 'ecosystem_manager') return { kind: 'platform_key', ...named }
  return {
    kind: 'api_key',
    ...named,
    role: key.role,
    partnerId: partner.id,
    partner,
  }
}
