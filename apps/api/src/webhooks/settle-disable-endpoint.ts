import { executeRows, type Transaction } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'

/**
 * The email outbox's dedupe key of one disable (R134): one email per disable, however many
 * settles race to it.
 *
 * @example
 * disabledEmailDedupeKey(endpointId, disabledAt) // 'webhook-endpoint:…:disabled:1796592600000'
 */
export function disabledEmailDedupeKey(endpointId: string, disabledAt: Date): string {
  return `webhook-endpoint:${endpointId}:disabled:${String(disabledAt.getTime())}`
}

/**
 * W4 inside the failing attempt's settle transaction (§13.4.1, R134): the endpoint `DISABLED`
 * with reason `FAILING` (by no user), its `PENDING` deliveries cancelled (`ENDPOINT_DISABLED`),
 * one `WEBHOOK_ENDPOINT_DISABLED_EMAIL` queued (ids only; the email step finds its recipients)
 * and the audit event with actor `system`. Does nothing when the endpoint is no longer enabled.
 * The caller holds the endpoint's row lock.
 *
 * @example
 * await disableFailingEndpoint(tx, { endpointId, now })
 */
export async function disableFailingEndpoint(
  tx: Transaction,
  options: { endpointId: string; now: Date }
): Promise<boolean> {
  const at = options.now.toISOString()
  const disabled = await executeRows<{ id: string; partner_id: string | null }>(
    tx,
    sql`update webhook_endpoints
           set status = 'DISABLED', disabled_reason = 'FAILING', disabled_at = ${at}::timestamptz,
               disabled_by_user_id = null, updated_at = ${at}::timestamptz
         where id = ${options.endpointId}::uuid and status = 'ENABLED'
     returning id, partner_id`
  )
  const endpoint = disabled[0]
  if (!endpoint) return false
  await executeRows(
    tx,
    sql`update webhook_deliveries
           set status = 'CANCELLED', cancel_reason = 'ENDPOINT_DISABLED', locked_until = null
         where endpoint_id = ${endpoint.id}::uuid and status = 'PENDING'`
  )
  const payload = JSON.stringify({ endpointId: endpoint.id })
  await executeRows(
    tx,
    sql`insert into outbox (id, kind, aggregate_id, payload, dedupe_key, run_after, created_at)
        values (gen_random_uuid(), 'WEBHOOK_ENDPOINT_DISABLED_EMAIL', ${endpoint.id}::uuid,
                ${payload}::jsonb, ${disabledEmailDedupeKey(endpoint.id, options.now)},
                ${at}::timestamptz, ${at}::timestamptz)
        on conflict (dedupe_key) do nothing`
  )
  await executeRows(
    tx,
    sql`insert into audit_events
               (id, occurred_at, actor_type, actor_id, partner_id, action, entity_type, entity_id,
                request_id, details)
        values (gen_random_uuid(), ${at}::timestamptz, 'system', null, ${endpoint.partner_id}::uuid,
                'webhook_endpoint.disabled', 'webhook_endpoint', ${endpoint.id}::uuid, null,
                jsonb_build_object('reason', 'FAILING'))`
  )
  return true
}
