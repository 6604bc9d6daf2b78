import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns'
import { partnerIdColumn } from './owner-columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { users } from './users'

/**
 * Idempotency records of invite and resend requests (R43), kept 24 h.
 *
 * A request inserts its row first, with `responseStatus` and `responseBody` null ("in progress"),
 * does its work and fills the response before committing. A racing twin's insert of the same
 * primary key blocks on the first transaction, then conflicts and reads the committed response to
 * replay it; a null response seen after commit cannot happen, because both are written together.
 *
 * @example
 * const inserted = await tx.insert(idempotencyKeys).values({ ...key, requestHash, createdAt, expiresAt })
 *   .onConflictDoNothing().returning()
 * if (inserted.length === 0) {
 *   // a twin owns the key: load it and replay, or 422 IDEMPOTENCY_KEY_REUSED on another hash
 * }
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    partnerId: partnerIdColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [
    primaryKey({
      name: UNIQUE_CONSTRAINTS.idempotencyKey,
      columns: [t.partnerId, t.userId, t.key],
    }),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
    // "In progress" is both null; a finished record has both.
    check(
      'idempotency_keys_response_check',
      sql`(${t.responseStatus} is null) = (${t.responseBody} is null)`
    ),
  ]
)

/** A row of {@link idempotencyKeys} as read; `responseStatus === null` means still in progress. */
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect
/** A row of {@link idempotencyKeys} as inserted. */
export type NewIdempotencyKeyRow = typeof idempotencyKeys.$inferInsert
