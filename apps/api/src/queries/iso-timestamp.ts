const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`)
const threeDigits = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`)

/**
 * `date.toISOString()`, about 2.5 times faster: V8's own goes through its runtime (about 0.5 µs
 * a call on our machines) and a list page formats up to 80 timestamps. Years outside 1000–9999,
 * whose ISO form differs, and invalid dates (which throw) are left to the built-in.
 *
 * @example
 * isoTimestamp(new Date(Date.UTC(2026, 10, 28, 4, 5, 6, 7))) // '2026-11-28T04:05:06.007Z'
 */
export function isoTimestamp(date: Date): string {
  const year = date.getUTCFullYear()
  if (!(year >= 1000 && year <= 9999)) return date.toISOString()
  return (
    `${year}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}` +
    `T${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:` +
    `${twoDigits(date.getUTCSeconds())}.${threeDigits(date.getUTCMilliseconds())}Z`
  )
}

/** {@link isoTimestamp} of a nullable date. */
export function isoTimestampOrNull(date: Date | null): string | null {
  return date === null ? null : isoTimestamp(date)
}
