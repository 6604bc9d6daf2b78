import {
  associationTypeDefinition,
  associationTypeLabel,
  associationTypeNote,
  type AssociationType,
} from '@partner-center/domain'
import { computed } from 'vue'
import { usePortalI18n } from '../i18n'

/** What the portal knows of an invitation's association type (an `InvitationView` is one). */
export interface AssociationTypeSubject {
  associationType: AssociationType
  partnerName: string
  platformName: string
}

/**
 * The `{partner}` and `{platform}` of an invitation's texts.
 *
 * @example
 * fill(messages.invitedBy, invitationNames(view)) // 'Acme invites you to connect your Example Cloud account'
 */
export function invitationNames(subject: Omit<AssociationTypeSubject, 'associationType'>) {
  return { partner: subject.partnerName, platform: subject.platformName }
}

/**
 * The association type of this invitation in the portal's language, addressed to the customer:
 * its name, its definition and its note (reseller: the account freeze) or null. The texts are
 * the domain's (domain.md §9.0), the same the invitation email says.
 *
 * @example
 * const texts = useAssociationType(() => props.view)
 * texts.value.definition // 'You sign a contract with Example Cloud. …'
 */
export function useAssociationType(subject: () => AssociationTypeSubject) {
  const { locale } = usePortalI18n()
  return computed(() => {
    const current = subject()
    const type = current.associationType
    const names = invitationNames(current)
    return {
      name: associationTypeLabel(type, locale.value),
      definition: associationTypeDefinition(type, locale.value, 'customer', names),
      note: associationTypeNote(type, locale.value, 'customer', names),
    }
  })
}
