import { accessTokens, users } from '@partner-center/db/schema'
import { normalizeEmail } from '@partner-center/domain'
import { eq } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { AppError } from '../errors'
import { hitRateLimit } from '../security/rate-limit'
import { checkSignInLimits } from '../security/sign-in-limits'
import { createRandomToken, hashToken } from '../security/tokens'

/** Options of {@link signIn}. */
export interface SignInOptions {
  email: string
  password: string
  /** Client address of R59, for the per-address limit. */
  clientAddress: string
}

// Verifying against a fixed hash when the user does not exist keeps the answer time the same,
// so sign-in does not reveal which emails have accounts.
const NO_SUCH_USER_HASH =
  'scrypt:16384:8:1:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

/**
 * Checks a partner user's or ecosystem manager's password and issues an opaque access token;
 * only the token's SHA-256 is stored (domain.md R79).
 */
export async function signIn(deps: AppDeps, options: SignInOptions) {
  const canonical = normalizeEmail(options.email)
  const accountBucket = await checkSignInLimits(deps, {
    scope: 'sign-in',
    clientAddress: options.clientAddress,
    canonical: canonical.ok ? canonical.value : null,
  })
  const [user] = canonical.ok
    ? await deps.db.select().from(users).where(eq(users.emailCanonical, canonical.value)).limit(1)
    : []
  const valid = await deps.passwords.verify(
    options.password,
    user?.passwordHash ?? NO_SUCH_USER_HASH
  )
  if (!user || !valid || user.status !== 'ACTIVE') {
    if (accountBucket) await hitRateLimit(deps.db, accountBucket)
    throw new AppError('INVALID_CREDENTIALS', 401)
  }

  const now = deps.clock.now()
  const token = createRandomToken()
  const maxExpiresAt = new Date(now.getTime() + deps.config.accessTokenMaxHours * 3_600_000)
  const slidingExpiry = new Date(now.getTime() + deps.config.accessTokenTtlMinutes * 60_000)
  const expiresAt = slidingExpiry < maxExpiresAt ? slidingExpiry : maxExpiresAt
  await deps.db.insert(accessTokens).values({
    tokenHash: await hashToken(token),
    principalKind: 'user',
    userId: user.id,
    createdAt: now,
    lastUsedAt: now,
    expiresAt,
    maxExpiresAt,
  })
  return { token, expiresAt: expiresAt.toISOString() }
}

/** Revokes the access token of the current request (sign-out). */
export async function signOut(deps: AppDeps, options: { tokenId: string }) {
  await deps.db
    .update(accessTokens)
    .set({ revokedAt: deps.clock.now() })
    .where(eq(accessTokens.id, options.tokenId))
  return { ok: true as const }
}
