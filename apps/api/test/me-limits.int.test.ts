// Issue 16 item 6: the numbers the console states come from `GET /me`, taken from the
// deployment's environment (INVITATION_TTL_DAYS, OUTBOX_MAX_ATTEMPTS) and the domain's limits.
import { MeResponse } from '@partner-center/contracts'
import { DEFAULT_LIMITS } from '@partner-center/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configFromEnv } from '../src/config'
import { readEnv } from '../src/env'
import { createTestApp } from './test-app'

type TestApp = Awaited<ReturnType<typeof createTestApp>>
let t: TestApp

beforeAll(async () => {
  const env = readEnv({
    APP_ENV: 'test',
    INVITATION_TTL_DAYS: '5',
    OUTBOX_MAX_ATTEMPTS: '3',
    INVITATION_REMINDER_HOURS: '30',
  })
  const { invitationTtlDays, outboxMaxAttempts, invitationReminderHours } = configFromEnv(env)
  t = await createTestApp({
    config: { invitationTtlDays, outboxMaxAttempts, invitationReminderHours },
  })
})
afterAll(async () => {
  await t.close()
})

describe('GET /me limits', () => {
  it('states the configured link validity and attempts, and the domain’s day limits', async () => {
    const token = await t.signIn('admin@acme.example')
    const answer = await t.call('GET', '/api/v1/me', { token })
    expect(answer.status).toBe(200)
    expect(MeResponse.parse(answer.body).limits).toEqual({
      invitationTtlDays: 5,
      preregistrationValidityDays: DEFAULT_LIMITS.PREREG_VALIDITY_DAYS,
      reviewTimeoutDays: DEFAULT_LIMITS.PREREG_REVIEW_TIMEOUT_DAYS,
      accountMaxAgeDays: DEFAULT_LIMITS.ACCOUNT_MAX_AGE_DAYS,
      maxDeliveryAttempts: 3,
      invitationReminderHours: 30,
      linkTagMax: DEFAULT_LIMITS.LINK_TAG_MAX,
      activityLinkMaxDays: DEFAULT_LIMITS.ACTIVITY_LINK_MAX_DAYS,
      apiKeysMax: DEFAULT_LIMITS.API_KEYS_MAX,
      webhookTimeoutSeconds: DEFAULT_LIMITS.WEBHOOK_TIMEOUT_SECONDS,
      webhookRetryWindowHours: DEFAULT_LIMITS.WEBHOOK_RETRY_WINDOW_HOURS,
      webhookDisableAfterHours: DEFAULT_LIMITS.WEBHOOK_DISABLE_AFTER_HOURS,
      webhookSecretOverlapHours: DEFAULT_LIMITS.WEBHOOK_SECRET_OVERLAP_HOURS,
      webhookLogRetentionDays: DEFAULT_LIMITS.WEBHOOK_LOG_RETENTION_DAYS,
      webhookEndpointsMax: DEFAULT_LIMITS.WEBHOOK_ENDPOINTS_MAX,
      externalRefMax: DEFAULT_LIMITS.EXTERNAL_REF_MAX,
    })
  })

  it('states the same limits to the ecosystem manager', async () => {
    const token = await t.signIn('manager@ecosystem.example')
    const answer = await t.call('GET', '/api/v1/me', { token })
    expect(answer.status).toBe(200)
    expect(MeResponse.parse(answer.body).limits.invitationTtlDays).toBe(5)
  })
})
