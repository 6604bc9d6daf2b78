import { normalizeEmail } from '@partner-center/domain'
import type { AppDeps } from '../deps'
import { AppError } from '../errors'
import { rehashIfWeak } from './rehash-password'
import { beginSignInAttempt } from './sign-in-limits'

/** Options of {@link verifySignIn}. */
export interface VerifySignInOptions<Account> {
  /** Which sign-in: partner staff and customers count separately (R59). */
  scope: 'sign-in' | 'customer-sign-in'
  kind: 'user' | 'customer'
  email: string
  password: string
  clientAddress: string
  /** The account of a canonical email, if any. */
  findAccount(canonicalEmail: string): Promise<Account | undefined>
  /** False for an account that exists but may not sign in (a disabled user). */
  mayUse?(account: Account): boolean
}

/**
 * The one password check of both sign-ins (R59): the limits first, then the password; an unknown
 * email verifies against the dummy hash at the same cost, so the answer time does not reveal
 * which emails have accounts. A hash below the configured scrypt cost is replaced by one at that
 * cost. Any refusal is 401 `INVALID_CREDENTIALS`, whatever the reason.
 */
export async function verifySignIn<Account extends { id: string; passwordHash: string }>(
  deps: AppDeps,
  options: VerifySignInOptions<Account>
): Promise<Account> {
  const canonical = normalizeEmail(options.email)
  const account = canonical.ok ? await options.findAccount(canonical.value) : undefined
  const attempt = await beginSignInAttempt(deps, {
    scope: options.scope,
    clientAddress: options.clientAddress,
    canonical: canonical.ok ? canonical.value : null,
    accountId: account?.id ?? null,
  })
  const stored = account?.passwordHash ?? deps.passwords.dummyHash
  const valid = await deps.passwords.verify(options.password, stored)
  if (!account || !valid || options.mayUse?.(account) === false) {
    throw AppError.of('INVALID_CREDENTIALS')
  }
  await attempt.succeeded()
  await rehashIfWeak(deps, {
    kind: options.kind,
    id: account.id,
    stored,
    password: options.password,
  })
  return account
}
