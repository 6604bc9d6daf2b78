import type { InvitationState } from '../core/entities'
import type { DomainError, Result } from '../core/result'
import { fail, ok } from '../core/result'
import { DEFAULT_LIMITS } from '../core/limits'
import { HOUR_MS, addMs } from '../core/time'

/**
 * No reminder for an invitation whose reminder would fall less than this many hours after its
 * first send (§12.6, R115).
 *
 * @example
 * REMINDER_MIN_HOURS_AFTER_SEND // 24
 */
export const REMINDER_MIN_HOURS_AFTER_SEND = DEFAULT_LIMITS.REMINDER_MIN_HOURS_AFTER_SEND

/**
 * Hours before `expiresAt` when the reminder is due if `INVITATION_REMINDER_HOURS` is unset
 * (R115): min(48, `INVITATION_TTL_DAYS` × 12).
 *
 * @example
 * defaultReminderHours(7) // 48
 * defaultReminderHours(1) // 12
 */
export function defaultReminderHours(ttlDays: number): number {
  return Math.min(48, ttlDays * 12)
}

/**
 * The effective `INVITATION_REMINDER_HOURS` (R115): the default of `defaultReminderHours` when
 * unset, else the explicit value, which must be an integer 0 … `INVITATION_TTL_DAYS` × 24 − 1
 * (`0` disables reminders). Any other explicit value is `VALIDATION_FAILED` naming the variable,
 * with a `message` stating the allowed range, so the API and the dispatcher stop at start.
 *
 * @example
 * resolveReminderHours(undefined, 7) // ok(48)
 * resolveReminderHours(0, 7) // ok(0): reminders off
 * resolveReminderHours(168, 7).ok // false: at least INVITATION_TTL_DAYS × 24
 */
export function resolveReminderHours(
  explicit: number | undefined,
  ttlDays: number
): Result<number, DomainError> {
  if (explicit === undefined) return ok(defaultReminderHours(ttlDays))
  const max = ttlDays * 24 - 1
  if (Number.isInteger(explicit) && explicit >= 0 && explicit <= max) return ok(explicit)
  const reason = Number.isInteger(explicit) ? `OUT_OF_RANGE_0_${max}` : 'NOT_AN_INTEGER'
  return fail('VALIDATION_FAILED', {
    fields: [{ path: 'INVITATION_REMINDER_HOURS', reason }],
    message:
      `INVITATION_REMINDER_HOURS must be an integer from 0 to ${max} ` +
      `(INVITATION_TTL_DAYS × 24 − 1 with INVITATION_TTL_DAYS=${ttlDays}; 0 disables reminders), ` +
      `got ${String(explicit)}`,
  })
}

/**
 * The timing of one invitation's reminder: its first send, its expiry and the effective
 * `INVITATION_REMINDER_HOURS` (from `resolveReminderHours`).
 *
 * @example
 * const timing: ReminderTiming = { sentAt: now, expiresAt: addDays(now, 7), reminderHours: 48 }
 */
export interface ReminderTiming {
  sentAt: Date
  expiresAt: Date
  reminderHours: number
}

/**
 * When the reminder of an invitation is due (R115): `expiresAt − H`, or `null` when reminders
 * are off (H = 0) or the reminder would fall less than 24 hours after the first send, in which
 * case the invitation never gets one (with `INVITATION_TTL_DAYS=1` no invitation does).
 *
 * @example
 * reminderDueAt({ sentAt: new Date('2025-01-01T00:00:00Z'), expiresAt: new Date('2025-01-08T00:00:00Z'), reminderHours: 48 }) // 2025-01-06T00:00:00Z
 * reminderDueAt({ sentAt: new Date('2025-01-01T00:00:00Z'), expiresAt: new Date('2025-01-02T00:00:00Z'), reminderHours: 12 }) // null
 */
export function reminderDueAt(timing: ReminderTiming): Date | null {
  const { sentAt, expiresAt, reminderHours } = timing
  // Only 0 is a valid "off"; a negative H never passes resolveReminderHours, so it is off too
  // rather than a reminder after expiry.
  if (reminderHours <= 0) return null
  const reminderAt = addMs(expiresAt, -reminderHours * HOUR_MS)
  const afterSendMs = reminderAt.getTime() - sentAt.getTime()
  return afterSendMs >= REMINDER_MIN_HOURS_AFTER_SEND * HOUR_MS ? reminderAt : null
}

/**
 * What `isReminderDue` reads: the invitation's status and instants, the effective
 * `INVITATION_REMINDER_HOURS` and `now`.
 *
 * @example
 * const input: ReminderDueInput = { status: 'SENT', sentAt, expiresAt, reminderHours: 48, now }
 */
export interface ReminderDueInput extends Pick<InvitationState, 'status' | 'sentAt' | 'expiresAt'> {
  reminderHours: number
  now: Date
}

/**
 * Whether an invitation's reminder is due at `now` (R115): status `SENT` with `sentAt` set,
 * `reminderAt ≤ now < expiresAt`, and a reminder that exists per `reminderDueAt`. The sweeper
 * queues it at most once (R116); this rule does not know whether it already was.
 *
 * @example
 * isReminderDue({ status: 'SENT', sentAt: new Date('2025-01-01T00:00:00Z'), expiresAt: new Date('2025-01-08T00:00:00Z'), reminderHours: 48, now: new Date('2025-01-06T00:00:00Z') }) // true
 * isReminderDue({ status: 'QUEUED', sentAt: null, expiresAt: null, reminderHours: 48, now: new Date('2025-01-06T00:00:00Z') }) // false
 */
export function isReminderDue(input: ReminderDueInput): boolean {
  const { status, sentAt, expiresAt, reminderHours, now } = input
  if (status !== 'SENT' || sentAt === null || expiresAt === null) return false
  const reminderAt = reminderDueAt({ sentAt, expiresAt, reminderHours })
  return reminderAt !== null && reminderAt <= now && now < expiresAt
}
