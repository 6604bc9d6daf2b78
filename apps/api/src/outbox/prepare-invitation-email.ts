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
  const renderer = await ctx.renderers.get('invitation', issued.locale)
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
    messageId: issued.messageId,
    ...(issued.partnerContactEmail ? { replyTo: issued.partnerContactEmail } : {}),
  }
}
