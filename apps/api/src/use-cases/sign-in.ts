import { accessTokens, users } from '@partner-center/db/schema'
import { normalizeEmail } from '@partner-center/domain'
import { eq } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { AppError } from '../errors'
import { beginSignInAttempt } from '../security/sign-in-limits'
import { rehashIfWeak } from '../security/rehash-password'
import { createRandomToken, hashToken } from '../security/tokens'

/** Options of {@link signIn}. */
export interface SignInOptions {
  email: string
  password: string
  /** Client address of R59, for the per-address limit. */
  clientAddress: string
}

/**
 * Checks a partner user's or ecosystem manager's password under the sign-in limits of R59 and
 * issues an opaque access token; only the token's SHA-256 is stored (domain.md R79). A hash
 * below the configured scrypt cost is replaced by one at that cost.
 */
export async function signIn(deps: AppDeps, options: SignInOptions) {
  const canonical = normalizeEmail(options.email)
  const [user] = canonical.ok
    ? await deps.db.select().from(users).where(eq(users.emailCanonical, canonical.value)).limit(1)
    : []
  const attempt = await beginSignInAttempt(deps, {
    scope: 'sign-in',
    clientAddress: options.clientAddress,
    canonical: canonical.ok ? canonical.value : null,
    accountId: user?.id ?? null,
  })
  // An unknown email verifies against the dummy hash at the same cost, so the answer time does
  // not reveal which emails have accounts.
  const stored = user?.passwordHash ?? deps.passwords.dummyHash
  const valid = await deps.passwords.verify(options.password, stored)
  if (!user || !valid || user.status !== 'ACTIVE') {
    throw new AppError('INVALID_CREDENTIALS', 401)
  }
  await attempt.succeeded()
  await rehashIfWeak(deps, { kind: 'user', id: user.id, stored, password: options.password })

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
