import { formatDateTime } from '../format-date-time.js'
import { assertAssociationType, assertHeaderSafe, assertStrings } from '../input-checks.js'
import { catalogues } from '../messages/catalogues.js'
import { interpolate } from '../messages/interpolate.js'
import AssociationSuccessEmail from '../templates/AssociationSuccessEmail.vue'
import type { AssociationSuccessProps, AssociationType } from '../types.js'
import type { SlotValues, TemplateSpec } from './template-spec.js'

/**
 * The success notice to the customer (domain.md §9.5).
 *
 * @example
 * const { variant, slots } = associationSuccessSpec.prepare(props, 'zh-CN', undefined)
 */
export const associationSuccessSpec: TemplateSpec<AssociationSuccessProps> = {
  component: AssociationSuccessEmail,
  variants: ['reseller', 'referral'] satisfies AssociationType[],
  slots: ['partner', 'platform', 'email', 'associatedAt', 'contact'],
  prepare(props, locale) {
    assertStrings(props, ['partnerName', 'platformName', 'email', 'partnerContact'])
    assertAssociationType(props.associationType)
    assertHeaderSafe(props.partnerName, 'partnerName')
    assertHeaderSafe(props.platformName, 'platformName')
    assertHeaderSafe(props.email, 'email')
    assertHeaderSafe(props.partnerContact, 'partnerContact')
    return {
      variant: props.associationType,
      slots: {
        partner: props.partnerName,
        platform: props.platformName,
        email: props.email,
        associatedAt: formatDateTime(props.associatedAt, locale, 'associatedAt'),
        contact: props.partnerContact,
      },
    }
  },
  view(locale, variant, slots) {
    const messages = catalogues[locale]
    const type = variant as AssociationType
    const t = messages.associationSuccess
    const values: SlotValues = { ...slots, type: messages.typeNames[type] }
    const subject = interpolate(t.subject, values)
    return {
      subject,
      props: {
        lang: locale,
        subject,
        body: interpolate(t.body, values),
        extra: interpolate(t.extra[type], values),
      },
    }
  },
}
