import { prepareSelect, type Database } from '@partner-center/db'
import { invitations, preRegistrations, users } from '@partner-center/db/schema'
import { and, count, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import { effectivePreregistrationStatusSql } from './effective-status'
import { PREREGISTRATION_ITEM_COLUMNS } from './preregistration-item'
import { searchPatternsOf, preregistrationSearchConditionWith } from './search'

/** What selects the rows of one customer-list page (R35). */
export interface PreregistrationPageFilter {
  partnerId: string
  /** Set for account managers, who see only the rows they created. */
  createdByUserId?: string
  q?: string
  status?: readonly string[]
  now: Date
}

/** Options of {@link findPreregistrationPage}. */
export interface PreregistrationPageOptions extends PreregistrationPageFilter {
  limit: number
  offset: number
}

const p = {
  partnerId: sql.placeholder('partnerId'),
  createdByUserId: sql.placeholder('createdByUserId'),
  textPattern: sql.placeholder('textPattern'),
  digitsPattern: sql.placeholder('digitsPattern'),
  now: sql.placeholder('now'),
  limit: sql.placeholder('limit'),
  offset: sql.placeholder('offset'),
}

/** The shape of a filter: which conditions it has. Values travel as placeholders. */
interface FilterShape {
  ownRowsOnly: boolean
  search: 'none' | 'text' | 'text-and-digits'
  status: readonly string[]
}

function shapeOf(filter: PreregistrationPageFilter): FilterShape {
  const patterns = filter.q ? searchPatternsOf(filter.q) : undefined
  return {
    ownRowsOnly: filter.createdByUserId !== undefined,
    search: !patterns ? 'none' : patterns.digits ? 'text-and-digits' : 'text',
    // A handful of statuses exist, so each distinct list is one cached statement.
    status: [...new Set(filter.status ?? [])].sort(),
  }
}

// A literal, not a parameter: PostgreSQL estimates `status <> $n` as matching almost nothing, so
// its generic plan for the prepared page was worse than a fresh one and it re-planned every
// execution (about 0.4 ms of its CPU per request). With the constant in the text it keeps one
// generic plan per statement.
const NOT_DELETED = sql.raw(`'DELETED'`)

function whereOf(shape: FilterShape) {
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
      : undefined
  )
}

function preparePage(db: Database, shape: FilterShape, name: string) {
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
    .where(eq(invitations.preregistrationId, t.id))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(1)
    .as('latest_invitation')
  // One round trip: the page, each row's latest invitation (a lateral lookup on the page's rows
  // only) and the total as an uncorrelated subquery. A `count(*) over ()` window would make
  // PostgreSQL build and join every matching row before returning the first 20.
  const fields = {
    row: PREREGISTRATION_ITEM_COLUMNS,
    creatorName: users.displayName,
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
    .where(where)
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(p.limit)
    .offset(p.offset)
  return {
    page: prepareSelect(db, `${name}_page`, fields, page),
    total: total.prepare(`${name}_total`),
  }
}

type PreparedPage = ReturnType<typeof preparePage>

// The list is the busiest read: building its SQL on every request cost more CPU than running
// it, so each filter shape is prepared once per database handle and reused.
const preparedByDatabase = new WeakMap<Database, Map<string, PreparedPage>>()

function preparedFor(db: Database, shape: FilterShape): PreparedPage {
  let byShape = preparedByDatabase.get(db)
  if (!byShape) preparedByDatabase.set(db, (byShape = new Map<string, PreparedPage>()))
  const key = `${shape.ownRowsOnly ? 'own' : 'all'}|${shape.search}|${shape.status.join(',')}`
  let prepared = byShape.get(key)
  if (!prepared) {
    prepared = preparePage(db, shape, `preregistration_list_${byShape.size}`)
    byShape.set(key, prepared)
  }
  return prepared
}

function valuesOf(filter: PreregistrationPageFilter) {
  const patterns = filter.q ? searchPatternsOf(filter.q) : undefined
  return {
    partnerId: filter.partnerId,
    createdByUserId: filter.createdByUserId,
    textPattern: patterns?.text,
    digitsPattern: patterns?.digits,
    now: filter.now.toISOString(),
  }
}

/**
 * One page of pre-registrations, newest first, with creator name, latest invitation and the
 * total of matching rows. `DELETED` rows never match.
 */
export async function findPreregistrationPage(db: Database, options: PreregistrationPageOptions) {
  const prepared = preparedFor(db, shapeOf(options))
  const values = valuesOf(options)
  const rows = await prepared.page.execute({
    ...values,
    limit: options.limit,
    offset: options.offset,
  })
  // Past the last page the total has no row to ride on, so count separately.
  const total =
    rows.length > 0
      ? Number(rows[0]?.total)
      : options.offset > 0
        ? Number((await prepared.total.execute(values))[0]?.n ?? 0)
        : 0
  return { rows, total }
}
