import type { Database } from '@partner-center/db/portable'
import { auditEvents } from '@partner-center/db/schema'
import type { AuditAction, AuditActorType } from '@partner-center/domain'

/** One audit event to append (domain.md §3.9). Details carry masked customer data only (R77). */
export interface AuditEntry {
  action: AuditAction
  actorType: AuditActorType
  actorId: string | null
  partnerId: string | null
  entityType: string
  entityId: string
  details?: Record<string, unknown>
}

/** Options of {@link recordAudits}. */
export interface RecordAuditsOptions {
  now: Date
  requestId: string | null
  entries: readonly AuditEntry[]
}

/**
 * Appends audit events in the caller's transaction, so they commit with the change they describe
 * (R75) and carry the request id (R78). One multi-row insert, because a batch writes hundreds.
 */
export async function recordAudits(db: Database, options: RecordAuditsOptions): Promise<void> {
  if (options.entries.length === 0) return
  await db.insert(auditEvents).values(
    options.entries.map((entry) => ({
      id: crypto.randomUUID(),
      occurredAt: options.now,
      requestId: options.requestId,
      actorType: entry.actorType,
      actorId: entry.actorId,
      partnerId: entry.partnerId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: entry.details ?? {},
    }))
  )
}
