import type { Database } from '@partner-center/db/portable'
import {
  associations,
  customerAccounts,
  HOLDING_PREREGISTRATION_STATUSES,
  invitations,
  preRegistrations,
} from '@partner-center/db/schema'
import { accountKeys, pickPreregistrationToConvert } from '@partner-center/domain'
import { and, eq, inArray, ne, notInArray, or } from 'drizzle-orm'
import { lockKeys } from './locks'

/**
 * Everything a link acceptance reads (R107–R109), loaded inside its transaction after the
 * identity-key locks of R28 on the account's id, canonical email and mobile (sorted), so the
 * pre-registrations of those keys cannot change before commit: the account, its `ACTIVE`
 * association and the link it came through, the link partner's row R109 converts (locked), and
 * other partners' holding rows that overlap the account. Null without the account.
 */
export async function loadLinkAcceptanceSnapshot(
  tx: Database,
  options: { customerAccountId: string; partnerId: string }
) {
  const [found] = await tx
    .select()
    .from(customerAccounts)
    .where(eq(customerAccounts.id, options.customerAccountId))
    .limit(1)
  if (!found) return null
  const keys = accountKeys(found)
  await lockKeys(tx, keys)
  // Re-read under the locks: the keys are the account's, which the locks now hold still.
  const [account] = await tx
    .select()
    .from(customerAccounts)
    .where(eq(customerAccounts.id, options.customerAccountId))
    .for('update')
  if (!account) return null
  const [activeAssociation] = await tx
    .select({ partnerId: associations.partnerId, linkId: invitations.linkId })
    .from(associations)
    .leftJoin(invitations, eq(invitations.id, associations.invitationId))
    .where(and(eq(associations.customerAccountId, account.id), eq(associations.status, 'ACTIVE')))
    .limit(1)
  const overlapping = or(
    eq(preRegistrations.emailCanonical, account.emailCanonical),
    account.mobileE164 ? eq(preRegistrations.mobileE164, account.mobileE164) : undefined,
    eq(preRegistrations.customerAccountId, account.id)
  )
  const candidates = await tx
    .select()
    .from(preRegistrations)
    .where(
      and(
        eq(preRegistrations.partnerId, options.partnerId),
        notInArray(preRegistrations.status, ['DELETED', 'CONVERTED']),
        overlapping
      )
    )
    .for('update')
  const otherPartnersHoldingRows = await tx
    .select()
    .from(preRegistrations)
    .where(
      and(
        ne(preRegistrations.partnerId, options.partnerId),
        inArray(preRegistrations.status, [...HOLDING_PREREGISTRATION_STATUSES]),
        overlapping
      )
    )
  return {
    account,
    activeAssociation: activeAssociation
      ? { partnerId: activeAssociation.partnerId, linkId: activeAssociation.linkId ?? null }
      : null,
    chosen: pickPreregistrationToConvert(candidates, keys, options.partnerId),
    otherPartnersHoldingRows,
  }
}

/** What {@link loadLinkAcceptanceSnapshot} answers. */
export type LinkAcceptanceSnapshot = NonNullable<
  Awaited<ReturnType<typeof loadLinkAcceptanceSnapshot>>
>
