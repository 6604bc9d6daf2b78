import { EmailInputError } from './email-input-error'
import { catalogues } from './messages/catalogues'
import { interpolate } from './messages/interpolate'
import type { Locale } from './types'

const pad2 = (value: number): string => String(value).padStart(2, '0')

/**
 * Formats an instant in UTC for the locale, exactly as domain.md §9.4 shows. Built from UTC
 * getters rather than `Intl`, so the output never depends on the machine's time zone or ICU data.
 *
 * @example
 * formatDateTime(new Date('2025-01-22T09:30:00Z'), 'en') // '22 Jan 2025, 09:30 UTC'
 * formatDateTime(new Date('2025-01-22T09:30:00Z'), 'zh-CN') // '2025年1月22日 09:30(UTC)'
 */
export function formatDateTime(instant: Date, locale: Locale, field = 'date'): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new EmailInputError('INVALID_PROP', field, `${field} must be a valid Date`)
  }
  const { pattern, monthNames } = catalogues[locale].dateTime
  const month = instant.getUTCMonth()
  return interpolate(pattern, {
    day: String(instant.getUTCDate()),
    month: String(month + 1),
    monthName: monthNames[month] ?? '',
    year: String(instant.getUTCFullYear()),
    hh: pad2(instant.getUTCHours()),
    mm: pad2(instant.getUTCMinutes()),
  })
}
