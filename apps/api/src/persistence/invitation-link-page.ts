import type { Database } from '@partner-center/db/portable'
import { invitationLinks, users } from '@partner-center/db/schema'
import type { InvitationLinkStatus } from '@partner-center/domain'
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { escapeLike } from './effective-status'
import type { LinkWithCreator } from './invitation-links'

/** What selects one page of the custom links list (R95). */
export interface InvitationLinkPageOptions {
  partnerId: string
  /** Set for account managers, who see only the links they created (R90). */
  createdByUserId?: string
  /** The tag key of the search text (NFKC, case folded); a substring of a link's tag key. */
  qKey?: string
  /** Effective statuses to keep; none or empty keeps every status. */
  status?: readonly InvitationLinkStatus[]
  now: Date
  limit: number
  offset: number
}

/**
 * A link's effective status in SQL at `now` (§12.3.1), matching the domain's
 * `effectiveLinkStatus` for custom links (which do not depend on their creator).
 */
export function effectiveLinkStatusSql(now: Date): SQL<InvitationLinkStatus> {
  const l = invitationLinks
  return sql<InvitationLinkStatus>`case
    when ${l.status} = 'RESET' then 'RESET'
    when ${l.status} = 'EXPIRED' or (${l.expiresAt} is not null and ${l.expiresAt} <= ${now.toISOString()}::timestamptz) then 'EXPIRED'
    else ${l.status} end`
}

/**
 * One page of a partner's custom links, newest first, with their creators' names and the total
 * of matching links.
 */
export async function findInvitationLinkPage(
  db: Database,
  options: InvitationLinkPageOptions
): Promise<{ rows: LinkWithCreator[]; total: number }> {
  const l = invitationLinks
  const where = and(
    eq(l.partnerId, options.partnerId),
    eq(l.kind, 'CUSTOM'),
    options.createdByUserId === undefined
      ? undefined
      : eq(l.createdByUserId, options.createdByUserId),
    options.qKey === undefined
      ? undefined
      : sql`${l.tagKey} like ${`%${escapeLike(options.qKey)}%`}`,
    options.status?.length
      ? inArray(effectiveLinkStatusSql(options.now), [...options.status])
      : undefined
  )
  const [totals] = await db.select({ n: count() }).from(l).where(where)
  const rows = await db
    .select({ link: l, creatorName: users.displayName })
    .from(l)
    .innerJoin(users, eq(users.id, l.createdByUserId))
    .where(where)
    .orderBy(desc(l.createdAt), desc(l.id))
    .limit(options.limit)
    .offset(options.offset)
  return { rows, total: Number(totals?.n ?? 0) }
}
