import type { Locale } from './locale'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * Formats an instant in UTC for the invitation email (§9.4). Built from the UTC getters rather
 * than `Intl.DateTimeFormat`, so the output is identical on every runtime and ICU build.
 *
 * @example
 * formatExpiry(new Date('2025-01-22T09:30:00Z'), 'en') // '22 Jan 2025, 09:30 UTC'
 * formatExpiry(new Date('2025-01-22T09:30:00Z'), 'zh-CN') // '2025年1月22日 09:30(UTC)'
 */
export function formatExpiry(date: Date, locale: Locale): string {
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth()
  const day = date.getUTCDate()
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`
  if (locale === 'zh-CN') return `${year}年${month + 1}月${day}日 ${time}(UTC)`
  return `${day} ${MONTHS[month]} ${year}, ${time} UTC`
}
