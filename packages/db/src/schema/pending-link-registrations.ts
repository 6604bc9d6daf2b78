import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { customerAccounts } from './customer-accounts'
import { invitationLinks } from './invitation-links'
import {
  LOCALES,
  PENDING_LINK_REGISTRATION_PURPOSES,
  PENDING_LINK_REGISTRATION_STATUSES,
  type Locale,
  type PendingRegistrationPurpose,
  type PendingRegistrationStatus,
} from './values'

/**
 * A registration (or an email verification) through an invitation link waiting for its email
 * code (domain.md §12.2.2, R101–R105). Deliberately without a unique constraint on the email: it
 * blocks no other registration. The sweeper deletes expired and void rows.
 */
export const pendingLinkRegistrations = pgTable(
  'pending_link_registrations',
  {
    id: uuidPrimaryKey(),
    purpose: text('purpose').$type<PendingRegistrationPurpose>().notNull(),
    linkId: uuid('link_id')
      .notNull()
      .references(() => invitationLinks.id),
    customerAccountId: uuid('customer_account_id').references(() => customerAccounts.id),
    emailCanonical: text('email_canonical').notNull(),
    displayName: text('display_name'),
    mobileE164: text('mobile_e164'),
    passwordHash: text('password_hash'),
    locale: text('locale').$type<Locale>().notNull(),
    codeHash: text('code_hash'),
    codeIssuedAt: timestamptz('code_issued_at'),
    tries: integer('tries').notNull().default(0),
    status: text('status').$type<PendingRegistrationStatus>().notNull().default('PENDING'),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [
    // Superseding earlier PENDING rows of one address (R101) and voiding a link's rows (L3, L5, L6).
    index('pending_link_registrations_email_idx').on(t.emailCanonical, t.purpose),
    index('pending_link_registrations_link_idx').on(t.linkId),
    index('pending_link_registrations_expires_idx').on(t.expiresAt),
    check(
      'pending_link_registrations_purpose_check',
      inList(t.purpose, PENDING_LINK_REGISTRATION_PURPOSES)
    ),
    check(
      'pending_link_registrations_status_check',
      inList(t.status, PENDING_LINK_REGISTRATION_STATUSES)
    ),
    check('pending_link_registrations_locale_check', inList(t.locale, LOCALES)),
    check('pending_link_registrations_tries_check', sql`${t.tries} between 0 and 5`),
    // REGISTER carries what the account will be made of; VERIFY names the account.
    check(
      'pending_link_registrations_purpose_fields_check',
      sql`(${t.purpose} = 'REGISTER' and ${t.passwordHash} is not null and ${t.displayName} is not null and ${t.customerAccountId} is null)
        or (${t.purpose} = 'VERIFY' and ${t.customerAccountId} is not null)`
    ),
  ]
)

/** A row of {@link pendingLinkRegistrations} as read. */
export type PendingLinkRegistrationRow = typeof pendingLinkRegistrations.$inferSelect
/** A row of {@link pendingLinkRegistrations} as inserted. */
export type NewPendingLinkRegistrationRow = typeof pendingLinkRegistrations.$inferInsert
