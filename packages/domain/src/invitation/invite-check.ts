import type { PreregistrationSnapshot } from '../core/entities'
import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'
import { addMs, DAY_MS, isInWindow, MINUTE_MS, secondsUntil } from '../core/time'
import type { FailureCode } from '../failures/failure-codes'
import { effectivePreregistrationStatus } from '../preregistration/preregistration-status'

/**
 * Whether a row can be invited now, and if not why (R40 `inviteCheck`, R74 `resendCheck`).
 *
 * @example
 * const check: InviteCheck = { allowed: false, code: 'RESEND_COOLDOWN', retryAfterSeconds: 300 }
 */
export type InviteCheck =
  | { allowed: true; code?: undefined; retryAfterSeconds?: undefined }
  | { allowed: false; code: FailureCode; retryAfterSeconds?: number }

// One shared answer: a list asks for every row, and most rows are invitable.
const INVITE_ALLOWED: InviteCheck = Object.freeze({ allowed: true })

/**
 * R38 steps 2–4 for one pre-registration, evaluated for every list and history row:
 * `PREREGISTRATION_NOT_ACTIVE` unless effectively `PRE_REGISTERED` (a deleted row included, R45),
 * `EMAIL_REQUIRED` without an email, `RESEND_COOLDOWN` while its latest invitation is younger than
 * `RESEND_COOLDOWN_MINUTES` (with `retryAfterSeconds`).
 *
 * @example
 * checkInvite({ preregistration: row, latestInvitation: { createdAt: fiveMinutesAgo }, now })
 * // { allowed: false, code: 'RESEND_COOLDOWN', retryAfterSeconds: 300 }
 */
export function checkInvite(options: {
  preregistration: Pick<
    PreregistrationSnapshot,
    'status' | 'validUntil' | 'reviewDeadline' | 'emailCanonical'
  >
  latestInvitation?: { createdAt: Date } | null
  now: Date
  limits?: Limits
}): InviteCheck {
  const { preregistration: row, latestInvitation, now, limits = DEFAULT_LIMITS } = options
  if (effectivePreregistrationStatus(row, now) !== 'PRE_REGISTERED') {
    return { allowed: false, code: 'PREREGISTRATION_NOT_ACTIVE' }
  }
  if (row.emailCanonical === null) return { allowed: false, code: 'EMAIL_REQUIRED' }
  if (latestInvitation) {
    const until = addMs(latestInvitation.createdAt, limits.RESEND_COOLDOWN_MINUTES * MINUTE_MS)
    if (now.getTime() < until.getTime()) {
      return {
        allowed: false,
        code: 'RESEND_COOLDOWN',
        retryAfterSeconds: secondsUntil(until, now),
      }
    }
  }
  return INVITE_ALLOWED
}

/**
 * A rolling 24 h cap (R38 steps 5 and 6): refused when `cap` or more of `times` lie in
 * (now − 24 h, now]. `retryAfterSeconds` is the wait until enough of them leave the window for
 * one more to fit: with exactly `cap` counted that is the oldest one, as R38 says; after a cap
 * was lowered (R12) it is a later one, so the client is never told to retry too early.
 *
 * @example
 * checkDailyCap({ times: [t1, t2, t3], cap: 3, now, code: 'RECIPIENT_DAILY_CAP' })
 * // { allowed: false, code: 'RECIPIENT_DAILY_CAP', retryAfterSeconds: until t1 + 24 h }
 */
export function checkDailyCap(options: {
  times: readonly Date[]
  cap: number
  now: Date
  code: 'RECIPIENT_DAILY_CAP' | 'PARTNER_DAILY_CAP'
}): InviteCheck {
  const { cap, now, code } = options
  const counted = options.times
    .filter((t) => isInWindow(t, now, DAY_MS))
    .sort((a, b) => a.getTime() - b.getTime())
  if (counted.length < cap) return { allowed: true }
  // With cap 0 nothing ever fits, so there is no moment to retry at.
  const leaving = cap > 0 ? counted[counted.length - cap] : undefined
  return leaving === undefined
    ? { allowed: false, code }
    : { allowed: false, code, retryAfterSeconds: secondsUntil(addMs(leaving, DAY_MS), now) }
}
