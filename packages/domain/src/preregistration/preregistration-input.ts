import type { Locale } from '../core/locale'
import { isLocale } from '../core/locale'
import type { DomainError, FieldIssue, Result } from '../core/result'
import { ok, validationFailed } from '../core/result'
import { normalizeEmail } from '../identity/normalize-email'
import { normalizeMobile } from '../identity/normalize-mobile'
import { validateCustomerName } from '../identity/text-fields'

/**
 * The request body of a pre-registration, as received (untrusted).
 *
 * @example
 * const input: PreregistrationInput = { customerName: 'Beta Foods', email: 'new.beta@customer.example', mobile: '+8613800000002', locale: 'zh-CN' }
 */
export interface PreregistrationInput {
  customerName: unknown
  email?: unknown
  mobile?: unknown
  locale?: unknown
}

/**
 * A valid pre-registration request: trimmed name, email as entered (trimmed) and canonical,
 * E.164 mobile, optional locale.
 *
 * @example
 * const valid: ValidPreregistrationInput = { customerName: 'Beta Foods', email: 'New.Beta@customer.example', emailCanonical: 'new.beta@customer.example', mobileE164: null, locale: null }
 */
export interface ValidPreregistrationInput {
  customerName: string
  email: string | null
  emailCanonical: string | null
  mobileE164: string | null
  locale: Locale | null
}

// An empty form field arrives as '' or null: both mean "not given", not "invalid".
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

function issuesOf(result: Result<unknown, DomainError>): FieldIssue[] {
  return result.ok ? [] : ((result.error.details?.fields as FieldIssue[] | undefined) ?? [])
}

/**
 * R19: `customerName` (R16) required, at least one of `email` (R14) and `mobile` (R15), optional
 * `locale`. Every failing field is reported at once, so the form can mark them all.
 *
 * @example
 * validatePreregistrationInput({ customerName: 'X' }).ok // false: email or mobile required
 */
export function validatePreregistrationInput(
  input: PreregistrationInput
): Result<ValidPreregistrationInput, DomainError> {
  const name = validateCustomerName(input.customerName)
  const email = isAbsent(input.email) ? null : normalizeEmail(input.email)
  const mobile = isAbsent(input.mobile) ? null : normalizeMobile(input.mobile)
  const issues = [
    ...issuesOf(name),
    ...(email ? issuesOf(email) : []),
    ...(mobile ? issuesOf(mobile) : []),
  ]
  if (email === null && mobile === null)
    issues.push({ path: 'email', reason: 'EMAIL_OR_MOBILE_REQUIRED' })
  const locale = isAbsent(input.locale) ? null : input.locale
  if (locale !== null && !isLocale(locale)) issues.push({ path: 'locale', reason: 'UNSUPPORTED' })
  if (!name.ok || issues.length > 0) return validationFailed(issues)
  return ok({
    customerName: name.value,
    email: email?.ok ? (input.email as string).trim() : null,
    emailCanonical: email?.ok ? email.value : null,
    mobileE164: mobile?.ok ? mobile.value : null,
    locale: locale as Locale | null,
  })
}
