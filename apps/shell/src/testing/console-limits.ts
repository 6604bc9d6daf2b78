import type { MeResponse } from '@partner-center/contracts'

/** The `/me` limits the shell's component tests answer with: the defaults of docs/domain.md §8. */
export const TEST_LIMITS: MeResponse['limits'] = {
  invitationTtlDays: 7,
  preregistrationValidityDays: 15,
  reviewTimeoutDays: 15,
  accountMaxAgeDays: 7,
  maxDeliveryAttempts: 8,
  linkTagMax: 32,
  activityLinkMaxDays: 90,
  invitationReminderHours: 48,
  apiKeysMax: 10,
  webhookTimeoutSeconds: 10,
  webhookRetryWindowHours: 24,
  webhookDisableAfterHours: 24,
  webhookSecretOverlapHours: 24,
  webhookLogRetentionDays: 30,
  webhookEndpointsMax: 10,
  externalRefMax: 64,
}
