/**
 * The sign-in limits of R59 that protect an account without letting a stranger lock it:
 * - per account, a delay after each consecutive failure from an address not known to the
 *   account, doubling from 1 s up to a cap (15 minutes by default), answered as 429 with
 *   `Retry-After` and never slept on the server; a success from such an address clears it;
 * - per account and client address, `SIGN_IN_MAX_FAILURES` failures per 15 minutes;
 * - an address the account signed in from successfully is known for 30 days; a sign-in from a
 *   known address neither waits for nor changes the per-account delay (the per account and
 *   address limit still applies), so a stranger's failures cannot lock the owner out.
 */
export const SIGN_IN_LIMITS = {
  /** The first per-account delay; each further consecutive failure doubles it. */
  FIRST_DELAY_SECONDS: 1,
  /** The default longest per-account delay (`SIGN_IN_BACKOFF_CAP_SECONDS`). */
  BACKOFF_CAP_SECONDS: 900,
  /** A streak of failures is forgotten this long after its last failure. */
  STREAK_MEMORY_SECONDS: 24 * 3600,
  /** The window of the per account and address failure limit. */
  ACCOUNT_ADDRESS_WINDOW_SECONDS: 15 * 60,
  /** How long a successful sign-in makes its address known to the account. */
  KNOWN_ADDRESS_DAYS: 30,
} as const

/** The stored per-account state: consecutive failures and when the next attempt may come. */
export interface SignInBackoffState {
  failures: number
  nextAllowedAt: Date
  lastFailureAt: Date
}

/**
 * The per-account delay after `failures` consecutive failures: 0 for none, else
 * `min(cap, 1 s × 2^(failures−1))`; a cap of 0 turns the delay off.
 *
 * @example
 * signInDelaySeconds(1, 900) // 1
 * signInDelaySeconds(4, 900) // 8
 * signInDelaySeconds(30, 900) // 900
 */
export function signInDelaySeconds(failures: number, capSeconds: number): number {
  if (failures < 1 || capSeconds <= 0) return 0
  // The exponent is bounded so a long streak cannot overflow to Infinity.
  const doubled = SIGN_IN_LIMITS.FIRST_DELAY_SECONDS * 2 ** Math.min(failures - 1, 40)
  return Math.min(capSeconds, doubled)
}

/** Options of {@link decideSignInAttempt}. */
export interface SignInAttemptInput {
  /** The stored state of the account, or null if it has none. */
  state: SignInBackoffState | null
  now: Date
  capSeconds: number
}

/** The answer of {@link decideSignInAttempt}. */
export type SignInAttemptDecision =
  | {
      allowed: true
      /** The state to store before checking the password: the attempt counts as a failure
       * until it succeeds, so parallel attempts cannot all pass one open slot. */
      claimed: SignInBackoffState
    }
  | { allowed: false; retryAfterSeconds: number }

/**
 * Whether a sign-in attempt from an address not known to the account may check its password
 * now (R59). Refused, with the seconds to wait, while the account's delay runs. Allowed attempts
 * return the state that counts them as one more consecutive failure; a success then clears the
 * state. A streak whose last failure is older than a day starts over.
 *
 * @example
 * const now = new Date('2026-03-02T09:00:00Z')
 * decideSignInAttempt({ state: null, now, capSeconds: 900 })
 * // { allowed: true, claimed: { failures: 1, nextAllowedAt: now + 1 s, lastFailureAt: now } }
 */
export function decideSignInAttempt(input: SignInAttemptInput): SignInAttemptDecision {
  const { now, state } = input
  const forgotten =
    !state ||
    now.getTime() - state.lastFailureAt.getTime() >= SIGN_IN_LIMITS.STREAK_MEMORY_SECONDS * 1000
  const failures = forgotten ? 0 : state.failures
  if (!forgotten && now < state.nextAllowedAt) {
    const wait = Math.ceil((state.nextAllowedAt.getTime() - now.getTime()) / 1000)
    return { allowed: false, retryAfterSeconds: Math.max(1, wait) }
  }
  const delay = signInDelaySeconds(failures + 1, input.capSeconds)
  const nextAllowedAt = new Date(now.getTime() + delay * 1000)
  return { allowed: true, claimed: { failures: failures + 1, nextAllowedAt, lastFailureAt: now } }
}
