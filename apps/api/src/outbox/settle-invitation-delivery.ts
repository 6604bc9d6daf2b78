import { executeRows, type Database } from '@partner-center/db'
import type { InvitationStatus, OutboxStatus } from '@partner-center/db/schema'
import type { AuditAction } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import type { ClaimedRow } from './claim-outbox-rows'
import type { DeliveryOutcome } from './settle-outbox-row'

type Settled = Exclude<DeliveryOutcome, { kind: 'cancelled' }>

const TRANSITIONS: Record<
  Settled['kind'],
  { row: OutboxStatus; to: InvitationStatus; action: AuditAction }
> = {
  sent: { row: 'SENT', to: 'SENT', action: 'invitation.sent' }, // I2
  retry: { row: 'PENDING', to: 'SEND_FAILED', action: 'invitation.send_failed' }, // I3
  failed: { row: 'FAILED', to: 'FAILED_TO_SEND', action: 'invitation.failed_to_send' }, // I4
}

/** One finished delivery attempt of an invitation email. */
export interface InvitationDeliveryResult {
  row: ClaimedRow
  outcome: Settled
}

/** What settling one attempt changed. */
export interface SettledDelivery {
  /** This claim still held the outbox row, so the outcome was recorded. */
  settled: boolean
  /** The invitation moved (and its audit event was written). */
  transitioned: boolean
}

function inputRow({ row, outcome }: InvitationDeliveryResult) {
  const transition = TRANSITIONS[outcome.kind]
  const details =
    outcome.kind === 'sent'
      ? {}
      : {
          error: outcome.failure.lastError,
          replyCode: outcome.failure.replyCode,
          ...(outcome.kind === 'retry' ? { nextAttemptAt: outcome.runAfter.toISOString() } : {}),
        }
  const runAfter = outcome.kind === 'retry' ? outcome.runAfter.toISOString() : null
  const lastError = outcome.kind === 'sent' ? null : outcome.failure.lastError
  return sql`(${row.id}::uuid, ${row.attempts}::int, ${row.aggregateId}::uuid,
    ${transition.row}::text, ${runAfter}::timestamptz, ${lastError}::text, ${transition.to}::text,
    ${transition.action}::text, ${JSON.stringify(details)}::jsonb, ${randomUUID()}::uuid)`
}

/**
 * Records the end of many invitation delivery attempts in one statement, so each one commits
 * whole (R75) and a busy dispatcher pays one round trip for a group of emails: per attempt the
 * outbox row (sent, back to pending with `run_after`, or failed), the invitation's transition
 * I2/I3/I4 (`sentAt` on the first success only; `failureCode = DELIVERY_FAILED` on giving up)
 * and one audit event by the system. An invitation changes only while it is still delivering
 * (`QUEUED`, `SEND_FAILED`) and only if this claim still held its row (`SENDING` with the
 * claim's `attempts`): a late result after a lapsed lease changes nothing. Details carry
 * statuses, the attempt and the error class and code: no address, no link.
 *
 * @example
 * const byRow = await settleInvitationDeliveries(db, [{ row, outcome: { kind: 'sent' } }], now)
 * byRow.get(row.id)?.settled // true
 */
export async function settleInvitationDeliveries(
  db: Database,
  results: readonly InvitationDeliveryResult[],
  now: Date
): Promise<Map<string, SettledDelivery>> {
  if (results.length === 0) return new Map()
  const at = now.toISOString()
  const rows = await executeRows<{ outbox_id: string; transitioned: boolean }>(
    db,
    sql`with input(outbox_id, attempts, invitation_id, row_status, run_after, last_error,
                   to_status, action, details, audit_id)
          as (values ${sql.join(results.map(inputRow), sql`, `)}),
        settled as (
          update outbox as o
             set status = input.row_status,
                 locked_until = null,
                 run_after = coalesce(input.run_after, o.run_after),
                 last_error = input.last_error,
                 sent_at = case when input.row_status = 'SENT' then ${at}::timestamptz else o.sent_at end
            from input
           where o.id = input.outbox_id and o.status = 'SENDING' and o.attempts = input.attempts
       returning o.id),
        changed as (
          update invitations as i
             set status = input.to_status,
                 sent_at = case when input.to_status = 'SENT' then coalesce(i.sent_at, ${at}::timestamptz) else i.sent_at end,
                 failure_code = case when input.to_status = 'FAILED_TO_SEND' then 'DELIVERY_FAILED' else i.failure_code end,
                 updated_at = ${at}::timestamptz
            from input
            join invitations as before on before.id = input.invitation_id
            join settled on settled.id = input.outbox_id
           where i.id = input.invitation_id and i.status in ('QUEUED', 'SEND_FAILED')
       returning i.id, i.partner_id, i.attempt_count, before.status as from_status,
                 input.outbox_id, input.to_status, input.action, input.details, input.audit_id),
        audited as (
          insert into audit_events
                 (id, occurred_at, actor_type, actor_id, partner_id, action, entity_type, entity_id, request_id, details)
          select changed.audit_id, ${at}::timestamptz, 'system', null, changed.partner_id, changed.action,
                 'invitation', changed.id, null,
                 jsonb_build_object('from', changed.from_status, 'to', changed.to_status,
                                    'attempt', changed.attempt_count, 'outboxId', changed.outbox_id::text)
                   || changed.details
            from changed
       returning entity_id)
        select settled.id as outbox_id,
               exists (select 1 from changed where changed.outbox_id = settled.id) as transitioned
          from settled`,
    // One text per group size, repeated all day: prepared, it is one round trip.
    { prepare: true }
  )
  const byRow = new Map(results.map(({ row }) => [row.id, { settled: false, transitioned: false }]))
  for (const settled of rows) {
    byRow.set(settled.outbox_id, { settled: true, transitioned: Boolean(settled.transitioned) })
  }
  return byRow
}

/**
 * {@link settleInvitationDeliveries} for one attempt.
 *
 * @example
 * await settleInvitationDelivery(db, row, { kind: 'sent' }, now)
 */
export async function settleInvitationDelivery(
  db: Database,
  row: ClaimedRow,
  outcome: Settled,
  now: Date
): Promise<SettledDelivery> {
  const byRow = await settleInvitationDeliveries(db, [{ row, outcome }], now)
  return byRow.get(row.id) ?? { settled: false, transitioned: false }
}
