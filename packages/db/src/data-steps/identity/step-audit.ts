import type { AuditAction } from '@partner-center/domain'
import { jsonParam, type RunSql } from '../sql-runner'

/** One audit event of the data step: actor `system`, no request (§3.9). */
export interface StepAuditEntry {
  action: AuditAction
  partnerId: string | null
  entityType: 'preregistration' | 'invitation' | 'customer_account' | 'user'
  entityId: string
  /** Masked values, codes and ids only (R77); never another partner's id for a partner's row. */
  details: Record<string, unknown>
}

/**
 * Appends the step's audit events in the migration transaction, one multi-row insert, so they
 * commit (or roll back) with the changes they describe (R75).
 */
export async function recordStepAudits(
  run: RunSql,
  now: Date,
  entries: readonly StepAuditEntry[]
): Promise<void> {
  if (entries.length === 0) return
  const rows = entries.map((entry) => ({
    id: crypto.randomUUID(),
    partner_id: entry.partnerId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    details: entry.details,
  }))
  await run(
    `insert into audit_events
       (id, occurred_at, actor_type, actor_id, partner_id, action, entity_type, entity_id,
        request_id, details)
     select x.id, $1::text::timestamptz, 'system', null, x.partner_id, x.action, x.entity_type,
       x.entity_id, null, x.details
     from jsonb_to_recordset($2::text::jsonb)
       as x(id uuid, partner_id uuid, action text, entity_type text, entity_id uuid, details jsonb)`,
    [now.toISOString(), jsonParam(rows)]
  )
}
