import type { Database } from '@partner-center/db/portable'
import {
  associations,
  customerAccounts,
  HOLDING_PREREGISTRATION_STATUSES,
  preRegistrations,
} from '@partner-center/db/schema'
import { and, eq, inArray, ne, or } from 'drizzle-orm'

interface InvitationRow {
  partnerId: string
  preregistrationId: string
  recipientEmailCanonical: string
}

/**
 * Everything `decideAcceptance` reads, loaded inside the acceptance transaction (R64: the checks
 * run against current data): the invitation's pre-registration, the customer account, its
 * active association and other partners' holding rows that overlap the identity.
 */
export async function loadAcceptanceSnapshot(
  db: Database,
  options: { invitation: InvitationRow; customerAccountId: string }
) {
  const [account] = await db
    .select()
    .from(customerAccounts)
    .where(eq(customerAccounts.id, options.customerAccountId))
    .limit(1)
  const [preregistration] = await db
    .select()
    .from(preRegistrations)
    .where(eq(preRegistrations.id, options.invitation.preregistrationId))
    .limit(1)
  if (!account || !preregistration) return null
  const [activeAssociation] = await db
    .select({ status: associations.status })
    .from(associations)
    .where(and(eq(associations.customerAccountId, account.id), eq(associations.status, 'ACTIVE')))
    .limit(1)
  const emails = [
    ...new Set([
      account.emailCanonical,
      options.invitation.recipientEmailCanonical,
      preregistration.emailCanonical,
    ]),
  ].filter((email): email is string => email !== null)
  const mobiles = [account.mobileE164, preregistration.mobileE164].filter(
    (m): m is string => m !== null
  )
  const accountIds = [account.id, preregistration.customerAccountId].filter(
    (id): id is string => id !== null
  )
  const otherPartnersHoldingRows = await db
    .select()
    .from(preRegistrations)
    .where(
      and(
        ne(preRegistrations.partnerId, options.invitation.partnerId),
        inArray(preRegistrations.status, [...HOLDING_PREREGISTRATION_STATUSES]),
        or(
          inArray(preRegistrations.emailCanonical, emails),
          mobiles.length ? inArray(preRegistrations.mobileE164, mobiles) : undefined,
          inArray(preRegistrations.customerAccountId, accountIds)
        )
      )
    )
  return {
    account,
    preregistration,
    activeAssociation: activeAssociation ?? null,
    otherPartnersHoldingRows,
  }
}
