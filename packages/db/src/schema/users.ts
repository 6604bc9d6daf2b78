import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { partners } from './partners'
import {
  LOCALES,
  USER_ROLES,
  USER_STATUSES,
  type Locale,
  type UserRole,
  type UserStatus,
} from './values'

/** Partner users and ecosystem managers (§3.2); the latter are the only rows without a partner. */
export const users = pgTable(
  'users',
  {
    id: uuidPrimaryKey(),
    partnerId: uuid('partner_id').references(() => partners.id),
    email: text('email').notNull(),
    emailCanonical: text('email_canonical').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<UserRole>().notNull(),
    locale: text('locale').$type<Locale>().notNull().default('en'),
    status: text('status').$type<UserStatus>().notNull().default('ACTIVE'),
    passwordHash: text('password_hash').notNull(),
    // The earlier user of the same identity this one was merged into by the identity data step;
    // its canonical email then reads `merged:{id}`, so it can no longer sign in.
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => users.id),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    unique(UNIQUE_CONSTRAINTS.userEmail).on(t.emailCanonical),
    index('users_partner_idx').on(t.partnerId),
    check('users_role_check', inList(t.role, USER_ROLES)),
    check('users_locale_check', inList(t.locale, LOCALES)),
    check('users_status_check', inList(t.status, USER_STATUSES)),
    // Exactly the ecosystem manager belongs to no partner (§3.2).
    check(
      'users_partner_role_check',
      sql`(${t.role} = 'ecosystem_manager') = (${t.partnerId} is null)`
    ),
  ]
)

/** A row of {@link users} as read. */
export type UserRow = typeof users.$inferSelect
/** A row of {@link users} as inserted. */
export type NewUserRow = typeof users.$inferInsert
