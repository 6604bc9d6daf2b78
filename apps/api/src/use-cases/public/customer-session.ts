import type { Database } from '@partner-center/db'
import { accessTokens, customerAccounts } from '@partner-center/db/schema'
import { normalizeEmail } from '@partner-center/domain'
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { AppDeps } from '../../deps'
import { AppError } from '../../errors'
import { hitRateLimit } from '../../security/rate-limit'
import { checkSignInLimits } from '../../security/sign-in-limits'
import { createRandomToken, hashToken } from '../../security/tokens'

// The same fixed hash as partner sign-in, so an unknown email costs the same time.
const NO_SUCH_ACCOUNT_HASH =
  'scrypt:16384:8:1:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

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

/** `POST /api/v1/public/auth/sign-in`: an existing customer account signs in. */
export async function signInCustomer(
  deps: AppDeps,
  options: { email: string; password: string; clientAddress: string }
) {
  const canonical = normalizeEmail(options.email)
  const accountBucket = await checkSignInLimits(deps, {
    scope: 'customer-sign-in',
    clientAddress: options.clientAddress,
    canonical: canonical.ok ? canonical.value : null,
  })
  const [account] = canonical.ok
    ? await deps.db
        .select()
        .from(customerAccounts)
        .where(eq(customerAccounts.emailCanonical, canonical.value))
        .limit(1)
    : []
  const valid = await deps.passwords.verify(
    options.password,
    account?.passwordHash ?? NO_SUCH_ACCOUNT_HASH
  )
  if (!account || !valid) {
    if (accountBucket) await hitRateLimit(deps.db, accountBucket)
    throw new AppError('INVALID_CREDENTIALS', 401)
  }
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
