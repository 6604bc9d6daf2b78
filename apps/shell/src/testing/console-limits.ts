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
}
