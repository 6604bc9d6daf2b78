import { EmailInputError } from '../email-input-error.js'
import { formatDateTime } from '../format-date-time.js'
import { assertAssociationType, assertHeaderSafe, assertStrings } from '../input-checks.js'
import { assertLinkAllowed } from '../link-policy.js'
import { catalogues } from '../messages/catalogues.js'
import { interpolate } from '../messages/interpolate.js'
import InvitationEmail from '../templates/InvitationEmail.vue'
import type { AssociationType, InvitationProps } from '../types.js'
import type { SlotValues, TemplateSpec } from './template-spec.js'

const STRING_PROPS = [
  'partnerName',
  'customerName',
  'platformName',
  'link',
  'recipientEmail',
  'partnerContact',
] as const

/**
 * An email to the invited customer with the invitation's link, laid out by `InvitationEmail`:
 * validation, the link policy, and the sentences of one catalogue section (the invitation of
 * §9.4, or its reminder of §12.7.2, which has the same structure and props).
 *
 * @example
 * const reminderSpec = invitationLinkSpec('reminder')
 */
export function invitationLinkSpec(
  section: 'invitation' | 'reminder'
): TemplateSpec<InvitationProps> {
  return { ...invitationSpec, view: viewOf(section) }
}

/**
 * The invitation email (domain.md §9.4): validation, the link policy and the sentences.
 *
 * @example
 * const { variant, slots } = invitationSpec.prepare(props, 'en', 'https://partners.example.com')
 */
export const invitationSpec: TemplateSpec<InvitationProps> = {
  component: InvitationEmail,
  variants: ['reseller', 'referral'] satisfies AssociationType[],
  slots: ['partner', 'customer', 'platform', 'link', 'expires', 'email', 'contact'],
  prepare(props, locale, linkOrigin) {
    assertStrings(props, STRING_PROPS)
    assertAssociationType(props.associationType)
    // Subject (partner, platform), To (recipient) and Reply-To (contact) are header-bound (R55).
    assertHeaderSafe(props.partnerName, 'partnerName')
    assertHeaderSafe(props.platformName, 'platformName')
    assertHeaderSafe(props.recipientEmail, 'recipientEmail')
    assertHeaderSafe(props.partnerContact, 'partnerContact')
    if (linkOrigin === undefined) {
      throw new EmailInputError('LINK_NOT_ALLOWED', 'link', 'an invitation needs a link policy')
    }
    assertLinkAllowed(props.link, linkOrigin)
    return {
      variant: props.associationType,
      slots: {
        partner: props.partnerName,
        customer: props.customerName,
        platform: props.platformName,
        link: props.link,
        expires: formatDateTime(props.expiresAt, locale, 'expiresAt'),
        email: props.recipientEmail,
        contact: props.partnerContact,
      },
    }
  },
  view: viewOf('invitation'),
}

function viewOf(section: 'invitation' | 'reminder'): TemplateSpec<InvitationProps>['view'] {
  return (locale, variant, slots) => {
    const messages = catalogues[locale]
    const type = variant as AssociationType
    const t = messages[section]
    const values: SlotValues = { ...slots, type: messages.typeNames[type] }
    const [pasteLinkBefore = '', pasteLinkAfter = ''] = t.pasteLink.split('{link}')
    const subject = interpolate(t.subject, values)
    return {
      subject,
      props: {
        lang: locale,
        subject,
        heading: interpolate(t.heading, values),
        greeting: interpolate(t.greeting, values),
        typeSentence: interpolate(t.typeSentence, values),
        typeExplanation: interpolate(t.typeExplanation[type], values),
        typeNote: interpolate(t.typeNote[type], values),
        button: t.button,
        link: values.link ?? '',
        pasteLinkBefore: interpolate(pasteLinkBefore, values),
        pasteLinkAfter: interpolate(pasteLinkAfter, values),
        expiry: interpolate(t.expiry, values),
        notExpecting: t.notExpecting,
        footer: interpolate(t.footer, values),
      },
    }
  }
}
