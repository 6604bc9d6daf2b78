/** Milliseconds in one second, minute, hour and day; durations are exact (domain.md conventions). */
export const SECOND_MS = 1000
/** Milliseconds in one minute. */
export const MINUTE_MS = 60 * SECOND_MS
/** Milliseconds in one hour. */
export const HOUR_MS = 60 * MINUTE_MS
/** Milliseconds in one day: exactly 24 h, never "end of day". */
export const DAY_MS = 24 * HOUR_MS

/**
 * Adds an exact number of milliseconds to an instant, returning a new Date.
 *
 * @example
 * addMs(new Date('2025-01-01T00:00:00Z'), DAY_MS) // 2025-01-02T00:00:00Z
 */
export function addMs(instant: Date, ms: number): Date {
  return new Date(instant.getTime() + ms)
}

/**
 * Adds exact days (n × 24 h) to an instant.
 *
 * @example
 * addDays(new Date('2025-01-01T00:00:00Z'), 15) // 2025-01-16T00:00:00Z
 */
export function addDays(instant: Date, days: number): Date {
  return addMs(instant, days * DAY_MS)
}

/**
 * Whole seconds from `now` until `later`, rounded up and at least 1, so that a client waiting
 * `Retry-After` seconds is never early.
 *
 * @example
 * secondsUntil(new Date('2025-01-01T00:00:00.200Z'), new Date('2025-01-01T00:00:00Z')) // 1
 */
export function secondsUntil(later: Date, now: Date): number {
  return Math.max(1, Math.ceil((later.getTime() - now.getTime()) / SECOND_MS))
}

/**
 * Tells whether an instant lies in the rolling window (now − length, now] of domain.md.
 *
 * @example
 * isInWindow(now, now, DAY_MS) // true
 */
export function isInWindow(instant: Date, now: Date, lengthMs: number): boolean {
  const t = instant.getTime()
  return t > now.getTime() - lengthMs && t <= now.getTime()
}
