import type { Database } from '@partner-center/db/portable'
import { invitations, partners, preRegistrations } from '@partner-center/db/schema'
import { eq } from 'drizzle-orm'

/**
 * Reads what an invitation email needs: the invitation, its partner and the pre-registered
 * customer name (domain.md §9.4). Null when no email invitation has this id.
 *
 * @example
 * const data = await loadInvitationEmail(db, row.aggregateId)
 */
export async function loadInvitationEmail(db: Database, invitationId: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      partnerId: invitations.partnerId,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      recipientEmail: invitations.recipientEmail,
      recipientEmailCanonical: invitations.recipientEmailCanonical,
      locale: invitations.locale,
      associationType: invitations.associationType,
      messageId: invitations.messageId,
      partnerName: partners.name,
      partnerContactEmail: partners.contactEmail,
      partnerContactMobile: partners.contactMobile,
      customerName: preRegistrations.customerName,
    })
    .from(invitations)
    .innerJoin(partners, eq(partners.id, invitations.partnerId))
    .innerJoin(preRegistrations, eq(preRegistrations.id, invitations.preregistrationId))
    .where(eq(invitations.id, invitationId))
    .limit(1)
  // Only an email invitation has a Message-ID (a link row sends no email, §12.2.3).
  const messageId = row?.messageId ?? null
  if (!row || messageId === null) return null
  return { ...row, messageId }
}
