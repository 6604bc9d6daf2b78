import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { partners } from './partners'
import { users } from './users'
import { API_KEY_ROLES, API_KEY_STATUSES, type ApiKeyRole, type ApiKeyStatus } from './values'

/**
 * API keys of systems (domain.md §13.3.4, R139–R143): scoped to a partner and a role, or to the
 * platform (`partnerId` null, role `ecosystem_manager`). The raw key is never stored: `keyHash`
 * (SHA-256, hex) is the only lookup and `keyPrefix` (its first 12 characters) recognises it.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuidPrimaryKey(),
    partnerId: uuid('partner_id').references(() => partners.id),
    role: text('role').$type<ApiKeyRole>().notNull(),
    name: text('name').notNull(),
    keyPrefix: text('key_prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    status: text('status').$type<ApiKeyStatus>().notNull(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamptz('created_at').notNull(),
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at'),
    revokedByUserId: uuid('revoked_by_user_id').references(() => users.id),
  },
  (t) => [
    unique(UNIQUE_CONSTRAINTS.apiKeyHash).on(t.keyHash),
    // The list, newest first, and the count of ACTIVE keys under the partner's lock (R139).
    index('api_keys_partner_created_idx').on(t.partnerId, t.createdAt),
    check('api_keys_role_check', inList(t.role, API_KEY_ROLES)),
    check('api_keys_status_check', inList(t.status, API_KEY_STATUSES)),
    // A platform key exactly when it has no partner (§13.3.4).
    check(
      'api_keys_scope_check',
      sql`(${t.partnerId} is null) = (${t.role} = 'ecosystem_manager')`
    ),
    // K2 sets both revocation columns with REVOKED, and nothing else does.
    check('api_keys_revoked_check', sql`(${t.status} = 'REVOKED') = (${t.revokedAt} is not null)`),
    check('api_keys_key_prefix_check', sql`char_length(${t.keyPrefix}) = 12`),
  ]
)

/** A row of {@link apiKeys} as read. */
export type ApiKeyRow = typeof apiKeys.$inferSelect
/** A row of {@link apiKeys} as inserted. */
export type NewApiKeyRow = typeof apiKeys.$inferInsert
