import { invitations, partners, users } from '@partner-center/db/schema'
import { failureMessage, isFailureCode, linkFailureCode, maskEmail } from '@partner-center/domain'
import { eq } from 'drizzle-orm'
import type { ClaimedRow } from './claim-outbox-rows'
import type { DeliveryContext, PreparedMessage } from './delivery-context'
import { mailRecipient } from './mail-recipient'

/**
 * Prepares a `RENEWAL_REQUEST_EMAIL` (R72, §9.6): to the canonical email of the user who created
 * the invitation, in their locale, or to the partner's contact email (partner's default locale) when that user is
 * disabled. The aggregate is the invitation. `{reason}` is the catalogue message of the link
 * answer: `payload.code` when the request recorded it, else the invitation's answer now. The
 * customer's email appears masked (M2, M5).
 *
 * @example
 * const message = await prepareRenewalRequestEmail(ctx, row, now)
 */
export async function prepareRenewalRequestEmail(
  ctx: DeliveryContext,
  row: ClaimedRow,
  now: Date
): Promise<PreparedMessage | null> {
  const [data] = await ctx.db
    .select({
      id: invitations.id,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      failureCode: invitations.failureCode,
      recipientEmail: invitations.recipientEmail,
      userEmail: users.email,
      userEmailCanonical: users.emailCanonical,
      userLocale: users.locale,
      userStatus: users.status,
      partnerContactEmail: partners.contactEmail,
      partnerLocale: partners.defaultLocale,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.createdByUserId))
    .innerJoin(partners, eq(partners.id, invitations.partnerId))
    .where(eq(invitations.id, row.aggregateId))
    .limit(1)
  if (!data) return null
  const userAddress = mailRecipient({ canonical: data.userEmailCanonical, entered: data.userEmail })
  const toUser = data.userStatus === 'ACTIVE' && userAddress !== null
  // The partner's contact email is stored canonical by the admin endpoint (R14).
  const to = toUser ? userAddress : data.partnerContactEmail
  if (!to) return null
  const locale = toUser ? data.userLocale : data.partnerLocale
  const recorded = row.payload.code
  const code = isFailureCode(recorded)
    ? recorded
    : linkFailureCode(
        { ...data, failureCode: isFailureCode(data.failureCode) ? data.failureCode : null },
        now
      )
  const renderer = await ctx.renderers.get('renewal-request', locale)
  const email = await renderer.render({
    maskedEmail: maskEmail(data.recipientEmail) ?? '',
    reason: failureMessage(code ?? 'LINK_EXPIRED', locale),
  })
  return { to, ...email, messageId: `<renewal-request.${data.id}@${ctx.config.mailDomain}>` }
}
