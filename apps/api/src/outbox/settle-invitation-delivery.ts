import { executeRows, type Database } from '@partner-center/db'
import type { InvitationStatus } from '@partner-center/db/schema'
import type { AuditAction } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import type { ClaimedRow } from './claim-outbox-rows'
import { settleOutboxRowSql, type DeliveryOutcome } from './settle-outbox-row'

type Settled = Exclude<DeliveryOutcome, { kind: 'cancelled' }>

const TRANSITIONS: Record<Settled['kind'], { to: InvitationStatus; action: AuditAction }> = {
  sent: { to: 'SENT', action: 'invitation.sent' }, // I2
  retry: { to: 'SEND_FAILED', action: 'invitation.send_failed' }, // I3
  failed: { to: 'FAILED_TO_SEND', action: 'invitation.failed_to_send' }, // I4
}

/**
 * Records the end of one invitation delivery attempt in one statement, so all of it commits
 * together (R75): the outbox row (sent, back to pending with `run_after`, or failed), the
 * invitation's transition I2/I3/I4 (`sentAt` on the first success only; `failureCode =
 * DELIVERY_FAILED` on giving up) and one audit event by the system. The invitation changes only
 * while it is still delivering (`QUEUED`, `SEND_FAILED`) and only if this claim still held the
 * row. Details carry statuses, the attempt and the error class and code: no address, no link.
 *
 * @example
 * await settleInvitationDelivery(db, row, { kind: 'sent' }, now)
 */
export async function settleInvitationDelivery(
  db: Database,
  row: ClaimedRow,
  outcome: Settled,
  now: Date
): Promise<{ settled: boolean; transitioned: boolean }> {
  const at = now.toISOString()
  const { to, action } = TRANSITIONS[outcome.kind]
  const details =
    outcome.kind === 'sent'
      ? {}
      : {
          error: outcome.failure.lastError,
          replyCode: outcome.failure.replyCode,
          ...(outcome.kind === 'retry' ? { nextAttemptAt: outcome.runAfter.toISOString() } : {}),
        }
  const [result] = await executeRows<{ settled: number; audited: number }>(
    db,
    sql`with settled as (${settleOutboxRowSql(row, outcome, now)}),
        changed as (
          update invitations as i
             set status = ${to},
                 sent_at = case when ${to}::text = 'SENT' then coalesce(i.sent_at, ${at}::timestamptz) else i.sent_at end,
                 failure_code = case when ${to}::text = 'FAILED_TO_SEND' then 'DELIVERY_FAILED' else i.failure_code end,
                 updated_at = ${at}::timestamptz
            from invitations as before
           where i.id = ${row.aggregateId}::uuid and before.id = i.id
             and i.status in ('QUEUED', 'SEND_FAILED')
             and exists (select 1 from settled)
       returning i.id, i.partner_id, i.attempt_count, before.status as from_status),
        audited as (
          insert into audit_events
                 (id, occurred_at, actor_type, actor_id, partner_id, action, entity_type, entity_id, request_id, details)
          select ${randomUUID()}::uuid, ${at}::timestamptz, 'system', null, changed.partner_id, ${action},
                 'invitation', changed.id, null,
                 jsonb_build_object('from', changed.from_status, 'to', ${to}::text,
                                    'attempt', changed.attempt_count, 'outboxId', ${row.id}::text)
                   || ${JSON.stringify(details)}::jsonb
            from changed
       returning id)
        select (select count(*) from settled)::int as settled, (select count(*) from audited)::int as audited`
  )
  return { settled: Number(result?.settled) > 0, transitioned: Number(result?.audited) > 0 }
}
