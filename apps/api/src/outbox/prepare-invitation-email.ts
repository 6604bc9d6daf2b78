import type { DeliveryContext, PreparedMessage } from './delivery-context'
import type { IssuedInvitation } from './issue-invitation-tokens'

/**
 * Renders an `INVITATION_EMAIL` whose token the claim has just committed (R51, §9.4) in the
 * invitation's locale, with the link `{PUBLIC_BASE_URL}/invite#{token}`. The token is only in
 * the returned message; it is never logged or stored.
 *
 * @example
 * const issued = await issueInvitationTokens(db, { invitationIds, now, ttlDays })
 * const message = await prepareInvitationEmail(ctx, issued.get(row.aggregateId)!)
 */
export async function prepareInvitationEmail(
  ctx: DeliveryContext,
  issued: IssuedInvitation
): Promise<PreparedMessage> {
  return {
    ...(await renderInvitationMessage(ctx, 'invitation', issued)),
    messageId: issued.messageId,
  }
}

/** What an invitation email and its reminder are rendered from (§9.4, §12.7.2). */
export type InvitationMessageFields = Pick<
  IssuedInvitation,
  | 'token'
  | 'expiresAt'
  | 'recipientEmail'
  | 'recipientEmailCanonical'
  | 'locale'
  | 'associationType'
  | 'partnerName'
  | 'partnerContactEmail'
  | 'partnerContactMobile'
  | 'customerName'
>

/**
 * The message of an invitation email or its reminder, without its Message-ID: the template in
 * the invitation's locale with the link `{PUBLIC_BASE_URL}/invite#{token}`, to the canonical
 * address, answering to the partner's contact email.
 */
export async function renderInvitationMessage(
  ctx: DeliveryContext,
  template: 'invitation' | 'invitation-reminder',
  issued: InvitationMessageFields
): Promise<Omit<PreparedMessage, 'messageId'>> {
  const renderer = await ctx.renderers.get(template, issued.locale)
  const email = await renderer.render({
    partnerName: issued.partnerName,
    customerName: issued.customerName,
    platformName: ctx.config.platformName,
    link: `${ctx.config.publicBaseUrl.replace(/\/+$/, '')}/invite#${issued.token}`,
    expiresAt: issued.expiresAt,
    recipientEmail: issued.recipientEmail,
    partnerContact: issued.partnerContactEmail ?? issued.partnerContactMobile ?? '',
    associationType: issued.associationType,
  })
  return {
    to: issued.recipientEmailCanonical,
    ...email,
    ...(issued.partnerContactEmail ? { replyTo: issued.partnerContactEmail } : {}),
  }
}
