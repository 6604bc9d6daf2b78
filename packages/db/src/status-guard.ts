import { fromStatuses, type StateEvent } from '@partner-center/domain'
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm'

// Status values are upper-case words; anything else would not be one of the domain's lists.
const STATUS = /^[A-Z][A-Z_]*$/

/**
 * A list of statuses as quoted SQL literals, `'QUEUED', 'SEND_FAILED'`, for plain-text
 * statements (data steps). Literals, not parameters: PostgreSQL proves a statement's predicate
 * implies a partial index's (`status in ('QUEUED', 'SENT', 'SEND_FAILED')`) only from constants,
 * and a prepared statement with a parameter list would lose those indexes.
 *
 * @example
 * quoteStatuses(['QUEUED', 'SEND_FAILED']) // "'QUEUED', 'SEND_FAILED'"
 */
export function quoteStatuses(statuses: readonly string[]): string {
  if (statuses.length === 0) throw new Error('a status guard needs at least one status')
  for (const status of statuses) {
    if (!STATUS.test(status)) throw new Error(`not a status: ${JSON.stringify(status)}`)
  }
  return statuses.map((status) => `'${status}'`).join(', ')
}

/**
 * `column in ('A', 'B')` with the statuses as literals (see {@link quoteStatuses}).
 *
 * @example
 * statusIn(invitations.status, LIVE_INVITATION_STATUSES) // invitations.status in ('QUEUED', 'SENT', 'SEND_FAILED')
 */
export function statusIn(column: SQLWrapper, statuses: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(quoteStatuses(statuses))})`
}

/**
 * The status guard of a write that applies one of `events`: `column in (<their from-states>)`,
 * from the domain's event tables (`INVITATION_EVENTS`, `PREREGISTRATION_EVENTS`). Every
 * `status in (…)` condition of a write is built with this, so the SQL cannot drift from the
 * state machine. Works in the query builder and in `sql` templates (`sql\`i.status\``).
 *
 * @example
 * await tx.update(invitations).set({ status: 'ACCEPTED' })
 *   .where(and(eq(invitations.id, id), appliesFromSql(invitations.status, INVITATION_EVENTS.ACCEPTED)))
 */
export function appliesFromSql(column: SQLWrapper, ...events: readonly StateEvent<string>[]): SQL {
  return statusIn(column, fromStatuses(...events))
}
