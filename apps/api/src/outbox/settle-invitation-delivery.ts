import { executeRows, type Database } from '@partner-center/db/portable'
import type { OutboxStatus } from '@partner-center/db/schema'
import { INVITATION_EVENTS, type InvitationEventName } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { recordWebhookEventGroups, SYSTEM_ACTOR } from '../persistence/webhook-events'
import type { ClaimedRow } from './claim-outbox-rows'
import type { DeliveryOutcome } from './settle-outbox-row'

type Settled = Exclude<DeliveryOutcome, { kind: 'cancelled' }>

// The outbox row's status and the invitation's event (I2, I3, I4) of each outcome; the event's
// to-state, audit action and from-states come from the domain's table.
const TRANSITIONS: Record<Settled['kind'], { row: OutboxStatus; event: InvitationEventName }> = {
  sent: { row: 'SENT', event: 'SEND_SUCCEEDED' },
  retry: { row: 'PENDING', event: 'SEND_RETRY' },
  failed: { row: 'FAILED', event: 'SEND_GAVE_UP' },
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
  const event = INVITATION_EVENTS[transition.event]
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
  // The event's from-states as one text parameter, so the statement's text never depends on them.
  return sql`(${row.id}::uuid, ${row.attempts}::int, ${row.aggregateId}::uuid,
    ${transition.row}::text, ${runAfter}::timestamptz, ${lastError}::text, ${event.to}::text,
    ${event.audit}::text, ${JSON.stringify(details)}::jsonb, ${randomUUID()}::uuid,
    ${event.from.join(',')}::text, ${outcome.kind === 'sent'}::boolean,
    ${outcome.kind === 'failed' ? 'DELIVERY_FAILED' : null}::text)`
}

/**
 * Records the end of many invitation delivery attempts in one statement, so each one commits
 * whole (R75) and a busy dispatcher pays one round trip for a group of emails: per attempt the
 * outbox row (sent, back to pending with `run_after`, or failed), the invitation's transition
 * I2/I3/I4 (`sentAt` on the first success only; `failureCode = DELIVERY_FAILED` on giving up)
 * and one audit event by the system. An invitation changes only from its event's from-states
 * (`INVITATION_EVENTS`: still delivering, `QUEUED` or `SEND_FAILED`) and only if this claim still held its row (`SENDING` with the
 * claim's `attempts`): a late result after a lapsed lease changes nothing. Details carry
 * statuses, the attempt and the error class and code: no address, no link. In the same
 * transaction, `invitation.sent` (I2) and `invitation.failed_to_send` (I4) webhook events, one
 * multi-row insert per type (R124); a retry (I3) writes none.
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
  return db.transaction(async (tx) => {
    const rows = await executeRows<SettledRow>(
      tx,
      sql`with input(outbox_id, attempts, invitation_id, row_status, run_after, last_error,
                   to_status, action, details, audit_id, from_statuses, sets_sent_at,
                   failure_code)
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
                 sent_at = case when input.sets_sent_at then coalesce(i.sent_at, ${at}::timestamptz) else i.sent_at end,
                 failure_code = coalesce(input.failure_code, i.failure_code),
                 updated_at = ${at}::timestamptz
            from input
            join invitations as before on before.id = input.invitation_id
            join settled on settled.id = input.outbox_id
           where i.id = input.invitation_id and i.status = any(string_to_array(input.from_statuses, ','))

       returning i.id, i.partner_id, i.attempt_count, before.status as from_status,
                 i.sent_at, i.expires_at, i.last_attempt_at, i.failure_code,
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
        select settled.id as outbox_id, changed.id as invitation_id, changed.to_status,
               changed.sent_at, changed.expires_at, changed.attempt_count,
               changed.last_attempt_at, changed.failure_code
          from settled
          left join changed on changed.outbox_id = settled.id`,
      // One text per group size, repeated all day: prepared, it is one round trip.
      { prepare: true }
    )
    await recordSettledEvents(tx, rows, now)
    const byRow = new Map(
      results.map(({ row }) => [row.id, { settled: false, transitioned: false }])
    )
    for (const settled of rows) {
      byRow.set(settled.outbox_id, { settled: true, transitioned: settled.invitation_id !== null })
    }
    return byRow
  })
}

/** One settled outbox row, with the invitation it changed (null: no transition). */
interface SettledRow extends Record<string, unknown> {
  outbox_id: string
  invitation_id: string | null
  to_status: string | null
  sent_at: Date | string | null
  expires_at: Date | string | null
  attempt_count: number | null
  last_attempt_at: Date | string | null
  failure_code: string | null
}

const instant = (value: Date | string | null) => (value === null ? null : new Date(value))

// I2 and I4 write an event each (the table's `webhook`), in one insert; I3 none.
async function recordSettledEvents(tx: Database, rows: readonly SettledRow[], now: Date) {
  const changed = rows.filter((row) => row.invitation_id !== null)
  const sent = changed.filter((row) => row.to_status === INVITATION_EVENTS.SEND_SUCCEEDED.to)
  const gaveUp = changed.filter((row) => row.to_status === INVITATION_EVENTS.SEND_GAVE_UP.to)
  await recordWebhookEventGroups(tx, now, [
    {
      type: 'invitation.sent',
      items: sent.map((row) => ({
        entityId: row.invitation_id ?? '',
        actor: SYSTEM_ACTOR,
        fields: {
          sentAt: instant(row.sent_at) ?? now,
          expiresAt: instant(row.expires_at) ?? now,
          attemptCount: Number(row.attempt_count),
        },
      })),
    },
    {
      type: 'invitation.failed_to_send',
      items: gaveUp.map((row) => ({
        entityId: row.invitation_id ?? '',
        actor: SYSTEM_ACTOR,
        fields: {
          failureCode: row.failure_code ?? 'DELIVERY_FAILED',
          attemptCount: Number(row.attempt_count),
          lastAttemptAt: instant(row.last_attempt_at),
        },
      })),
    },
  ])
}
