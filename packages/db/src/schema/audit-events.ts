import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { AUDIT_ACTOR_TYPES, type AuditActorType } from './values'

/**
 * Append-only record of state changes and reveals (§3.9, R75–R78). A trigger added by migration
 * `0001_audit_events_append_only.sql` refuses UPDATE, DELETE and TRUNCATE (R76). No foreign keys:
 * the log must outlive and never block changes to the rows it describes.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuidPrimaryKey(),
    occurredAt: timestamptz('occurred_at').notNull(),
    actorType: text('actor_type').$type<AuditActorType>().notNull(),
    actorId: uuid('actor_id'),
    partnerId: uuid('partner_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_events_partner_occurred_idx').on(t.partnerId, t.occurredAt),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    check('audit_events_actor_type_check', inList(t.actorType, AUDIT_ACTOR_TYPES)),
  ]
)

/** A row of {@link auditEvents} as read. */
export type AuditEventRow = typeof auditEvents.$inferSelect
/** A row of {@link auditEvents} as inserted. */
export type NewAuditEventRow = typeof auditEvents.$inferInsert
