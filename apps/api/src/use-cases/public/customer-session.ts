import type { Database } from '@partner-center/db'
import { accessTokens, customerAccounts } from '@partner-center/db/schema'
import { normalizeEmail } from '@partner-center/domain'
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { AppDeps } from '../../deps'
import { AppError } from '../../errors'
import { rehashIfWeak } from '../../security/rehash-password'
import { beginSignInAttempt } from '../../security/sign-in-limits'
import { createRandomToken, hashToken } from '../../security/tokens'

type CustomerRow = typeof customerAccounts.$inferSelect

/**
 * Issues a customer access token (R79): 32 random bytes returned once, only the SHA-256 stored,
 * sliding expiry capped by an absolute maximum.
 */
export async function issueCustomerSession(
  deps: AppDeps,
  db: Database,
  account: Pick<CustomerRow, 'id' | 'email' | 'displayName'>
) {
  const now = deps.clock.now()
  const token = createRandomToken()
  const maxExpiresAt = new Date(now.getTime() + deps.config.accessTokenMaxHours * 3_600_000)
  const sliding = new Date(now.getTime() + deps.config.accessTokenTtlMinutes * 60_000)
  const expiresAt = sliding < maxExpiresAt ? sliding : maxExpiresAt
  await db.insert(accessTokens).values({
    tokenHash: await hashToken(token),
    principalKind: 'customer',
    customerAccountId: account.id,
    createdAt: now,
    lastUsedAt: now,
    expiresAt,
    maxExpiresAt,
  })
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    customer: { id: account.id, email: account.email, displayName: account.displayName },
  }
}

/**
 * `POST /api/v1/public/auth/sign-in`: an existing customer account signs in, under the sign-in
 * limits of R59; a hash below the configured scrypt cost is replaced by one at that cost.
 */
export async function signInCustomer(
  deps: AppDeps,
  options: { email: string; password: string; clientAddress: string }
) {
  const canonical = normalizeEmail(options.email)
  const [account] = canonical.ok
    ? await deps.db
        .select()
        .from(customerAccounts)
        .where(eq(customerAccounts.emailCanonical, canonical.value))
        .limit(1)
    : []
  const attempt = await beginSignInAttempt(deps, {
    scope: 'customer-sign-in',
    clientAddress: options.clientAddress,
    canonical: canonical.ok ? canonical.value : null,
    accountId: account?.id ?? null,
  })
  // An unknown email verifies against the dummy hash at the same cost as partner sign-in.
  const stored = account?.passwordHash ?? deps.passwords.dummyHash
  const valid = await deps.passwords.verify(options.password, stored)
  if (!account || !valid) throw new AppError('INVALID_CREDENTIALS', 401)
  await attempt.succeeded()
  await rehashIfWeak(deps, { kind: 'customer', id: account.id, stored, password: options.password })
  return issueCustomerSession(deps, deps.db, account)
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

/** `POST /api/v1/public/auth/sign-out`: revokes the customer's token. */
export async function signOutCustomer(deps: AppDeps, options: { tokenId: string }) {
  await deps.db
    .update(accessTokens)
    .set({ revokedAt: deps.clock.now() })
    .where(eq(accessTokens.id, options.tokenId))
  return { ok: true as const }
}
