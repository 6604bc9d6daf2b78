import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { customerAccounts } from './customer-accounts'
import { users } from './users'
import { ACCESS_TOKEN_PRINCIPAL_KINDS, type AccessTokenPrincipalKind } from './values'

/**
 * Opaque sign-in tokens of users and customers (R79). Only the SHA-256 of the token is stored;
 * `expiresAt` slides with use, `maxExpiresAt` is the absolute limit, sign-out sets `revokedAt`.
 */
export const accessTokens = pgTable(
  'access_tokens',
  {
    id: uuidPrimaryKey(),
    tokenHash: text('token_hash').notNull(),
    principalKind: text('principal_kind').$type<AccessTokenPrincipalKind>().notNull(),
    userId: uuid('user_id').references(() => users.id),
    customerAccountId: uuid('customer_account_id').references(() => customerAccounts.id),
    createdAt: timestamptz('created_at').notNull(),
    lastUsedAt: timestamptz('last_used_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    maxExpiresAt: timestamptz('max_expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    unique(UNIQUE_CONSTRAINTS.accessTokenHash).on(t.tokenHash),
    index('access_tokens_user_idx').on(t.userId),
    index('access_tokens_customer_account_idx').on(t.customerAccountId),
    check(
      'access_tokens_principal_kind_check',
      inList(t.principalKind, ACCESS_TOKEN_PRINCIPAL_KINDS)
    ),
    // The principal columns must match the kind, so a token never resolves to two principals.
    check(
      'access_tokens_principal_check',
      sql`(${t.principalKind} = 'user' and ${t.userId} is not null and ${t.customerAccountId} is null)
        or (${t.principalKind} = 'customer' and ${t.customerAccountId} is not null and ${t.userId} is null)`
    ),
  ]
)

/** A row of {@link accessTokens} as read. */
export type AccessTokenRow = typeof accessTokens.$inferSelect
/** A row of {@link accessTokens} as inserted. */
export type NewAccessTokenRow = typeof accessTokens.$inferInsert
