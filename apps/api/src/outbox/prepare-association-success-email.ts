import { associations, customerAccounts, invitations, partners } from '@partner-center/db/schema'
import { eq } from 'drizzle-orm'
import type { ClaimedRow } from './claim-outbox-rows'
import type { DeliveryContext, PreparedMessage } from './delivery-context'
import { mailRecipient } from './mail-recipient'

/**
 * Prepares an `ASSOCIATION_SUCCESS_EMAIL` (R71, §9.5): to the associated customer account's
 * canonical email ({@link mailRecipient}), in the locale of the invitation that created the
 * association (`en` when there is none). The aggregate is the association; a missing one cancels
 * the row.
 *
 * @example
 * const message = await prepareAssociationSuccessEmail(ctx, row)
 */
export async function prepareAssociationSuccessEmail(
  ctx: DeliveryContext,
  row: ClaimedRow
): Promise<PreparedMessage | null> {
  const [data] = await ctx.db
    .select({
      id: associations.id,
      type: associations.type,
      associatedAt: associations.associatedAt,
      createdAt: associations.createdAt,
      email: customerAccounts.email,
      emailCanonical: customerAccounts.emailCanonical,
      locale: invitations.locale,
      partnerName: partners.name,
      partnerContactEmail: partners.contactEmail,
      partnerContactMobile: partners.contactMobile,
    })
    .from(associations)
    .innerJoin(customerAccounts, eq(customerAccounts.id, associations.customerAccountId))
    .innerJoin(partners, eq(partners.id, associations.partnerId))
    .leftJoin(invitations, eq(invitations.id, associations.invitationId))
    .where(eq(associations.id, row.aggregateId))
    .limit(1)
  const to = data && mailRecipient({ canonical: data.emailCanonical, entered: data.email })
  if (!data || !to) return null
  const renderer = await ctx.renderers.get('association-success', data.locale ?? 'en')
  const email = await renderer.render({
    partnerName: data.partnerName,
    platformName: ctx.config.platformName,
    email: data.email,
    associatedAt: data.associatedAt ?? data.createdAt,
    associationType: data.type,
    partnerContact: data.partnerContactEmail ?? data.partnerContactMobile ?? '',
  })
  return {
    to,
    ...email,
    messageId: `<association.${data.id}.success@${ctx.config.mailDomain}>`,
    ...(data.partnerContactEmail ? { replyTo: data.partnerContactEmail } : {}),
  }
}
