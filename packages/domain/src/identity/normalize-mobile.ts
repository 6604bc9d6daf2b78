import type { DomainError, Result } from '../core/result'
import { ok, validationFailed } from '../core/result'
import { countryCallingCodeOf, isCountryCallingCode } from './country-calling-codes'

/**
 * A mobile number entered as a country calling code plus a national number (the form's code
 * select and number field), as an alternative to one E.164 string.
 *
 * @example
 * const input: MobileParts = { countryCode: '+86', nationalNumber: '138 0000 0010' }
 */
export interface MobileParts {
  countryCode: string
  nationalNumber: string
}

const SEPARATORS = /[ \-()]/g
const MIN_DIGITS = 8
const MAX_DIGITS = 15

function invalid(reason: string): Result<never, DomainError> {
  return validationFailed([{ path: 'mobile', reason }])
}

function finish(code: string, national: string): Result<string, DomainError> {
  if (!/^\d+$/.test(national)) return invalid('NOT_DIGITS')
  const total = code.length + national.length
  if (total < MIN_DIGITS || total > MAX_DIGITS) return invalid('LENGTH')
  return ok(`+${code}${national}`)
}

/**
 * E.164 form of a mobile number (R15): spaces, hyphens and parentheses are removed; the result is
 * `+`, an assigned ITU country calling code and a national number, 8–15 digits in all. A string
 * must start with `+` (a bare digit string is ambiguous: it could be a national number);
 * anything else is `VALIDATION_FAILED`.
 *
 * @example
 * normalizeMobile('+86 138-0000-0010') // ok('+8613800000010')
 * normalizeMobile({ countryCode: '1', nationalNumber: '(415) 555-2671' }) // ok('+14155552671')
 * normalizeMobile('+999 1234 5678').ok // false: 999 is not a country calling code
 */
export function normalizeMobile(raw: unknown): Result<string, DomainError> {
  if (typeof raw === 'string') {
    const compact = raw.trim().replace(SEPARATORS, '')
    if (!/^\+\d+$/.test(compact)) return invalid('NOT_E164')
    const digits = compact.slice(1)
    const code = countryCallingCodeOf(digits)
    if (code === null) return invalid('UNKNOWN_COUNTRY_CODE')
    return finish(code, digits.slice(code.length))
  }
  if (typeof raw === 'object' && raw !== null) {
    const { countryCode, nationalNumber } = raw as Partial<MobileParts>
    if (typeof countryCode !== 'string' || typeof nationalNumber !== 'string') {
      return invalid('REQUIRED')
    }
    const code = countryCode.trim().replace(SEPARATORS, '').replace(/^\+/, '')
    if (!isCountryCallingCode(code)) return invalid('UNKNOWN_COUNTRY_CODE')
    return finish(code, nationalNumber.trim().replace(SEPARATORS, ''))
  }
  return invalid('REQUIRED')
}
