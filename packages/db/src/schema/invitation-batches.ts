import { check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { createdByUserIdColumn, partnerIdColumn } from './owner-columns'
import {
  ASSOCIATION_TYPES,
  INVITATION_BATCH_KINDS,
  type AssociationType,
  type BatchRowOutcome,
  type InvitationBatchKind,
} from './values'

/** One row of a batch answer, in request order (domain.md §3.6, R42). */
export interface InvitationBatchResult {
  preregistrationId: string
  outcome: BatchRowOutcome
  invitationId?: string
  code?: string
  retryAfterSeconds?: number
}

/** One press of OK in the Invite dialog, or one resend (§3.6). */
export const invitationBatches = pgTable(
  'invitation_batches',
  {
    id: uuidPrimaryKey(),
    partnerId: partnerIdColumn(),
    createdByUserId: createdByUserIdColumn(),
    kind: text('kind').$type<InvitationBatchKind>().notNull(),
    associationType: text('association_type').$type<AssociationType>().notNull(),
    requestedCount: integer('requested_count').notNull(),
    queuedCount: integer('queued_count').notNull(),
    skippedCount: integer('skipped_count').notNull(),
    results: jsonb('results').$type<InvitationBatchResult[]>().notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    index('invitation_batches_partner_created_idx').on(t.partnerId, t.createdAt),
    check('invitation_batches_kind_check', inList(t.kind, INVITATION_BATCH_KINDS)),
    check(
      'invitation_batches_association_type_check',
      inList(t.associationType, ASSOCIATION_TYPES)
    ),
  ]
)

/** A row of {@link invitationBatches} as read. */
export type InvitationBatchRow = typeof invitationBatches.$inferSelect
/** A row of {@link invitationBatches} as inserted. */
export type NewInvitationBatchRow = typeof invitationBatches.$inferInsert
