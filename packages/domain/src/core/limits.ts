import type { DomainError, FieldIssue, Result } from './result'
import { ok, validationFailed } from './result'

/**
 * The numeric limits and defaults of domain.md §8, with their documented defaults. Rules take
 * a `limits` option defaulting to this object, so tests and deployments can tune them.
 *
 * @example
 * DEFAULT_LIMITS.INVITATION_TTL_DAYS // 7
 */
export const DEFAULT_LIMITS = {
  PREREG_VALIDITY_DAYS: 15,
  PREREG_REVIEW_TIMEOUT_DAYS: 15,
  PREREG_QUOTA_DEFAULT: 100,
  PARTNER_DAILY_INVITE_CAP_DEFAULT: 500,
  ACCOUNT_MAX_AGE_DAYS: 7,
  INVITATION_TTL_DAYS: 7,
  INVITE_TOKEN_BYTES: 32,
  RESEND_COOLDOWN_MINUTES: 10,
  RECIPIENT_DAILY_INVITE_CAP: 3,
  INVITE_BATCH_MAX: 100,
  DELETE_BATCH_MAX: 100,
  IDEMPOTENCY_KEY_TTL_HOURS: 24,
  IDEMPOTENCY_KEY_MAX_LENGTH: 255,
  OUTBOX_MAX_ATTEMPTS: 8,
  OUTBOX_BACKOFF_BASE_SECONDS: 30,
  OUTBOX_BACKOFF_CAP_SECONDS: 3600,
  OUTBOX_LEASE_SECONDS: 300,
  OUTBOX_BATCH_SIZE: 10,
  SWEEP_INTERVAL_SECONDS: 60,
  LIST_PAGE_SIZE_DEFAULT: 20,
  LIST_PAGE_SIZE_MAX: 100,
  SEARCH_MIN_LENGTH: 2,
  SEARCH_MIN_MOBILE_DIGITS: 4,
  CUSTOMER_NAME_MAX: 100,
  REVIEW_NOTE_MAX: 500,
  PASSWORD_MIN_LENGTH: 10,
  SIGN_IN_MAX_FAILURES: 5,
  PUBLIC_RATE_LIMIT_PER_MINUTE: 60,
  API_BODY_LIMIT_BYTES: 1_048_576,
  BATCH_PROGRESS_POLL_SECONDS: 2,
  ACCESS_TOKEN_TTL_MINUTES: 480,
  ACCESS_TOKEN_MAX_HOURS: 24,
  LINK_TAG_MAX: 32,
  ACTIVITY_LINK_MIN_DAYS: 1,
  ACTIVITY_LINK_MAX_DAYS: 90,
  LINK_CODE_BYTES: 32,
  EMAIL_CODE_DIGITS: 6,
  EMAIL_CODE_TTL_MINUTES: 10,
  PENDING_REGISTRATION_TTL_MINUTES: 10,
  EMAIL_CODE_MAX_TRIES: 5,
  EMAIL_CODE_SENDS_PER_DAY: 5,
  EMAIL_CODE_RESEND_SECONDS: 60,
  REMINDER_MIN_HOURS_AFTER_SEND: 24,
  QR_PNG_SIZE_PX: 512,
  // API keys (issue 21, §13.8).
  API_KEYS_MAX: 10,
  API_KEY_NAME_MAX: 100,
  API_KEY_BYTES: 32,
  API_KEY_LAST_USED_WRITE_SECONDS: 60,
  API_KEY_RATE_LIMIT_PER_MINUTE: 600,
  // Webhooks and the external reference (issue 21, §13.8).
  EXTERNAL_REF_MAX: 64,
  WEBHOOK_ENDPOINTS_MAX: 10,
  WEBHOOK_URL_MAX: 2048,
  WEBHOOK_DESCRIPTION_MAX: 200,
  WEBHOOK_SECRET_BYTES: 32,
  WEBHOOK_SECRET_OVERLAP_HOURS: 24,
  WEBHOOK_TIMEOUT_SECONDS: 10,
  WEBHOOK_RETRY_WINDOW_HOURS: 24,
  WEBHOOK_BACKOFF_BASE_SECONDS: 5,
  WEBHOOK_BACKOFF_CAP_SECONDS: 3600,
  WEBHOOK_DISABLE_AFTER_HOURS: 24,
  WEBHOOK_RESPONSE_EXCERPT_BYTES: 1024,
  WEBHOOK_PAYLOAD_MAX_BYTES: 20_480,
  WEBHOOK_SEND_CONCURRENCY: 20,
  WEBHOOK_ENDPOINT_CONCURRENCY: 5,
  WEBHOOK_CLAIM_LOOPS: 2,
  WEBHOOK_BATCH_SIZE: 20,
  WEBHOOK_FANOUT_BATCH_SIZE: 100,
  WEBHOOK_LEASE_SECONDS: 60,
  WEBHOOK_POLL_INTERVAL_MS: 200,
  WEBHOOK_TEST_EVENTS_PER_MINUTE: 6,
  WEBHOOK_LOG_RETENTION_DAYS: 30,
} as const satisfies Record<string, number>

/**
 * The name of one limit of §8.
 *
 * @example
 * const name: LimitName = 'OUTBOX_MAX_ATTEMPTS'
 */
export type LimitName = keyof typeof DEFAULT_LIMITS

/**
 * A complete set of limits (every value a number, not the literal defaults).
 *
 * @example
 * const limits: Limits = { ...DEFAULT_LIMITS, INVITATION_TTL_DAYS: 3 }
 */
export type Limits = Readonly<Record<LimitName, number>>

/**
 * Allowed integer range of each limit. Documented ranges (INVITATION_TTL_DAYS 1–30, quota
 * 0–10,000, daily cap 0–100,000) are exact; the others only refuse values that would break a rule.
 *
 * @example
 * LIMIT_RANGES.INVITATION_TTL_DAYS // [1, 30]
 */
export const LIMIT_RANGES: Readonly<Record<LimitName, readonly [number, number]>> = {
  PREREG_VALIDITY_DAYS: [1, 365],
  PREREG_REVIEW_TIMEOUT_DAYS: [1, 365],
  PREREG_QUOTA_DEFAULT: [0, 10_000],
  PARTNER_DAILY_INVITE_CAP_DEFAULT: [0, 100_000],
  ACCOUNT_MAX_AGE_DAYS: [0, 3650],
  INVITATION_TTL_DAYS: [1, 30],
  INVITE_TOKEN_BYTES: [32, 64],
  RESEND_COOLDOWN_MINUTES: [0, 1440],
  RECIPIENT_DAILY_INVITE_CAP: [1, 1000],
  INVITE_BATCH_MAX: [1, 1000],
  DELETE_BATCH_MAX: [1, 1000],
  IDEMPOTENCY_KEY_TTL_HOURS: [1, 168],
  IDEMPOTENCY_KEY_MAX_LENGTH: [1, 255],
  OUTBOX_MAX_ATTEMPTS: [1, 100],
  OUTBOX_BACKOFF_BASE_SECONDS: [1, 86_400],
  OUTBOX_BACKOFF_CAP_SECONDS: [1, 86_400],
  OUTBOX_LEASE_SECONDS: [1, 86_400],
  OUTBOX_BATCH_SIZE: [1, 1000],
  SWEEP_INTERVAL_SECONDS: [1, 86_400],
  LIST_PAGE_SIZE_DEFAULT: [1, 1000],
  LIST_PAGE_SIZE_MAX: [1, 1000],
  SEARCH_MIN_LENGTH: [1, 100],
  SEARCH_MIN_MOBILE_DIGITS: [1, 15],
  CUSTOMER_NAME_MAX: [1, 1000],
  REVIEW_NOTE_MAX: [1, 10_000],
  PASSWORD_MIN_LENGTH: [8, 1024],
  SIGN_IN_MAX_FAILURES: [1, 1000],
  PUBLIC_RATE_LIMIT_PER_MINUTE: [1, 1_000_000],
  API_BODY_LIMIT_BYTES: [1024, 104_857_600],
  BATCH_PROGRESS_POLL_SECONDS: [1, 60],
  ACCESS_TOKEN_TTL_MINUTES: [1, 10_080],
  ACCESS_TOKEN_MAX_HOURS: [1, 720],
  // Issue 20 (§12.6): fixed by the rules, so each range is its one documented value.
  LINK_TAG_MAX: [32, 32],
  ACTIVITY_LINK_MIN_DAYS: [1, 1],
  ACTIVITY_LINK_MAX_DAYS: [90, 90],
  LINK_CODE_BYTES: [32, 64],
  EMAIL_CODE_DIGITS: [6, 6],
  EMAIL_CODE_TTL_MINUTES: [10, 10],
  PENDING_REGISTRATION_TTL_MINUTES: [10, 10],
  EMAIL_CODE_MAX_TRIES: [5, 5],
  EMAIL_CODE_SENDS_PER_DAY: [5, 5],
  EMAIL_CODE_RESEND_SECONDS: [60, 60],
  REMINDER_MIN_HOURS_AFTER_SEND: [24, 24],
  QR_PNG_SIZE_PX: [512, 512],
  // Issue 21 (§13.8): the key format and the count are fixed by the rules; the rate is tunable.
  API_KEYS_MAX: [10, 10],
  API_KEY_NAME_MAX: [100, 100],
  API_KEY_BYTES: [32, 32],
  API_KEY_LAST_USED_WRITE_SECONDS: [60, 60],
  API_KEY_RATE_LIMIT_PER_MINUTE: [1, 1_000_000],
  // Issue 21 (§13.8): the formats and sizes are fixed; the dispatcher's pacing is tunable (env).
  EXTERNAL_REF_MAX: [64, 64],
  WEBHOOK_ENDPOINTS_MAX: [10, 10],
  WEBHOOK_URL_MAX: [2048, 2048],
  WEBHOOK_DESCRIPTION_MAX: [200, 200],
  WEBHOOK_SECRET_BYTES: [32, 32],
  WEBHOOK_SECRET_OVERLAP_HOURS: [24, 24],
  WEBHOOK_TIMEOUT_SECONDS: [1, 30],
  WEBHOOK_RETRY_WINDOW_HOURS: [1, 72],
  WEBHOOK_BACKOFF_BASE_SECONDS: [1, 3600],
  WEBHOOK_BACKOFF_CAP_SECONDS: [1, 86_400],
  WEBHOOK_DISABLE_AFTER_HOURS: [1, 168],
  WEBHOOK_RESPONSE_EXCERPT_BYTES: [1024, 1024],
  WEBHOOK_PAYLOAD_MAX_BYTES: [20_480, 20_480],
  WEBHOOK_SEND_CONCURRENCY: [1, 1000],
  WEBHOOK_ENDPOINT_CONCURRENCY: [1, 100],
  WEBHOOK_CLAIM_LOOPS: [1, 16],
  WEBHOOK_BATCH_SIZE: [1, 1000],
  WEBHOOK_FANOUT_BATCH_SIZE: [1, 10_000],
  WEBHOOK_LEASE_SECONDS: [2, 3600],
  WEBHOOK_POLL_INTERVAL_MS: [10, 60_000],
  WEBHOOK_TEST_EVENTS_PER_MINUTE: [6, 6],
  WEBHOOK_LOG_RETENTION_DAYS: [30, 30],
}

/**
 * Merges overrides (e.g. parsed environment values) into the defaults and validates every one
 * against `LIMIT_RANGES`. Unknown names, non-integers and out-of-range values are
 * `VALIDATION_FAILED` with one issue per offending name, so a bad deployment fails at start.
 *
 * @example
 * resolveLimits({ INVITATION_TTL_DAYS: 3 }) // ok({ ...DEFAULT_LIMITS, INVITATION_TTL_DAYS: 3 })
 * resolveLimits({ INVITATION_TTL_DAYS: 31 }).ok // false
 */
export function resolveLimits(
  overrides: Readonly<Record<string, unknown>> = {}
): Result<Limits, DomainError> {
  const issues: FieldIssue[] = []
  const limits: Record<LimitName, number> = { ...DEFAULT_LIMITS }
  for (const [name, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(LIMIT_RANGES, name)) {
      issues.push({ path: name, reason: 'UNKNOWN_LIMIT' })
      continue
    }
    const [min, max] = LIMIT_RANGES[name as LimitName]
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      issues.push({ path: name, reason: 'NOT_AN_INTEGER' })
    } else if (value < min || value > max) {
      issues.push({ path: name, reason: `OUT_OF_RANGE_${min}_${max}` })
    } else {
      limits[name as LimitName] = value
    }
  }
  if (limits.LIST_PAGE_SIZE_DEFAULT > limits.LIST_PAGE_SIZE_MAX) {
    issues.push({ path: 'LIST_PAGE_SIZE_DEFAULT', reason: 'ABOVE_LIST_PAGE_SIZE_MAX' })
  }
  return issues.length > 0 ? validationFailed(issues) : ok(limits)
}
