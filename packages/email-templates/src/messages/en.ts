import { typeDefinitions, typeNames, typeNotes } from './association-type-texts.js'
import type { EmailMessages } from './email-messages.js'

/**
 * English email strings (domain.md §9.4–§9.6, verbatim).
 *
 * @example
 * interpolate(en.invitation.heading, { partner: 'Alpha' }) // 'An invitation from Alpha'
 */
export const en = {
  typeNames: typeNames('en'),
  invitation: {
    subject: '{partner} invites you to connect your {platform} account',
    heading: 'An invitation from {partner}',
    greeting: 'Hello {customer},',
    typeSentence: '{partner} would like to work with you on {platform} under the {type} model.',
    typeExplanation: typeDefinitions('en'),
    typeNote: typeNotes('en'),
    button: 'Review the invitation',
    pasteLink: 'Or paste this link into your browser: {link}',
    expiry: 'This link works once and expires on {expires}. Register or sign in with {email}.',
    notExpecting: 'Not expecting this? Ignore this email; nothing changes unless you accept.',
    footer: 'Sent by {platform} Partner Center on behalf of {partner} ({contact}).',
  },
  reminder: {
    subject: 'Reminder: your invitation from {partner} expires on {expires}',
    heading: 'Your invitation from {partner} expires soon',
    greeting: 'Hello {customer},',
    typeSentence:
      '{partner} invited you to work with them on {platform} under the {type} model. The invitation is still open until {expires}.',
    typeExplanation: typeDefinitions('en'),
    typeNote: typeNotes('en'),
    button: 'Review the invitation',
    pasteLink: 'Or paste this link into your browser: {link}',
    expiry:
      'Register or sign in with {email}. Your earlier invitation email works too; after {expires} neither does.',
    notExpecting:
      'Not interested? Ignore this email; nothing changes unless you accept. This is the only reminder.',
    footer: 'Sent by {platform} Partner Center on behalf of {partner} ({contact}).',
  },
  associationSuccess: {
    subject: 'You are now associated with {partner}',
    body: 'Your {platform} account {email} has been associated with {partner} under the {type} model since {associatedAt}.',
    extra: {
      reseller:
        'Your account stays frozen until {partner} sets a budget. Contact them at {contact} if you need resources sooner.',
      referral: 'You continue to pay {platform} directly.',
    },
  },
  renewalRequest: {
    subject: 'A customer asked for a new invitation',
    body: '{maskedEmail} could not use your invitation ({reason}) and asks for a new one. Open History Records to resend.',
  },
  emailCode: {
    subject: '{code} is your {platform} verification code',
    intro:
      'Enter this code to confirm {email} and continue with the invitation from {partner}: {code}',
    expiry: 'It expires on {expires} and works for 5 tries.',
    ignore:
      "Didn't ask for it? Ignore this email: no account is created and nothing changes without the code.",
    footer: 'Sent by {platform} Partner Center.',
  },
  emailCodeSignIn: {
    subject: 'You already have a {platform} account',
    body: 'Someone tried to register {email} through an invitation link from {partner}. This address already has a {platform} account, so no code was sent: sign in with it on the invitation page to continue.',
    ignore: "Didn't ask for it? Ignore this email; nothing has changed.",
    footer: 'Sent by {platform} Partner Center.',
  },
  webhookEndpointDisabled: {
    subject: 'Webhook endpoint disabled after {hours} hours of failures',
    body: 'Partner Center could not deliver events to {url} ({description}) since {since}. The last attempt ended with: {outcome}. The endpoint was disabled at {disabledAt} and receives no new events.',
    bodyWithoutDescription:
      'Partner Center could not deliver events to {url} since {since}. The last attempt ended with: {outcome}. The endpoint was disabled at {disabledAt} and receives no new events.',
    action:
      'Fix the receiver, enable the endpoint on the {page} page, then redeliver the events you need from its delivery log.',
    page: 'Webhooks',
    footer: 'Sent by {platform} Partner Center.',
  },
} as const satisfies EmailMessages
