/**
 * An instant in the browser's time zone, `YYYY-MM-DD HH:mm` (domain.md R6), in the page language.
 *
 * @example
 * formatLocalTime('2025-01-22T09:30:00Z', 'en') // '2025-01-22 17:30' in UTC+8
 */
export function formatLocalTime(iso: string, _locale: string): string {
  const date = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** The same instant in UTC, `YYYY-MM-DD HH:mm`. */
export function formatUtcTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ')
}
