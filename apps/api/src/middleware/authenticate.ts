import { accessTokens, partners, users } from '@partner-center/db/schema'
import { prepareSelect, type Database } from '@partner-center/db/portable'
import { claimsApiKey } from '@partner-center/domain'
import { and, eq, getTableColumns, gt, isNull, sql } from 'drizzle-orm'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv, Principal } from '../deps'
import { hashToken, readBearerToken } from '../security/tokens'
import { runAfterResponse } from './after-response'
import { loadApiKeyPrincipal } from './api-key-principal'
import { matchTableRoute } from './route-match'

// Sliding expiry is written at most once a minute per token (domain.md R79), so a busy page
// does not turn every read into a write.
const SLIDE_WRITE_INTERVAL_MS = 60_000

function preparePrincipalQuery(db: Database) {
  const now = sql.placeholder('now')
  const fields = {
    // Only what the principal needs: every column mapped costs CPU on every request.
    token: {
      id: accessTokens.id,
      lastUsedAt: accessTokens.lastUsedAt,
      maxExpiresAt: accessTokens.maxExpiresAt,
    },
    user: {
      id: users.id,
      role: users.role,
      partnerId: users.partnerId,
      locale: users.locale,
      displayName: users.displayName,
    },
    partner: getTableColumns(partners),
  }
  return prepareSelect(
    db,
    'load_user_principal',
    fields,
    db
      .select(fields)
      .from(accessTokens)
      .innerJoin(users, eq(users.id, accessTokens.userId))
      // The partner rides along so partner endpoints need no second round trip per request.
      .leftJoin(partners, eq(partners.id, users.partnerId))
      .where(
        and(
          eq(accessTokens.tokenHash, sql.placeholder('tokenHash')),
          isNull(accessTokens.revokedAt),
          gt(accessTokens.expiresAt, now),
          gt(accessTokens.maxExpiresAt, now),
          eq(users.status, 'ACTIVE')
        )
      )
  )
}

// Every authenticated request runs this query, so it is built and prepared once per handle.
const principalQueries = new WeakMap<Database, ReturnType<typeof preparePrincipalQuery>>()

interface TokenUse {
  id: string
  lastUsedAt: Date
  maxExpiresAt: Date
}

/** The sliding expiry's write, once a minute per token at most (R79). */
function slideExpiry(deps: AppDeps, token: TokenUse, now: Date): (() => Promise<unknown>) | null {
  if (now.getTime() - token.lastUsedAt.getTime() < SLIDE_WRITE_INTERVAL_MS) return null
  const slid = new Date(now.getTime() + deps.config.accessTokenTtlMinutes * 60_000)
  const expiresAt = slid < token.maxExpiresAt ? slid : token.maxExpiresAt
  const db = deps.db
  return () =>
    db.update(accessTokens).set({ lastUsedAt: now, expiresAt }).where(eq(accessTokens.id, token.id))
}

async function loadUserPrincipal(
  c: Context<AppEnv>,
  deps: AppDeps,
  tokenHash: string
): Promise<Principal | undefined> {
  const now = deps.clock.now()
  let query = principalQueries.get(deps.db)
  if (!query) principalQueries.set(deps.db, (query = preparePrincipalQuery(deps.db)))
  const [row] = await query.execute({ tokenHash, now: now.toISOString() })
  if (!row) return undefined
  const slide = slideExpiry(deps, row.token, now)
  if (slide) await runAfterResponse(c, deps.logger, 'session slide', slide)
  return {
    kind: 'user',
    tokenId: row.token.id,
    userId: row.user.id,
    role: row.user.role,
    partnerId: row.user.partnerId,
    locale: row.user.locale,
    displayName: row.user.displayName,
    partner: row.partner,
  }
}

/**
 * Turns a bearer token into `c.var.principal` (or leaves it undefined). For a person it never
 * answers by itself: guards decide whether a route needs a principal. A token of 47 characters
 * beginning `pck_` is looked up only as an API key (R140), and a key is refused here, before any
 * guard or body parser, when it is revoked, over its rate or on a route it may not call (R141,
 * R142).
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readBearerToken(c.req.header('authorization'))
    const hash = deps.hashBearerToken ?? hashToken
    let principal: Principal | undefined
    if (token && claimsApiKey(token)) {
      const route = matchTableRoute(c.req.method, c.req.path)
      principal = await loadApiKeyPrincipal(c, deps, token, route)
    } else if (token) {
      principal = await loadUserPrincipal(c, deps, await hash(token))
    }
    c.set('principal', principal)
    await next()
  }
}
