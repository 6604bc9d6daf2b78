import type { InviteCheck } from '@partner-center/contracts'
import { useI18n } from 'vue-i18n'
import { codeText } from '../errors'
import { minutesFromSeconds } from '../format'
import { useLocale } from './use-locale'

/**
 * The hover text of a disabled Invite or Resend (S6, S10): "Available in n min" during the
 * cooldown, otherwise the catalogue message of the check's code.
 */
export function useCheckReason() {
  const { t } = useI18n()
  const locale = useLocale()
  return (check: InviteCheck): string => {
    if (check.allowed) return ''
    if (check.code === 'RESEND_COOLDOWN' && check.retryAfterSeconds !== undefined) {
      return t('cooldown', { n: minutesFromSeconds(check.retryAfterSeconds) })
    }
    return codeText(check.code ?? 'INTERNAL', locale.value).message
  }
}
