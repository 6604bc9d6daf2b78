import { appliesFromSql, executeRows, statusIn, type Database } from '@partner-center/db/portable'
import { LINK_EVENTS } from '@partner-center/domain'
import { sql } from 'drizzle-orm'

/**
 * L5 of domain.md §12.3.1, a step of the sweeper (R80): every activity link whose `expiresAt`
 * has passed becomes `EXPIRED`, its `PENDING` link registrations become `VOID`, and one
 * `invitation_link.expired` event is written per link, all in one statement so each commits
 * with its event. The guard is L5's from-states: with several sweepers racing, the loser's
 * update waits for the winner's row lock, re-checks `status` and skips the row, so each link
 * expires exactly once. The event names no code and no URL (R120). Answers how many expired.
 *
 * @example
 * const linksExpired = await expireInvitationLinks(db, clock.now())
 */
export async function expireInvitationLinks(db: Database, now: Date): Promise<number> {
  const at = now.toISOString()
  const event = LINK_EVENTS.EXPIRE
  const rows = await executeRows(
    db,
    sql`with expired as (
          update invitation_links as t
             set status = ${event.to}, updated_at = ${at}::timestamptz
            from invitation_links as before
           where before.id = t.id
             and ${appliesFromSql(sql`t.status`, event)}
             and ${statusIn(sql`t.kind`, event.kinds)}
             and t.expires_at is not null and t.expires_at <= ${at}::timestamptz
       returning t.id, t.partner_id, before.status as from_status),
        voided as (
          update pending_link_registrations as p
             set status = 'VOID'
            from expired
           where p.link_id = expired.id and p.status = 'PENDING'
       returning p.id)
        insert into audit_events
               (id, occurred_at, actor_type, actor_id, partner_id, action, entity_type, entity_id, request_id, details)
        select gen_random_uuid(), ${at}::timestamptz, 'system', null, expired.partner_id,
               ${event.audit}, 'invitation_link', expired.id, null,
               jsonb_build_object('from', expired.from_status, 'to', ${event.to}::text,
                                  'pendingRegistrationsVoided', (select count(*) from voided))
          from expired
     returning entity_id`
  )
  return rows.length
}
