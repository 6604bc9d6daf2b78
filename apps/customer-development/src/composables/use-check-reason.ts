import type { InviteCheck } from '@partner-center/contracts'
import { isFailureCode, partnerContact } from '@partner-center/domain'
import { useI18n } from 'vue-i18n'
import { codeText } from '../errors'
import { minutesFromSeconds } from '../format'
import { useManagerForCode } from './use-contact-text'
import { useLocale } from './use-locale'

/**
 * The check of an action the user's role does not include (S4–S6, S10): the control stays in
 * place, disabled, and its hint says to ask the partner administrator.
 */
export const ROLE_DENIED: InviteCheck = { allowed: false, code: 'PERMISSION_DENIED' }

/**
 * The hover text of a disabled Invite or Resend (S6, S10): "Available in n min" during the
 * cooldown, otherwise the catalogue message of the check's code, followed by whom to ask when
 * the catalogue names someone (a missing permission: the partner administrator).
 */
export function useCheckReason() {
  const { t } = useI18n()
  const locale = useLocale()
  const managerFor = useManagerForCode()
  return (check: InviteCheck): string => {
    if (check.allowed) return ''
    if (check.code === 'RESEND_COOLDOWN' && check.retryAfterSeconds !== undefined) {
      return t('cooldown', { n: minutesFromSeconds(check.retryAfterSeconds) })
    }
    const code = check.code ?? 'INTERNAL'
    const { message, action } = codeText(code, locale.value)
    // Only an action that names whom to ask is added: the hint stays one short sentence else.
    const names = isFailureCode(code) && partnerContact(code) !== null
    return [message, names ? action : null, managerFor(code)].filter(Boolean).join(' ')
  }
}
