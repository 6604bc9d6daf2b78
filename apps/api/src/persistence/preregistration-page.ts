import { prepareSelect, type Database } from '@partner-center/db/portable'
import {
  associations,
  customerAccounts,
  invitations,
  preRegistrations,
  users,
} from '@partner-center/db/schema'
import { and, count, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import { effectivePreregistrationStatusSql } from './effective-status'
import { createListPageQuery } from './list-page-query'
import { PREREGISTRATION_ITEM_COLUMNS } from '../presenters/preregistration-item'
import { LIST_PLACEHOLDERS, type ListFilterShape, type ListPageOptions } from './list-filter'
import { preregistrationSearchConditionWith } from './search'

/** What selects the rows of one customer-list page (R35). */
export type PreregistrationPageOptions = ListPageOptions

const p = LIST_PLACEHOLDERS

// A literal, not a parameter: PostgreSQL estimates `status <> $n` as matching almost nothing, so
// its generic plan for the prepared page was worse than a fresh one and it re-planned every
// execution (about 0.4 ms of its CPU per request). With the constant in the text it keeps one
// generic plan per statement.
const NOT_DELETED = sql.raw(`'DELETED'`)
const CONVERTED = sql.raw(`'CONVERTED'`)
const ACTIVE = sql.raw(`'ACTIVE'`)

function whereOf(shape: ListFilterShape) {
  const t = preRegistrations
  return and(
    eq(t.partnerId, p.partnerId),
    ne(t.status, NOT_DELETED),
    shape.ownRowsOnly ? eq(t.createdByUserId, p.createdByUserId) : undefined,
    shape.search === 'none'
      ? undefined
      : preregistrationSearchConditionWith({
          text: p.textPattern,
          digits: shape.search === 'text-and-digits' ? p.digitsPattern : undefined,
        }),
    shape.status.length
      ? inArray(effectivePreregistrationStatusSql(p.now), shape.status)
      : undefined,
    shape.externalRef ? eq(t.externalRef, p.externalRef) : undefined
  )
}

function preparePage(db: Database, shape: ListFilterShape, name: string) {
  const t = preRegistrations
  const where = whereOf(shape)
  const total = db.select({ n: count() }).from(t).where(where)
  const latest = db
    .select({
      id: invitations.id,
      status: invitations.status,
      sentAt: invitations.sentAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    // R110: a link row is no invitation of the row's cooldown or status.
    .where(and(eq(invitations.preregistrationId, t.id), eq(invitations.channel, 'email')))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(1)
    .as('latest_invitation')
  // S5: the account's name only once the customer associated, through the association the
  // conversion recorded. Never the account the identity merely resolved to at creation
  // (`customerAccountId`): that would tell a partner who is behind an email before consent.
  // `limit 1` (the id is unique anyway) keeps it a per-row lookup: without it PostgreSQL pulls
  // the subquery up into a join it may plan over every ACTIVE association; with it the status
  // test is a one-time filter, so a row that is not CONVERTED never touches either table.
  const account = db
    .select({ name: customerAccounts.displayName })
    .from(associations)
    .innerJoin(customerAccounts, eq(customerAccounts.id, associations.customerAccountId))
    .where(
      and(
        eq(t.status, CONVERTED),
        eq(associations.id, t.associationId),
        eq(associations.status, ACTIVE)
      )
    )
    .limit(1)
    .as('association_account')
  // One round trip: the page, each row's latest invitation and associated account (lateral
  // lookups on the page's rows only) and the total as an uncorrelated subquery. A
  // `count(*) over ()` window would make PostgreSQL build and join every matching row before
  // returning the first 20.
  const fields = {
    row: PREREGISTRATION_ITEM_COLUMNS,
    creatorName: users.displayName,
    accountName: account.name,
    total: sql<string>`(${total})`,
    latestId: latest.id,
    latestStatus: latest.status,
    latestSentAt: latest.sentAt,
    latestCreatedAt: latest.createdAt,
  }
  const page = db
    .select(fields)
    .from(t)
    .innerJoin(users, eq(users.id, t.createdByUserId))
    .leftJoinLateral(latest, sql`true`)
    .leftJoinLateral(account, sql`true`)
    .where(where)
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(p.limit)
    .offset(p.offset)
  return {
    page: prepareSelect(db, `${name}_page`, fields, page),
    total: total.prepare(`${name}_total`),
  }
}

/**
 * One page of pre-registrations, newest first, with creator name, latest invitation, the
 * associated account's display name (`CONVERTED` rows only, else null) and the total of
 * matching rows. `DELETED` rows never match.
 */
export const findPreregistrationPage = createListPageQuery('preregistration_list', preparePage)
