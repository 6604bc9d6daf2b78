import { formatExpiry } from '@partner-center/domain'
import { EmailInputError } from './email-input-error.js'
import type { Locale } from './types.js'

/**
 * Formats an instant in UTC for the locale, exactly as domain.md §9.4 shows: the domain's
 * `formatExpiry` (built from UTC getters, so the output never depends on the machine's time zone
 * or ICU data), after refusing an invalid date as the templates' input error.
 *
 * @example
 * formatDateTime(new Date('2025-01-22T09:30:00Z'), 'en') // '22 Jan 2025, 09:30 UTC'
 * formatDateTime(new Date('2025-01-22T09:30:00Z'), 'zh-CN') // '2025年1月22日 09:30(UTC)'
 */
export function formatDateTime(instant: Date, locale: Locale, field = 'date'): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new EmailInputError('INVALID_PROP', field, `${field} must be a valid Date`)
  }
  return formatExpiry(instant, locale)
}
