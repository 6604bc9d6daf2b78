import { isInvitationLive } from '@partner-center/domain'
import type { ClaimedRow } from './claim-outbox-rows'
import type { DeliveryContext, PreparedMessage } from './delivery-context'
import { issueInvitationToken } from './issue-invitation-token'
import { loadInvitationEmail } from './load-invitation-email'

/**
 * Prepares an `INVITATION_EMAIL` (R50, R51, §9.4): re-reads the invitation (not live or not
 * waiting for delivery → null, the row is cancelled and no email leaves), commits a fresh token,
 * then renders in the invitation's locale with the link `{PUBLIC_BASE_URL}/invite#{token}`. The
 * token is only in the returned message; it is never logged or stored.
 *
 * @example
 * const message = await prepareInvitationEmail(ctx, row, now)
 */
export async function prepareInvitationEmail(
  ctx: DeliveryContext,
  row: ClaimedRow,
  now: Date
): Promise<PreparedMessage | null> {
  const data = await loadInvitationEmail(ctx.db, row.aggregateId)
  if (!data || !isInvitationLive(data, now) || data.status === 'SENT') return null
  const issued = await issueInvitationToken(ctx.db, {
    invitationId: data.id,
    now,
    ttlDays: ctx.config.invitationTtlDays,
  })
  if (!issued) return null
  const renderer = await ctx.renderers.get('invitation', data.locale)
  const email = await renderer.render({
    partnerName: data.partnerName,
    customerName: data.customerName,
    platformName: ctx.config.platformName,
    link: `${ctx.config.publicBaseUrl.replace(/\/+$/, '')}/invite#${issued.token}`,
    expiresAt: issued.expiresAt,
    recipientEmail: data.recipientEmail,
    partnerContact: data.partnerContactEmail ?? data.partnerContactMobile ?? '',
    associationType: data.associationType,
  })
  return {
    to: data.recipientEmail,
    ...email,
    messageId: data.messageId,
    ...(data.partnerContactEmail ? { replyTo: data.partnerContactEmail } : {}),
  }
}
