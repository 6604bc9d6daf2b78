import { prepareSelect, type Database } from '@partner-center/db/portable'
import {
  invitations,
  preRegistrations,
  users,
  type InvitationChannel,
} from '@partner-center/db/schema'
import { and, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm'
import { effectiveInvitationStatusSql } from './effective-status'
import { LIST_PLACEHOLDERS, type ListFilterShape, type ListPageOptions } from './list-filter'
import { createListPageQuery } from './list-page-query'
import { preregistrationSearchConditionWith } from './search'

/**
 * What selects the rows of one History Records page (R74); `status` holds effective invitation
 * statuses.
 */
export type HistoryPageOptions = ListPageOptions

const p = LIST_PLACEHOLDERS
const i = invitations
const r = preRegistrations

// An account manager's own rows (R90): an email invitation of a pre-registration they created,
// or a link row of a link they created (its `createdByUserId` is the link's).
const ownerOfRow = sql`(case when ${i.channel} = 'email' then ${r.createdByUserId} else ${i.createdByUserId} end)`

function whereOf(shape: ListFilterShape) {
  return and(
    eq(i.partnerId, p.partnerId),
    shape.ownRowsOnly ? sql`${ownerOfRow} = ${p.createdByUserId}` : undefined,
    shape.channel.length ? inArray(i.channel, shape.channel as InvitationChannel[]) : undefined,
    shape.search === 'none'
      ? undefined
      : preregistrationSearchConditionWith({
          text: p.textPattern,
          digits: shape.search === 'text-and-digits' ? p.digitsPattern : undefined,
        }),
    shape.status.length ? inArray(effectiveInvitationStatusSql(p.now), shape.status) : undefined,
    shape.externalRef ? eq(r.externalRef, p.externalRef) : undefined
  )
}

function preparePage(db: Database, shape: ListFilterShape, name: string) {
  const where = whereOf(shape)
  const total = db
    .select({ n: count() })
    .from(i)
    .leftJoin(r, eq(r.id, i.preregistrationId))
    .where(where)
  const latest = db
    .select({ createdAt: invitations.createdAt })
    .from(invitations)
    // R110: link rows count towards no cooldown.
    .where(and(eq(invitations.preregistrationId, r.id), eq(invitations.channel, 'email')))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(1)
    .as('latest_invitation')
  // One round trip, as the customer list: the page, each row's latest invitation of its
  // pre-registration (the resend check) and the total as an uncorrelated subquery.
  const fields = {
    invitation: getTableColumns(i),
    preregistration: getTableColumns(r),
    invitedBy: users.displayName,
    latestCreatedAt: latest.createdAt,
    // The reminder's row by its dedupe key (unique index), given up: R118's hover.
    reminderFailed: sql<boolean>`exists (select 1 from outbox as o
      where o.dedupe_key = 'invitation:' || ${i.id}::text || ':reminder' and o.status = 'FAILED')`,
    total: sql<string>`(${total})`,
  }
  const page = db
    .select(fields)
    .from(i)
    .leftJoin(r, eq(r.id, i.preregistrationId))
    .innerJoin(users, eq(users.id, i.createdByUserId))
    .leftJoinLateral(latest, sql`true`)
    .where(where)
    .orderBy(desc(i.createdAt), desc(i.id))
    .limit(p.limit)
    .offset(p.offset)
  return {
    page: prepareSelect(db, `${name}_page`, fields, page),
    total: total.prepare(`${name}_total`),
  }
}

/**
 * One page of invitations of the partner's pre-registrations (deleted ones included), newest
 * first, with the inviter's name, the latest invitation time of each row's pre-registration and
 * the total of matching rows.
 */
export const findHistoryPage = createListPageQuery('history_list', preparePage)
