import { reminderMessageId } from '@partner-center/domain'
import type { DeliveryContext, PreparedMessage } from './delivery-context'
import { renderInvitationMessage } from './prepare-invitation-email'
import type { IssuedReminder } from './issue-reminder-tokens'

/**
 * Renders an `INVITATION_REMINDER` whose token the claim has just committed (R117, §12.7.2) in
 * the invitation's locale, with the new link `{PUBLIC_BASE_URL}/invite#{token}` and the
 * unchanged expiry. Its Message-ID is the reminder's own, the same for every attempt, and it
 * answers the invitation's (`In-Reply-To`, `References`). The token is only in the returned
 * message; it is never logged or stored.
 *
 * @example
 * const reminders = await issueReminderTokens(db, { invitationIds, now })
 * const message = await prepareReminderEmail(ctx, reminders.get(row.aggregateId)!)
 */
export async function prepareReminderEmail(
  ctx: DeliveryContext,
  issued: IssuedReminder
): Promise<PreparedMessage> {
  return {
    ...(await renderInvitationMessage(ctx, 'invitation-reminder', issued)),
    messageId: reminderMessageId(issued.invitationId, ctx.config.mailDomain),
    inReplyTo: issued.invitationMessageId,
  }
}
