import { signInBackoffs, signInKnownAddresses } from '@partner-center/db/schema'
import { decideSignInAttempt, SIGN_IN_LIMITS } from '@partner-center/domain'
import { and, eq, gt, inArray } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { AppError } from '../errors'
import { rateLimitSubject } from './ip-address'
import { KEY_PURPOSES } from './keyring'
import {
  hitRateLimit,
  refundRateLimit,
  secondsLeftInWindow,
  type RateLimitWindowOptions,
} from './rate-limit'

/** 429 `RATE_LIMITED` with `Retry-After` and `details.retryAfterSeconds` (R8). */
export function rateLimited(retryAfterSeconds: number): AppError {
  return AppError.of('RATE_LIMITED', { retryAfterSeconds })
}

/** Options of {@link beginSignInAttempt}. */
export interface SignInAttemptOptions {
  /** Which sign-in: partner staff and customers count separately. */
  scope: 'sign-in' | 'customer-sign-in'
  clientAddress: string
  /** The canonical email tried, or null when it was not an email. */
  canonical: string | null
  /** The id of the account of that email, or null when there is none. */
  accountId: string | null
}

/** An attempt that passed the limits; the caller reports a right password. */
export interface SignInAttempt {
  /** Clears the account's delay, uncounts this attempt and remembers the address for 30 days. */
  succeeded(): Promise<void>
}

// Not an email: nothing was counted per account, so a success has nothing to clear.
const NOTHING_TO_RECORD: SignInAttempt = { succeeded: () => Promise.resolve() }

/**
 * R59 before any password work, all counted in PostgreSQL so every API process shares them:
 * 1. attempts per client address per minute (`SIGN_IN_RATE_LIMIT_PER_MINUTE`);
 * 2. failures per account and address per 15 minutes (`SIGN_IN_MAX_FAILURES`);
 * 3. the per-account delay after consecutive failures (1 s doubling up to
 *    `SIGN_IN_BACKOFF_CAP_SECONDS`), for addresses the account never signed in from; a known
 *    address neither waits for it nor changes it.
 * Each refusal is 429 `RATE_LIMITED` with `Retry-After`; the server never sleeps. An attempt
 * counts as a failure until `succeeded()`, so parallel guesses cannot share one open slot.
 * Accounts and addresses are stored only as keyed MACs (keyring.ts). Unknown emails go through
 * the same steps, so the answers do not tell which accounts exist.
 */
export async function beginSignInAttempt(
  deps: AppDeps,
  options: SignInAttemptOptions
): Promise<SignInAttempt> {
  const now = deps.clock.now()
  const address = rateLimitSubject(options.clientAddress)
  const perAddress = { bucketKey: `${options.scope}:address:${address}`, windowSeconds: 60, now }
  if ((await hitRateLimit(deps.db, perAddress)) > deps.config.signInRateLimitPerMinute) {
    throw rateLimited(secondsLeftInWindow(perAddress))
  }
  if (options.canonical === null) return NOTHING_TO_RECORD

  const { keyring } = deps
  const account = `${options.scope}\n${options.canonical}`
  const subject = await keyring.mac(KEY_PURPOSES.signInLimitSubject, account)
  const perAccountAddress: RateLimitWindowOptions = {
    bucketKey: `${options.scope}:account-address:${await keyring.mac(
      KEY_PURPOSES.signInLimitSubject,
      `${account}\n${address}`
    )}`,
    windowSeconds: SIGN_IN_LIMITS.ACCOUNT_ADDRESS_WINDOW_SECONDS,
    now,
  }
  if ((await hitRateLimit(deps.db, perAccountAddress)) > deps.config.signInMaxFailures) {
    throw rateLimited(secondsLeftInWindow(perAccountAddress))
  }

  // Unknown emails look up a MAC too, so both paths cost the same queries.
  const knownMessage = `${options.scope}\n${options.accountId ?? `unknown:${options.canonical}`}\n${address}`
  const knownMacs = await keyring.macsForLookup(KEY_PURPOSES.signInKnownAddress, knownMessage)
  const [known] = await deps.db
    .select({ mac: signInKnownAddresses.mac })
    .from(signInKnownAddresses)
    .where(
      and(inArray(signInKnownAddresses.mac, knownMacs), gt(signInKnownAddresses.expiresAt, now))
    )
    .limit(1)
  if (!known && deps.config.signInBackoffCapSeconds > 0) {
    await claimAccountAttempt(deps, subject, now, perAccountAddress)
  }

  return {
    async succeeded() {
      const expiresAt = new Date(now.getTime() + SIGN_IN_LIMITS.KNOWN_ADDRESS_DAYS * 86_400_000)
      const mac = await keyring.mac(KEY_PURPOSES.signInKnownAddress, knownMessage)
      await refundRateLimit(deps.db, perAccountAddress)
      // Only a success that waited like a stranger clears the delay: the owner signing in from
      // a known address leaves a stranger's streak where it is.
      if (!known) await deps.db.delete(signInBackoffs).where(eq(signInBackoffs.subject, subject))
      await deps.db
        .insert(signInKnownAddresses)
        .values({ mac, expiresAt })
        .onConflictDoUpdate({ target: signInKnownAddresses.mac, set: { expiresAt } })
    },
  }
}

/**
 * Claims the account's open slot for an attempt from an unknown address, or throws 429 with the
 * seconds its delay still runs. The row lock serialises attempts on one account, so parallel
 * guesses cannot share one slot.
 */
async function claimAccountAttempt(
  deps: AppDeps,
  subject: string,
  now: Date,
  perAccountAddress: RateLimitWindowOptions
): Promise<void> {
  const decision = await deps.db.transaction(async (tx) => {
    await tx
      .insert(signInBackoffs)
      .values({ subject, failures: 0, nextAllowedAt: now, lastFailureAt: now })
      .onConflictDoNothing()
    const [state] = await tx
      .select()
      .from(signInBackoffs)
      .where(eq(signInBackoffs.subject, subject))
      .for('update')
    const decided = decideSignInAttempt({
      state: state ?? null,
      now,
      capSeconds: deps.config.signInBackoffCapSeconds,
    })
    if (decided.allowed) {
      await tx
        .update(signInBackoffs)
        .set(decided.claimed)
        .where(eq(signInBackoffs.subject, subject))
    }
    return decided
  })
  if (!decision.allowed) {
    // Refused before any password work: not a failure of this account and address.
    await refundRateLimit(deps.db, perAccountAddress)
    throw rateLimited(decision.retryAfterSeconds)
  }
}
