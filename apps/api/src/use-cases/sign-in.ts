import { users } from '@partner-center/db/schema'
import { eq } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { issueAccessToken, revokeAccessToken } from '../persistence/access-tokens'
import { verifySignIn } from '../security/verify-sign-in'

/** Options of {@link signIn}. */
export interface SignInOptions {
  email: string
  password: string
  /** Client address of R59, for the per-address limit. */
  clientAddress: string
}

/**
 * `POST /api/v1/auth/sign-in`: a partner user or the ecosystem manager signs in under the limits
 * of R59 and receives an opaque access token (R79). A disabled user cannot sign in.
 */
export async function signIn(deps: AppDeps, options: SignInOptions) {
  const user = await verifySignIn(deps, {
    ...options,
    scope: 'sign-in',
    kind: 'user',
    findAccount: async (canonical) => {
      const [row] = await deps.db
        .select()
        .from(users)
        .where(eq(users.emailCanonical, canonical))
        .limit(1)
      return row
    },
    mayUse: (row) => row.status === 'ACTIVE',
  })
  const issued = await issueAccessToken(deps, deps.db, { kind: 'user', userId: user.id })
  return { token: issued.token, expiresAt: issued.expiresAt.toISOString() }
}

/** `POST /api/v1/auth/sign-out`: revokes the access token of the current request. */
export async function signOut(deps: AppDeps, options: { tokenId: string }) {
  await revokeAccessToken(deps, options.tokenId)
  return { ok: true as const }
}
