import type { Database } from '@partner-center/db/portable'
import { accessTokens, customerAccounts } from '@partner-center/db/schema'
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { createRandomToken, hashToken } from '../security/tokens'

/** Whose access token: a partner user (or the ecosystem manager) or a customer account. */
export type TokenHolder = { kind: 'user'; userId: string } | { kind: 'customer'; accountId: string }

/**
 * Issues an opaque access token (R79): 32 random bytes returned once, only the SHA-256 stored,
 * a sliding expiry capped by an absolute maximum. `db` may be a transaction.
 */
export async function issueAccessToken(
  deps: AppDeps,
  db: Database,
  holder: TokenHolder
): Promise<{ token: string; expiresAt: Date }> {
  const now = deps.clock.now()
  const token = createRandomToken()
  const maxExpiresAt = new Date(now.getTime() + deps.config.accessTokenMaxHours * 3_600_000)
  const sliding = new Date(now.getTime() + deps.config.accessTokenTtlMinutes * 60_000)
  const expiresAt = sliding < maxExpiresAt ? sliding : maxExpiresAt
  await db.insert(accessTokens).values({
    tokenHash: await hashToken(token),
    ...(holder.kind === 'user'
      ? { principalKind: 'user', userId: holder.userId }
      : { principalKind: 'customer', customerAccountId: holder.accountId }),
    createdAt: now,
    lastUsedAt: now,
    expiresAt,
    maxExpiresAt,
  })
  return { token, expiresAt }
}

/** Revokes one access token (sign-out); revoking twice changes nothing more. */
export async function revokeAccessToken(deps: AppDeps, tokenId: string): Promise<void> {
  await deps.db
    .update(accessTokens)
    .set({ revokedAt: deps.clock.now() })
    .where(eq(accessTokens.id, tokenId))
}

/** The signed-in customer of a bearer token, or null (expired, revoked or unknown). */
export async function findCustomerByToken(deps: AppDeps, token: string) {
  const now = deps.clock.now()
  const [row] = await deps.db
    .select({ tokenId: accessTokens.id, account: customerAccounts })
    .from(accessTokens)
    .innerJoin(customerAccounts, eq(customerAccounts.id, accessTokens.customerAccountId))
    .where(
      and(
        eq(accessTokens.tokenHash, await hashToken(token)),
        isNull(accessTokens.revokedAt),
        gt(accessTokens.expiresAt, now),
        gt(accessTokens.maxExpiresAt, now)
      )
    )
    .limit(1)
  return row ?? null
}

type CustomerRow = typeof customerAccounts.$inferSelect

/**
 * The answer of a customer sign-in or registration: a new access token (R79) and the account.
 * `db` may be the registration's transaction.
 */
export async function issueCustomerSession(
  deps: AppDeps,
  db: Database,
  account: Pick<CustomerRow, 'id' | 'email' | 'displayName'>
) {
  const issued = await issueAccessToken(deps, db, { kind: 'customer', accountId: account.id })
  return {
    token: issued.token,
    expiresAt: issued.expiresAt.toISOString(),
    customer: { id: account.id, email: account.email, displayName: account.displayName },
  }
}
