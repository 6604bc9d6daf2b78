import type { ConsoleLimits } from '@partner-center/contracts'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '../stores/session'

/** A limit of `GET /me` counted in days. */
export type DayLimit = Exclude<
  keyof ConsoleLimits,
  'maxDeliveryAttempts' | 'invitationReminderHours'
>

/**
 * The texts that state a limit (issue 16 item 6): each number comes from `GET /me`, so the
 * deployment's `INVITATION_TTL_DAYS` is what the page says, in the language's plural form
 * ("1 day", "5 days", "5 天"). Every text is null until `/me` answered: a text never falls back
 * to a number of its own.
 */
export function useLimitTexts() {
  const { t } = useI18n()
  const session = useSessionStore()

  /** "n days" for one limit, e.g. `days('invitationTtlDays')` → "5 days". */
  function days(name: DayLimit): string | null {
    const limits = session.limits
    return limits ? t('days', limits[name]) : null
  }

  /** Why a row waits in manual review (R25, P7): older than {age}, decided within {timeout}. */
  function reviewText(key: 'review.pending' | 'preregister.pendingReview'): string | null {
    const age = days('accountMaxAgeDays')
    const timeout = days('reviewTimeoutDays')
    return age && timeout ? t(key, { age, timeout }) : null
  }

  /** "Sending (attempt n of max)" of a queued or retrying invitation (§4.2). */
  function sendingText(attemptCount: number): string | null {
    const limits = session.limits
    return limits
      ? t('history.sending', { n: Math.max(1, attemptCount), max: limits.maxDeliveryAttempts })
      : null
  }

  return { days, reviewText, sendingText }
}
