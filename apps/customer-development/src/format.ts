const DAY_MS = 86_400_000

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/**
 * An instant as local date and time, `2025-01-22 17:30`; "—" for null.
 *
 * @example
 * formatDateTime(null) // '—'
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  return `${formatDate(iso)} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/**
 * The same instant in UTC, `2025-01-22 09:30`, for the hover of a local time (R6); "—" for null.
 *
 * @example
 * formatUtcDateTime('2025-01-22T09:30:00+08:00') // '2025-01-22 01:30'
 */
export function formatUtcDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`
}

/**
 * An instant as a local date, `2025-01-22`; "—" for null.
 *
 * @example
 * formatDate('2025-01-22T09:30:00Z') // '2025-01-22' (in UTC+0)
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * Whole days from `now` until `iso`, rounded up (a row valid for 2.1 more days has "3 days
 * left"); null when the instant has passed or is missing.
 *
 * @example
 * daysLeft('2025-01-03T00:00:00Z', new Date('2025-01-01T00:00:00Z')) // 2
 */
export function daysLeft(iso: string | null | undefined, now: Date): number | null {
  if (!iso) return null
  const ms = new Date(iso).getTime() - now.getTime()
  return ms > 0 ? Math.ceil(ms / DAY_MS) : null
}

/**
 * Seconds as whole minutes, rounded up, at least 1 (for "available in n min").
 *
 * @example
 * minutesFromSeconds(61) // 2
 */
export function minutesFromSeconds(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60))
}
