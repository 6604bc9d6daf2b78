import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, LIMIT_RANGES, resolveLimits } from './limits'

describe('limits', () => {
  it.each([
    ['PREREG_VALIDITY_DAYS', 15],
    ['PREREG_REVIEW_TIMEOUT_DAYS', 15],
    ['PREREG_QUOTA_DEFAULT', 100],
    ['PARTNER_DAILY_INVITE_CAP_DEFAULT', 500],
    ['ACCOUNT_MAX_AGE_DAYS', 7],
    ['INVITATION_TTL_DAYS', 7],
    ['INVITE_TOKEN_BYTES', 32],
    ['RESEND_COOLDOWN_MINUTES', 10],
    ['RECIPIENT_DAILY_INVITE_CAP', 3],
    ['INVITE_BATCH_MAX', 100],
    ['DELETE_BATCH_MAX', 100],
    ['IDEMPOTENCY_KEY_TTL_HOURS', 24],
    ['IDEMPOTENCY_KEY_MAX_LENGTH', 255],
    ['OUTBOX_MAX_ATTEMPTS', 8],
    ['OUTBOX_BACKOFF_BASE_SECONDS', 30],
    ['OUTBOX_BACKOFF_CAP_SECONDS', 3600],
    ['OUTBOX_LEASE_SECONDS', 300],
    ['OUTBOX_BATCH_SIZE', 10],
    ['SWEEP_INTERVAL_SECONDS', 60],
    ['LIST_PAGE_SIZE_DEFAULT', 20],
    ['LIST_PAGE_SIZE_MAX', 100],
    ['SEARCH_MIN_LENGTH', 2],
    ['CUSTOMER_NAME_MAX', 100],
    ['PASSWORD_MIN_LENGTH', 10],
    ['SIGN_IN_MAX_FAILURES', 5],
    ['PUBLIC_RATE_LIMIT_PER_MINUTE', 60],
    ['API_BODY_LIMIT_BYTES', 1_048_576],
    ['BATCH_PROGRESS_POLL_SECONDS', 2],
    ['ACCESS_TOKEN_TTL_MINUTES', 480],
    ['ACCESS_TOKEN_MAX_HOURS', 24],
  ] as const)('documents %s with default %i', (name, value) => {
    expect(DEFAULT_LIMITS[name]).toBe(value)
  })

  it('keeps every default inside its allowed range', () => {
    for (const [name, [min, max]] of Object.entries(LIMIT_RANGES)) {
      const value = DEFAULT_LIMITS[name as keyof typeof DEFAULT_LIMITS]
      expect(value).toBeGreaterThanOrEqual(min)
      expect(value).toBeLessThanOrEqual(max)
    }
  })

  it('returns the defaults when nothing is overridden', () => {
    expect(resolveLimits()).toEqual({ ok: true, value: DEFAULT_LIMITS })
  })

  it('applies a valid override', () => {
    const result = resolveLimits({ INVITATION_TTL_DAYS: 30 })
    expect(result.ok && result.value.INVITATION_TTL_DAYS).toBe(30)
  })

  it.each([0, 31, 1.5, '7', null])('refuses INVITATION_TTL_DAYS = %s', (value) => {
    const result = resolveLimits({ INVITATION_TTL_DAYS: value })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('VALIDATION_FAILED')
  })

  it('refuses an unknown limit name', () => {
    const result = resolveLimits({ NOT_A_LIMIT: 1 })
    expect(!result.ok && result.error.details).toEqual({
      fields: [{ path: 'NOT_A_LIMIT', reason: 'UNKNOWN_LIMIT' }],
    })
  })

  it('refuses a default page size above the maximum page size', () => {
    const result = resolveLimits({ LIST_PAGE_SIZE_DEFAULT: 50, LIST_PAGE_SIZE_MAX: 40 })
    expect(!result.ok && result.error.details).toEqual({
      fields: [{ path: 'LIST_PAGE_SIZE_DEFAULT', reason: 'ABOVE_LIST_PAGE_SIZE_MAX' }],
    })
  })
})
