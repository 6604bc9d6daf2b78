import {
  associationTypeDefinition,
  associationTypeLabel,
  associationTypeNote,
  type AssociationType,
} from '@partner-center/domain'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '../stores/session'
import { useLocale } from './use-locale'

/** One association type as the partner reads it. */
export interface AssociationTypeTexts {
  name: string
  definition: string
  /** Shown apart from the definition (reseller: the account freeze); null when none. */
  note: string | null
}

/**
 * The association type texts of the page, addressed to the partner: the domain's (domain.md
 * §9.0), the facts the customer reads in the email and the portal. The platform's name is the
 * API's (`PLATFORM_NAME` in `GET /me`). Call the returned function in a render or computed: it
 * follows the language.
 *
 * @example
 * const typeTexts = useAssociationTypeTexts()
 * typeTexts('referral').definition // 'The customer signs a contract with Example Cloud. …'
 */
export function useAssociationTypeTexts(): (type: AssociationType) => AssociationTypeTexts {
  const { t } = useI18n()
  const locale = useLocale()
  const session = useSessionStore()
  return (type) => {
    const names = { platform: session.platformName ?? t('platformName') }
    return {
      name: associationTypeLabel(type, locale.value),
      definition: associationTypeDefinition(type, locale.value, 'partner', names),
      note: associationTypeNote(type, locale.value, 'partner', names),
    }
  }
}
