// Every zero-padded field once, so formatting a timestamp allocates no digit strings.
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'))
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'))

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
    `${year}-${TWO_DIGITS[date.getUTCMonth() + 1]}-${TWO_DIGITS[date.getUTCDate()]}` +
    `T${TWO_DIGITS[date.getUTCHours()]}:${TWO_DIGITS[date.getUTCMinutes()]}:` +
    `${TWO_DIGITS[date.getUTCSeconds()]}.${THREE_DIGITS[date.getUTCMilliseconds()]}Z`
  )
}

/** {@link isoTimestamp} of a nullable date. */
export function isoTimestampOrNull(date: Date | null): string | null {
  return date === null ? null : isoTimestamp(date)
}
