import type { DomainError, Result } from '../core/result'
import { ok, validationFailed } from '../core/result'
import { hasControlCharacter } from './control-characters'
import { isHeaderSafe } from './header-safety'

interface TextRule {
  path: string
  min: number
  max: number
  headerSafe: boolean
}

function validateText(raw: unknown, rule: TextRule): Result<string, DomainError> {
  const issue = (reason: string) => validationFailed([{ path: rule.path, reason }])
  if (typeof raw !== 'string') return issue('REQUIRED')
  if (rule.headerSafe && !isHeaderSafe(raw)) return issue('HEADER_UNSAFE')
  const trimmed = raw.trim()
  // Lengths count code points, so a CJK or emoji name is not penalised for UTF-16 surrogates.
  const length = Array.from(trimmed).length
  if (length < rule.min) return issue('REQUIRED')
  if (length > rule.max) return issue('TOO_LONG')
  if (hasControlCharacter(trimmed)) return issue('CONTROL_CHARACTER')
  return ok(trimmed)
}

/**
 * Validates and trims a customer name (R16): 1–100 characters after trimming, no control
 * characters.
 *
 * @example
 * validateCustomerName('  Alpha Robotics ') // ok('Alpha Robotics')
 * validateCustomerName('   ').ok // false (VALIDATION_FAILED, reason REQUIRED)
 */
export function validateCustomerName(raw: unknown, max = 100): Result<string, DomainError> {
  return validateText(raw, { path: 'customerName', min: 1, max, headerSafe: false })
}

/**
 * Validates and trims a partner name (§3.1): 1–100 characters and none of CR, LF, NUL, U+0085,
 * U+2028, U+2029, because it appears in email subjects (R55).
 *
 * @example
 * validatePartnerName('Acme Cloud Services') // ok('Acme Cloud Services')
 * validatePartnerName('Acme\nBcc: x').ok // false
 */
export function validatePartnerName(raw: unknown): Result<string, DomainError> {
  return validateText(raw, { path: 'name', min: 1, max: 100, headerSafe: true })
}

/**
 * Validates and trims the name of a partner's ecosystem manager (§3.1): 1–100 characters, no
 * control characters. It is shown on the partner's pages, never put in an email header.
 *
 * @example
 * validateEcosystemManagerName(' Mei Chen ') // ok('Mei Chen')
 * validateEcosystemManagerName('Mei\u0000').ok // false (CONTROL_CHARACTER)
 */
export function validateEcosystemManagerName(raw: unknown): Result<string, DomainError> {
  return validateText(raw, { path: 'ecosystemManagerName', min: 1, max: 100, headerSafe: false })
}

/**
 * Validates and trims the note of a rejected manual review (P6, R31): 1–500 characters.
 *
 * @example
 * validateReviewNote('Existing direct customer') // ok('Existing direct customer')
 */
export function validateReviewNote(raw: unknown, max = 500): Result<string, DomainError> {
  return validateText(raw, { path: 'note', min: 1, max, headerSafe: false })
}
