/**
 * Every failure code of the catalogue (domain.md §6.2), in catalogue order. Append new codes at
 * the end; never rename or reuse one, because clients, audit rows and History Records store them.
 *
 * @example
 * FAILURE_CODES.includes('LINK_EXPIRED') // true
 */
export const FAILURE_CODES = [
  'LINK_NOT_FOUND',
  'LINK_EXPIRED',
  'LINK_ALREADY_USED',
  'LINK_SUPERSEDED',
  'LINK_REVOKED',
  'CUSTOMER_DEVELOPMENT_NOT_ENABLED',
  'REFERRAL_NOT_ENABLED',
  'PREPAID_PARTNER_RESELLER',
  'PERMISSION_DENIED',
  'NOT_AUTHENTICATED',
  'INVALID_CREDENTIALS',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SYSTEM_BUSY',
  'INTERNAL',
  'PARTNER_CONTACT_MISSING',
  'IDENTITY_AMBIGUOUS',
  'QUOTA_EXCEEDED',
  'ALREADY_PREREGISTERED',
  'PREREGISTERED_BY_ANOTHER_PARTNER',
  'ALREADY_ASSOCIATED',
  'CUSTOMER_IS_PARTNER',
  'SPECIAL_CONTRACT',
  'ACCOUNT_TOO_OLD_OR_HAS_SPEND',
  'UNPAID_BILLS',
  'RESELLER_BLOCKED_PROFESSIONAL_SERVICE',
  'RESELLER_BLOCKED_RESERVED_INSTANCES',
  'RESELLER_BLOCKED_ENTERPRISE_MEMBER',
  'RESELLER_BLOCKED_MASTER_WITH_MEMBERS',
  'PREREGISTRATION_NOT_ACTIVE',
  'PREREGISTRATION_NOT_DELETABLE',
  'EMAIL_REQUIRED',
  'RESEND_COOLDOWN',
  'RECIPIENT_DAILY_CAP',
  'PARTNER_DAILY_CAP',
  'BATCH_TOO_LARGE',
  'IDEMPOTENCY_KEY_REUSED',
  'RECIPIENT_MISMATCH',
  'AGREEMENT_REQUIRED',
  'ACCOUNT_EXISTS',
  'DELIVERY_FAILED',
  'NON_ASCII_LOCAL_PART',
  'MIXED_SCRIPT_DOMAIN',
  'IDENTITY_MERGED',
  'OFFLINE_LINK_DISABLED',
  'OFFLINE_LINK_RESET',
  'OFFLINE_LINK_EXPIRED',
  'LINK_TAG_INVALID',
  'LINK_TAG_TAKEN',
  'EMAIL_CODE_INVALID',
  'EMAIL_CODE_EXPIRED',
  'EMAIL_CODE_TRIES_EXHAUSTED',
  'EMAIL_CODE_LIMIT',
  'EMAIL_NOT_VERIFIED',
  'LINK_ASSOCIATED',
  // API keys (issue 21, R139–R143).
  'API_KEY_LIMIT',
  'API_KEY_REVOKED',
  'API_KEY_NOT_ALLOWED',
] as const

/**
 * A stable SCREAMING_SNAKE failure code.
 *
 * @example
 * const code: FailureCode = 'QUOTA_EXCEEDED'
 */
export type FailureCode = (typeof FAILURE_CODES)[number]

/**
 * Tells whether an untrusted value (e.g. a stored `failureCode` column) is a catalogue code.
 *
 * @example
 * isFailureCode('NOT_FOUND') // true
 */
export function isFailureCode(value: unknown): value is FailureCode {
  return typeof value === 'string' && (FAILURE_CODES as readonly string[]).includes(value)
}
