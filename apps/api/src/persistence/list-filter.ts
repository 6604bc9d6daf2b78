import { sql } from 'drizzle-orm'
import { searchPatternsOf } from './search'

/** What selects the rows of one page of a partner-facing list (R35, R74). */
export interface ListFilter {
  partnerId: string
  /** Set for account managers, who see only the rows they created. */
  createdByUserId?: string
  q?: string
  /** Effective statuses to keep; none or empty keeps every status. */
  status?: readonly string[]
  /** Invitation channels to keep (History Records, R111); none or empty keeps every channel. */
  channel?: readonly string[]
  /** Rows whose pre-registration has exactly this external reference (R122). */
  externalRef?: string
  now: Date
}

/** A list filter with its page window. */
export interface ListPageOptions extends ListFilter {
  limit: number
  offset: number
}

/** The placeholders a prepared list statement binds its values to. */
export const LIST_PLACEHOLDERS = {
  partnerId: sql.placeholder('partnerId'),
  createdByUserId: sql.placeholder('createdByUserId'),
  textPattern: sql.placeholder('textPattern'),
  digitsPattern: sql.placeholder('digitsPattern'),
  externalRef: sql.placeholder('externalRef'),
  now: sql.placeholder('now'),
  limit: sql.placeholder('limit'),
  offset: sql.placeholder('offset'),
}

/** The shape of a filter: which conditions it has. Values travel as placeholders. */
export interface ListFilterShape {
  ownRowsOnly: boolean
  search: 'none' | 'text' | 'text-and-digits'
  status: readonly string[]
  channel: readonly string[]
  /** Whether the filter keeps one external reference (R122). */
  externalRef: boolean
}

/** The shape of a filter, and its key in the prepared-statement cache. */
export function shapeOf(filter: ListFilter): { shape: ListFilterShape; key: string } {
  const patterns = filter.q ? searchPatternsOf(filter.q) : undefined
  const shape: ListFilterShape = {
    ownRowsOnly: filter.createdByUserId !== undefined,
    search: !patterns ? 'none' : patterns.digits ? 'text-and-digits' : 'text',
    // A handful of statuses exist, so each distinct list is one cached statement.
    status: [...new Set(filter.status ?? [])].sort(),
    // Three channels exist; like statuses, each list is one cached statement.
    channel: [...new Set(filter.channel ?? [])].sort(),
    externalRef: filter.externalRef !== undefined,
  }
  const key = `${shape.ownRowsOnly ? 'own' : 'all'}|${shape.search}|${shape.status.join(',')}|${shape.channel.join(',')}|${shape.externalRef ? 'ref' : ''}`
  return { shape, key }
}

/** The placeholder values of a filter (the page window apart). */
export function filterValuesOf(filter: ListFilter) {
  const patterns = filter.q ? searchPatternsOf(filter.q) : undefined
  return {
    partnerId: filter.partnerId,
    createdByUserId: filter.createdByUserId,
    textPattern: patterns?.text,
    digitsPattern: patterns?.digits,
    externalRef: filter.externalRef,
    now: filter.now.toISOString(),
  }
}
