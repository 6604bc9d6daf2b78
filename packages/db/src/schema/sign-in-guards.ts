import { index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns'

/**
 * Per-account sign-in delay state (R59): consecutive failures and when an attempt from an
 * address not known to the account may next check a password. `subject` names the sign-in scope
 * and account by a keyed MAC (`k1:…`), never by email. A success deletes the row; the sweeper
 * deletes rows whose streak was forgotten (a day after the last failure).
 *
 * @example
 * await db.select().from(signInBackoffs).where(eq(signInBackoffs.subject, subject)).for('update')
 */
export const signInBackoffs = pgTable(
  'sign_in_backoffs',
  {
    subject: text('subject').primaryKey(),
    failures: integer('failures').notNull(),
    nextAllowedAt: timestamptz('next_allowed_at').notNull(),
    lastFailureAt: timestamptz('last_failure_at').notNull(),
  },
  (t) => [index('sign_in_backoffs_last_failure_idx').on(t.lastFailureAt)]
)

/**
 * Addresses an account signed in from successfully (R59), for 30 days after the last success:
 * each row is only a keyed MAC of (sign-in scope, account id, client address), so the table
 * holds neither addresses nor accounts. A sign-in from a known address skips the per-account
 * delay. The sweeper deletes expired rows.
 *
 * @example
 * await db.insert(signInKnownAddresses).values({ mac, expiresAt })
 *   .onConflictDoUpdate({ target: signInKnownAddresses.mac, set: { expiresAt } })
 */
export const signInKnownAddresses = pgTable(
  'sign_in_known_addresses',
  {
    mac: text('mac').primaryKey(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('sign_in_known_addresses_expires_idx').on(t.expiresAt)]
)

/** A row of {@link signInBackoffs} as read. */
export type SignInBackoffRow = typeof signInBackoffs.$inferSelect
/** A row of {@link signInKnownAddresses} as read. */
export type SignInKnownAddressRow = typeof signInKnownAddresses.$inferSelect
