import { isFailureCode, partnerContact } from '@partner-center/domain'
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '../stores/session'

/**
 * "Your ecosystem manager: Mei Chen (mei.chen@…)" for the signed-in partner, from `GET /me`;
 * null while the partner has no ecosystem manager contact (the texts then say "your ecosystem
 * manager" without a name).
 */
export function useEcosystemManagerText(): ComputedRef<string | null> {
  const { t } = useI18n()
  const session = useSessionStore()
  return computed(() => {
    const manager = session.ecosystemManager
    if (!manager) return null
    const contact =
      manager.name && manager.email
        ? t('ecosystemManager.nameAndEmail', { name: manager.name, email: manager.email })
        : (manager.name ?? manager.email ?? '')
    return t('ecosystemManager.contact', { contact })
  })
}

/**
 * The ecosystem manager's name and email for a refusal whose catalogue action sends the user to
 * the ecosystem manager (a capability the partner lacks, S11), else null. The catalogue's
 * action already says "ask your ecosystem manager"; this says who that is.
 *
 * @example
 * const managerFor = useManagerForCode()
 * managerFor('REFERRAL_NOT_ENABLED') // 'Your ecosystem manager: Mei Chen (mei.chen@ecosystem.example)'
 * managerFor('PERMISSION_DENIED') // null (the partner administrator decides)
 */
export function useManagerForCode(): (code: string) => string | null {
  const manager = useEcosystemManagerText()
  return (code) =>
    isFailureCode(code) && partnerContact(code) === 'ECOSYSTEM_MANAGER' ? manager.value : null
}
