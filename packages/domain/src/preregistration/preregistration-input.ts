import type { Locale } from '../core/locale'
import { isLocale } from '../core/locale'
import type { DomainError, FieldIssue, Result } from '../core/result'
import { fail, ok, validationFailed } from '../core/result'
import { normalizeEmail } from '../identity/normalize-email'
import { validateCustomerName } from '../identity/text-fields'
import { checkExternalRef } from './external-ref'

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
  externalRef?: unknown
}

/**
 * The mobile canonicaliser (R15). The rule takes it as a parameter because it lives in the
 * `@partner-center/domain/phone` entry (libphonenumber-js), which the main entry never imports:
 * callers pass `normalizeMobile` from there.
 *
 * @example
 * import { normalizeMobile } from '@partner-center/domain/phone'
 * validatePreregistrationInput(body, { normalizeMobile })
 */
export type MobileNormalizer = (raw: unknown) => Result<string, DomainError>

/**
 * A valid pre-registration request: trimmed name, email as entered (trimmed) and canonical,
 * E.164 mobile, optional locale and external reference.
 *
 * @example
 * const valid: ValidPreregistrationInput = { customerName: 'Beta Foods', email: 'New.Beta@customer.example', emailCanonical: 'new.beta@customer.example', mobileE164: null, locale: null, externalRef: null }
 */
export interface ValidPreregistrationInput {
  customerName: string
  email: string | null
  emailCanonical: string | null
  mobileE164: string | null
  locale: Locale | null
  /** The partner's own identifier (R122), trimmed, or null. */
  externalRef: string | null
}

// An empty form field arrives as '' or null: both mean "not given", not "invalid".
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

function issuesOf(result: Result<unknown, DomainError>): FieldIssue[] {
  return result.ok ? [] : ((result.error.details?.fields as FieldIssue[] | undefined) ?? [])
}

// An email refused with a code of its own (NON_ASCII_LOCAL_PART, MIXED_SCRIPT_DOMAIN) answers
// with that code, so the client can say why; the field list stays complete either way.
function failureOf(email: Result<string, DomainError> | null, issues: FieldIssue[]) {
  const code = email?.ok === false ? email.error.code : 'VALIDATION_FAILED'
  return code === 'VALIDATION_FAILED' ? validationFailed(issues) : fail(code, { fields: issues })
}

/**
 * R19: `customerName` (R16) required, at least one of `email` (R14) and `mobile` (R15), optional
 * `locale`. Every failing field is reported at once, so the form can mark them all: the answer is
 * `VALIDATION_FAILED`, or the email's own code when it is `NON_ASCII_LOCAL_PART` or
 * `MIXED_SCRIPT_DOMAIN`, with `details.fields` either way.
 *
 * @example
 * validatePreregistrationInput({ customerName: 'X' }, { normalizeMobile }).ok // false: email or mobile required
 */
export function validatePreregistrationInput(
  input: PreregistrationInput,
  options: { normalizeMobile: MobileNormalizer }
): Result<ValidPreregistrationInput, DomainError> {
  const name = validateCustomerName(input.customerName)
  const email = isAbsent(input.email) ? null : normalizeEmail(input.email)
  const mobile = isAbsent(input.mobile) ? null : options.normalizeMobile(input.mobile)
  const issues = [
    ...issuesOf(name),
    ...(email ? issuesOf(email) : []),
    ...(mobile ? issuesOf(mobile) : []),
  ]
  if (email === null && mobile === null)
    issues.push({ path: 'email', reason: 'EMAIL_OR_MOBILE_REQUIRED' })
  const locale = isAbsent(input.locale) ? null : input.locale
  if (locale !== null && !isLocale(locale)) issues.push({ path: 'locale', reason: 'UNSUPPORTED' })
  const externalRef = checkExternalRef(input.externalRef)
  if (!externalRef.ok) issues.push(externalRef.issue)
  if (!name.ok || issues.length > 0) return failureOf(email, issues)
  return ok({
    customerName: name.value,
    email: email?.ok ? (input.email as string).trim() : null,
    emailCanonical: email?.ok ? email.value : null,
    mobileE164: mobile?.ok ? mobile.value : null,
    locale: locale as Locale | null,
    externalRef: externalRef.ok ? externalRef.value : null,
  })
}
