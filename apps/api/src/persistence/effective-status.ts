import { statusIn } from '@partner-center/db/portable'
import { invitations, LIVE_INVITATION_STATUSES, preRegistrations } from '@partner-center/db/schema'
import { sql, type Placeholder, type SQL } from 'drizzle-orm'

/**
 * The effective status of a pre-registration at `now` in SQL (domain.md R30): expiry applies on
 * read even before the sweeper writes it, so filters and counts agree with the domain rule.
 * `now` may be a placeholder bound to an ISO timestamp, for prepared statements.
 */
export function effectivePreregistrationStatusSql(now: Date | Placeholder): SQL<string> {
  const t = preRegistrations
  const at = now instanceof Date ? now.toISOString() : now
  return sql<string>`case
    when ${t.status} = 'PRE_REGISTERED' and ${t.validUntil} <= ${at}::timestamptz then 'EXPIRED'
    when ${t.status} = 'PENDING_REVIEW' and ${t.reviewDeadline} <= ${at}::timestamptz then 'EXPIRED'
    else ${t.status} end`
}

/** Escapes `%`, `_` and `\` so user search text matches literally in LIKE patterns. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

/**
 * The effective status of an invitation at `now` in SQL (I7): a live one whose `expiresAt` has
 * passed reads as `EXPIRED`, matching the domain's `effectiveInvitationStatus`. `now` may be a
 * placeholder bound to an ISO timestamp.
 */
export function effectiveInvitationStatusSql(now: Date | Placeholder): SQL<string> {
  const t = invitations
  const at = now instanceof Date ? now.toISOString() : now
  return sql<string>`case
    when ${statusIn(t.status, LIVE_INVITATION_STATUSES)} and ${t.expiresAt} <= ${at}::timestamptz
      then 'EXPIRED'
    else ${t.status} end`
}
