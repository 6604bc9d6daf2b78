import type { AppDeps } from '../deps'
import { AppError } from '../errors'
import { countInWindow, hitRateLimit, secondsLeftInWindow } from './rate-limit'
import { hashToken } from './tokens'

const ACCOUNT_WINDOW_SECONDS = 15 * 60

/** 429 `RATE_LIMITED` with `Retry-After` and `details.retryAfterSeconds` (R8). */
export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError(
    'RATE_LIMITED',
    429,
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) }
  )
}

/** Options of {@link checkSignInLimits}. */
export interface SignInLimitOptions {
  /** Which sign-in: partner staff and customers count separately. */
  scope: 'sign-in' | 'customer-sign-in'
  clientAddress: string
  /** The canonical email tried, or null when it was not an email. */
  canonical: string | null
}

/**
 * R59 before any password work: attempts per client address per minute, and failed attempts per
 * account per 15 minutes (`SIGN_IN_MAX_FAILURES`). Returns the account bucket, so the caller can
 * count a failure with `hitRateLimit`. Counters live in PostgreSQL, shared by all processes.
 */
export async function checkSignInLimits(deps: AppDeps, options: SignInLimitOptions) {
  const now = deps.clock.now()
  const address = {
    bucketKey: `${options.scope}:address:${options.clientAddress}`,
    windowSeconds: 60,
    now,
  }
  if ((await hitRateLimit(deps.db, address)) > deps.config.signInRateLimitPerMinute) {
    throw rateLimited(secondsLeftInWindow(address))
  }
  if (options.canonical === null) return null
  // The bucket names the account by hash only: the counters table holds no addresses.
  const account = {
    bucketKey: `${options.scope}:account:${await hashToken(options.canonical)}`,
    windowSeconds: ACCOUNT_WINDOW_SECONDS,
    now,
  }
  if ((await countInWindow(deps.db, account)) >= deps.config.signInMaxFailures) {
    throw rateLimited(secondsLeftInWindow(account))
  }
  return account
}
