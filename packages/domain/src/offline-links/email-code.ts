import type { Result } from '../core/result'
import { err, ok } from '../core/result'
import type { PendingRegistrationStatus } from '../core/statuses'
import { DEFAULT_LIMITS } from '../core/limits'
import { DAY_MS, MINUTE_MS, SECOND_MS, addMs, secondsUntil } from '../core/time'

// The email code of a registration through an invitation link (domain.md §12: R101–R105,
// §12.2.2 PendingLinkRegistration). The limits are `DEFAULT_LIMITS` entries (§12.6), named here
// for the rules that read them.
//
// Drawing the code is not here: the domain draws no randomness. The dispatcher draws it when it
// sends the `EMAIL_CODE` outbox row (R102: 6 digits, uniform over 000000–999999 from a
// cryptographically secure generator), stores only its keyed hash (`codeHash`, §12.2.2) and
// compares hashes in constant time at confirmation; these rules get the result as `codeMatches`.

/**
 * Digits of an email code (`EMAIL_CODE_DIGITS` of §12.6, R102).
 *
 * @example
 * EMAIL_CODE_DIGITS // 6
 */
export const EMAIL_CODE_DIGITS = DEFAULT_LIMITS.EMAIL_CODE_DIGITS

/**
 * Minutes a code works (`EMAIL_CODE_TTL_MINUTES` of §12.6): until its pending link
 * registration's `expiresAt`, which is the same 10 minutes after the request (R101, R104).
 *
 * @example
 * EMAIL_CODE_TTL_MINUTES // 10
 */
export const EMAIL_CODE_TTL_MINUTES = DEFAULT_LIMITS.EMAIL_CODE_TTL_MINUTES

/**
 * Minutes a pending link registration is kept (`PENDING_REGISTRATION_TTL_MINUTES` of §12.6):
 * `expiresAt = createdAt + 10 min`, never moved (§12.2.2, R101).
 *
 * @example
 * PENDING_REGISTRATION_TTL_MINUTES // 10
 */
export const PENDING_REGISTRATION_TTL_MINUTES = DEFAULT_LIMITS.PENDING_REGISTRATION_TTL_MINUTES

/**
 * Wrong confirmations before a pending link registration is voided (`EMAIL_CODE_MAX_TRIES` of
 * §12.6, R104): the fifth wrong code voids it.
 *
 * @example
 * EMAIL_CODE_MAX_TRIES // 5
 */
export const EMAIL_CODE_MAX_TRIES = DEFAULT_LIMITS.EMAIL_CODE_MAX_TRIES

/**
 * Code requests per canonical address in the last 24 h, across all links, partners and both
 * purposes (`EMAIL_CODE_SENDS_PER_DAY` of §12.6, R102).
 *
 * @example
 * EMAIL_CODE_SENDS_PER_DAY // 5
 */
export const EMAIL_CODE_SENDS_PER_DAY = DEFAULT_LIMITS.EMAIL_CODE_SENDS_PER_DAY

/**
 * Least seconds between two code requests for one canonical address (`EMAIL_CODE_RESEND_SECONDS`
 * of §12.6, R102): two requests exactly 60 s apart are both allowed, 59 s apart are not.
 *
 * @example
 * EMAIL_CODE_RESEND_SECONDS // 60
 */
export const EMAIL_CODE_RESEND_SECONDS = DEFAULT_LIMITS.EMAIL_CODE_RESEND_SECONDS

/**
 * The failure codes of the email code step (§12.5). Local string literals, not `FailureCode`:
 * they join the catalogue (`FAILURE_CODES`, `FAILURE_META`, the message tables) with the
 * endpoints. `ACCOUNT_EXISTS` is not here: it is decided after a match, in the caller's
 * transaction (R104).
 *
 * @example
 * const code: EmailCodeFailureCode = 'EMAIL_CODE_LIMIT'
 */
export type EmailCodeFailureCode =
  'EMAIL_CODE_INVALID' | 'EMAIL_CODE_EXPIRED' | 'EMAIL_CODE_TRIES_EXHAUSTED' | 'EMAIL_CODE_LIMIT'

const CODE_FORMAT = new RegExp(`^[0-9]{${EMAIL_CODE_DIGITS}}$`)

/**
 * Whether a text is an email code as the confirmation schema takes it (R104: `emailCode`, 6
 * digits): exactly {@link EMAIL_CODE_DIGITS} ASCII digits 0–9, leading zeros kept. Nothing is
 * trimmed or normalised: the document names no trimming for this field and R4's schemas are
 * strict, so " 012345", "０１２３４５" (full-width) and "12345" are refused as `VALIDATION_FAILED`
 * by the caller; the portal's field sends the digits only.
 *
 * @example
 * isEmailCodeFormat('012345') // true
 * isEmailCodeFormat(' 012345') // false
 * isEmailCodeFormat('０１２３４５') // false
 */
export function isEmailCodeFormat(text: string): boolean {
  return CODE_FORMAT.test(text)
}

/**
 * The input of {@link decideCodeEmail}.
 *
 * @example
 * const input: CodeEmailInput = { now, sentAt: [new Date(now.getTime() - 120_000)] }
 */
export interface CodeEmailInput {
  now: Date
  /** The allowed code requests of this canonical address (any link, partner, purpose) in the
   * last 24 h; older ones may be included and are ignored. Instants after `now` (another
   * server's clock) count, so they can only make the answer stricter. */
  sentAt: readonly Date[]
}

/**
 * A refused code request: 429 `EMAIL_CODE_LIMIT` with `Retry-After` (R102).
 *
 * @example
 * const error: CodeEmailLimitError = { code: 'EMAIL_CODE_LIMIT', details: { retryAfterSeconds: 60 } }
 */
export interface CodeEmailLimitError {
  code: 'EMAIL_CODE_LIMIT'
  details: { retryAfterSeconds: number }
}

/**
 * An allowed code request, with R101's `resendAfterSeconds`: the wait before the next request
 * counting this one (60 s, or longer when this is the fifth in 24 h).
 *
 * @example
 * const allowed: CodeEmailAllowed = { resendAfterSeconds: 60 }
 */
export interface CodeEmailAllowed {
  resendAfterSeconds: number
}

/**
 * The earliest instant the next code request of an address is allowed, given its earlier ones:
 * at least {@link EMAIL_CODE_RESEND_SECONDS} after the newest, and when
 * {@link EMAIL_CODE_SENDS_PER_DAY} or more lie in the window, when enough of them have left it
 * (a request at t leaves the rolling window (now − 24 h, now] at t + 24 h). `null` when nothing
 * holds it back.
 */
function nextAllowedAt(now: Date, sentAt: readonly Date[]): Date | null {
  const recent = sentAt
    .map((instant) => instant.getTime())
    .filter((t) => t > now.getTime() - DAY_MS)
    .sort((a, b) => a - b)
  if (recent.length === 0) return null
  const newest = recent[recent.length - 1]!
  let at = newest + EMAIL_CODE_RESEND_SECONDS * SECOND_MS
  if (recent.length >= EMAIL_CODE_SENDS_PER_DAY) {
    // The window holds fewer than the cap once all but the newest (cap − 1) have left it.
    const leaving = recent[recent.length - EMAIL_CODE_SENDS_PER_DAY]!
    at = Math.max(at, leaving + DAY_MS)
  }
  return new Date(at)
}

/**
 * Whether a code email may be requested now for one canonical address (R102): at most
 * {@link EMAIL_CODE_SENDS_PER_DAY} (5) requests in the rolling 24 h and at most one per
 * {@link EMAIL_CODE_RESEND_SECONDS} (60 s). Refused: `EMAIL_CODE_LIMIT` with the whole seconds
 * until the earliest instant both caps allow the next one (rounded up, at least 1), and the
 * caller writes nothing. Allowed: the caller records `now` as a request (the counter of
 * `email-code:{mac}`), and answers `resendAfterSeconds`. The same answer whether or not an account
 * has the address (R103): nothing here knows.
 *
 * @example
 * const now = new Date('2026-03-02T09:00:00Z')
 * decideCodeEmail({ now, sentAt: [] }) // ok({ resendAfterSeconds: 60 })
 * decideCodeEmail({ now, sentAt: [new Date('2026-03-02T08:59:30Z')] })
 * // { ok: false, error: { code: 'EMAIL_CODE_LIMIT', details: { retryAfterSeconds: 30 } } }
 */
export function decideCodeEmail(
  input: CodeEmailInput
): Result<CodeEmailAllowed, CodeEmailLimitError> {
  const { now, sentAt } = input
  const blockedUntil = nextAllowedAt(now, sentAt)
  if (blockedUntil !== null && blockedUntil > now) {
    const retryAfterSeconds = secondsUntil(blockedUntil, now)
    return err({ code: 'EMAIL_CODE_LIMIT', details: { retryAfterSeconds } } as const)
  }
  const next = nextAllowedAt(now, [...sentAt, now])!
  return ok({ resendAfterSeconds: secondsUntil(next, now) })
}

/**
 * The fields of a pending link registration that the confirmation reads (§12.2.2). A `VOID` row
 * with `tries` at {@link EMAIL_CODE_MAX_TRIES} was voided by tries; any other `VOID` row was
 * superseded or its link stopped working.
 *
 * @example
 * const pending: PendingCodeState = { status: 'PENDING', expiresAt: addMs(now, 10 * MINUTE_MS), tries: 0 }
 */
export interface PendingCodeState {
  status: PendingRegistrationStatus
  /** When the pending registration and its code stop working: `createdAt + 10 min`. */
  expiresAt: Date
  /** Wrong confirmations so far, 0–5. */
  tries: number
}

/**
 * The input of {@link decideCodeConfirmation}.
 *
 * @example
 * const input: CodeConfirmationInput = { now, pending, codeMatches: false }
 */
export interface CodeConfirmationInput {
  now: Date
  /** The row of `pendingRegistrationId`, or null when it is unknown or belongs to another link. */
  pending: PendingCodeState | null
  /** The caller's constant-time comparison of the keyed hash of (`id`, code) with `codeHash`;
   * false whenever `codeHash` is null (no code was sent, e.g. the address has an account). */
  codeMatches: boolean
}

/**
 * A refused confirmation (R104, §12.5): 422 `EMAIL_CODE_INVALID` with the tries left, 410
 * `EMAIL_CODE_TRIES_EXHAUSTED` or 410 `EMAIL_CODE_EXPIRED`.
 *
 * @example
 * const error: CodeConfirmationError = { code: 'EMAIL_CODE_INVALID', details: { triesLeft: 4 } }
 */
export type CodeConfirmationError =
  | { code: 'EMAIL_CODE_INVALID'; details: { triesLeft: number } }
  | { code: 'EMAIL_CODE_TRIES_EXHAUSTED' }
  | { code: 'EMAIL_CODE_EXPIRED' }

/**
 * What a confirmation writes to the pending row, as a conditional update on the `tries` read:
 * the new tries count and status.
 *
 * @example
 * const write: PendingCodeWrite = { tries: 5, status: 'VOID' }
 */
export interface PendingCodeWrite {
  tries: number
  status: 'PENDING' | 'VOID'
}

/**
 * The answer of {@link decideCodeConfirmation}: the outcome, and the write to make (null: write
 * nothing to the row here).
 *
 * @example
 * const decision: CodeConfirmationDecision = { result: ok('MATCHED'), write: null }
 */
export interface CodeConfirmationDecision {
  result: Result<'MATCHED', CodeConfirmationError>
  write: PendingCodeWrite | null
}

/**
 * Confirms an email code against its pending link registration, in R104's order (also R105's
 * verification): no usable row (unknown, other link's, `CONFIRMED`, `VOID` by supersession) →
 * `EMAIL_CODE_EXPIRED`; `VOID` by tries → `EMAIL_CODE_TRIES_EXHAUSTED`; `now ≥ expiresAt` (so at
 * exactly 10 minutes) → `EMAIL_CODE_EXPIRED`; a wrong code → tries + 1 and `EMAIL_CODE_INVALID`
 * with the tries left, except that the fifth wrong code voids the row and answers
 * `EMAIL_CODE_TRIES_EXHAUSTED` (so a correct sixth is refused). None of these writes anything but
 * the wrong-code update. A match is `MATCHED` with no write here: the caller's transaction then
 * answers `ACCOUNT_EXISTS` or creates the account (row → `CONFIRMED`), or keeps it `PENDING` on a
 * used mobile (R104).
 *
 * @example
 * const now = new Date('2026-03-02T09:05:00Z')
 * const pending = { status: 'PENDING', expiresAt: new Date('2026-03-02T09:10:00Z'), tries: 0 } as const
 * decideCodeConfirmation({ now, pending, codeMatches: true }) // { result: ok('MATCHED'), write: null }
 * decideCodeConfirmation({ now, pending, codeMatches: false })
 * // result EMAIL_CODE_INVALID { triesLeft: 4 }, write { tries: 1, status: 'PENDING' }
 * decideCodeConfirmation({ now, pending: { ...pending, tries: 4 }, codeMatches: false })
 * // result EMAIL_CODE_TRIES_EXHAUSTED, write { tries: 5, status: 'VOID' }
 */
export function decideCodeConfirmation(input: CodeConfirmationInput): CodeConfirmationDecision {
  const { now, pending, codeMatches } = input
  const refuse = (error: CodeConfirmationError, write: PendingCodeWrite | null = null) => ({
    result: err(error),
    write,
  })
  const exhausted = pending !== null && pending.tries >= EMAIL_CODE_MAX_TRIES
  if (pending === null || pending.status === 'CONFIRMED') {
    return refuse({ code: 'EMAIL_CODE_EXPIRED' })
  }
  // A row at the tries cap is spent whatever its status says: the fifth wrong code voided it.
  if (exhausted) return refuse({ code: 'EMAIL_CODE_TRIES_EXHAUSTED' })
  if (pending.status === 'VOID' || now >= pending.expiresAt) {
    return refuse({ code: 'EMAIL_CODE_EXPIRED' })
  }
  if (codeMatches) return { result: ok('MATCHED' as const), write: null }
  const tries = pending.tries + 1
  if (tries >= EMAIL_CODE_MAX_TRIES) {
    return refuse({ code: 'EMAIL_CODE_TRIES_EXHAUSTED' }, { tries, status: 'VOID' })
  }
  const triesLeft = EMAIL_CODE_MAX_TRIES - tries
  return refuse(
    { code: 'EMAIL_CODE_INVALID', details: { triesLeft } },
    { tries, status: 'PENDING' }
  )
}

/**
 * When a pending link registration started at `createdAt` expires (§12.2.2): 10 minutes later;
 * its code works until then (R104).
 *
 * @example
 * pendingRegistrationExpiresAt(new Date('2026-03-02T09:00:00Z')) // 2026-03-02T09:10:00Z
 */
export function pendingRegistrationExpiresAt(createdAt: Date): Date {
  return addMs(createdAt, PENDING_REGISTRATION_TTL_MINUTES * MINUTE_MS)
}
