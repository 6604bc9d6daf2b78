import { check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { OUTBOX_KINDS, OUTBOX_STATUSES, type OutboxKind, type OutboxStatus } from './values'

/**
 * Messages written in the same transaction as a state change and delivered later by the
 * dispatcher (§3.8, architecture.md §7). The payload holds ids only, never contact data or tokens.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuidPrimaryKey(),
    kind: text('kind').$type<OutboxKind>().notNull(),
    aggregateId: uuid('aggregate_id').notNull(),
    payload: jsonb('payload').$type<Record<string, string>>().notNull().default({}),
    dedupeKey: text('dedupe_key').notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    runAfter: timestamptz('run_after').notNull(),
    lockedUntil: timestamptz('locked_until'),
    lastError: text('last_error'),
    createdAt: timestamptz('created_at').notNull(),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [
    unique(UNIQUE_CONSTRAINTS.outboxDedupeKey).on(t.dedupeKey),
    // The claim query filters on status and orders by run_after (architecture.md §7).
    index('outbox_status_run_after_idx').on(t.status, t.runAfter),
    // Cancelling the pending message of a superseded or revoked invitation (I5, I6).
    index('outbox_aggregate_idx').on(t.aggregateId),
    check('outbox_kind_check', inList(t.kind, OUTBOX_KINDS)),
    check('outbox_status_check', inList(t.status, OUTBOX_STATUSES)),
  ]
)

/** A row of {@link outbox} as read. */
export type OutboxRow = typeof outbox.$inferSelect
/** A row of {@link outbox} as inserted. */
export type NewOutboxRow = typeof outbox.$inferInsert
