import type { Database } from '@partner-center/db/portable'
import {
  customerAccounts,
  invitationLinks,
  invitations,
  preRegistrations,
} from '@partner-center/db/schema'
import { linkTagKey } from '@partner-center/domain'
import { and, count, desc, eq, inArray, or, sql } from 'drizzle-orm'
import { escapeLike } from './effective-status'
import { preregistrationSearchConditionWith, searchPatternsOf } from './search'

/** What selects one page of the customers associated through links (R98). */
export interface LinkAssociationPageOptions {
  partnerId: string
  /** Set for account managers: only the rows of links they created (R90). */
  createdByUserId?: string
  q?: string
  limit: number
  offset: number
}

/**
 * One page of the partner's `ACCEPTED` link rows (§12.2.3), newest association first, with the
 * pre-registration they converted (the customer's name and contacts) and the account's display
 * name. The search of R35 runs over the unmasked values on the server, plus a substring of the
 * link's tag key; answers are masked by the caller (M9).
 */
export async function findLinkAssociationPage(db: Database, options: LinkAssociationPageOptions) {
  const i = invitations
  const r = preRegistrations
  const patterns = options.q === undefined ? undefined : searchPatternsOf(options.q)
  const where = and(
    eq(i.partnerId, options.partnerId),
    inArray(i.channel, ['general_link', 'custom_link']),
    eq(i.status, 'ACCEPTED'),
    // A link row's creator is its link's creator (§12.2.3), so this keeps the caller's links.
    options.createdByUserId === undefined
      ? undefined
      : eq(i.createdByUserId, options.createdByUserId),
    patterns === undefined || options.q === undefined
      ? undefined
      : or(
          preregistrationSearchConditionWith(patterns),
          sql`${invitationLinks.tagKey} like ${`%${escapeLike(linkTagKey(options.q))}%`}`
        )
  )
  const [totals] = await db
    .select({ n: count() })
    .from(i)
    .leftJoin(r, eq(r.id, i.preregistrationId))
    .leftJoin(invitationLinks, eq(invitationLinks.id, i.linkId))
    .where(where)
  const rows = await db
    .select({
      invitation: i,
      customerName: r.customerName,
      email: r.email,
      mobile: r.mobileE164,
      accountName: customerAccounts.displayName,
      accountMobile: customerAccounts.mobileE164,
    })
    .from(i)
    .leftJoin(r, eq(r.id, i.preregistrationId))
    .leftJoin(invitationLinks, eq(invitationLinks.id, i.linkId))
    .leftJoin(customerAccounts, eq(customerAccounts.id, i.acceptedCustomerAccountId))
    .where(where)
    .orderBy(desc(i.acceptedAt), desc(i.id))
    .limit(options.limit)
    .offset(options.offset)
  return { rows, total: Number(totals?.n ?? 0) }
}
