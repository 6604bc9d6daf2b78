import { customerAccounts } from '@partner-center/db/schema'
import { eq } from 'drizzle-orm'
import type { AppDeps } from '../../deps'
import { issueCustomerSession, revokeAccessToken } from '../../persistence/access-tokens'
import { verifySignIn } from '../../security/verify-sign-in'

/**
 * `POST /api/v1/public/auth/sign-in`: an existing customer account signs in under the limits of
 * R59.
 */
export async function signInCustomer(
  deps: AppDeps,
  options: { email: string; password: string; clientAddress: string }
) {
  const account = await verifySignIn(deps, {
    ...options,
    scope: 'customer-sign-in',
    kind: 'customer',
    findAccount: async (canonical) => {
      const [row] = await deps.db
        .select()
        .from(customerAccounts)
        .where(eq(customerAccounts.emailCanonical, canonical))
        .limit(1)
      return row
    },
  })
  return issueCustomerSession(deps, deps.db, account)
}

/** `POST /api/v1/public/auth/sign-out`: revokes the customer's token. */
export async function signOutCustomer(deps: AppDeps, options: { tokenId: string }) {
  await revokeAccessToken(deps, options.tokenId)
  return { ok: true as const }
}
