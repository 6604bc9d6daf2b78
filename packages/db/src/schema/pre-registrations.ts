import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { createdByUserIdColumn, partnerIdColumn } from './owner-columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { customerAccounts } from './customer-accounts'
import { users } from './users'
import {
  HOLDING_PREREGISTRATION_STATUSES,
  INVITATION_CHANNELS,
  LOCALES,
  PREREGISTRATION_CLOSED_REASONS,
  PREREGISTRATION_SOURCES,
  PREREGISTRATION_STATUSES,
  type InvitationChannel,
  type Locale,
  type PreregistrationClosedReason,
  type PreregistrationSource,
  type PreregistrationStatus,
} from './values'

/** A partner's claim on a customer identity (§3.4, state machine §4.1). */
export const preRegistrations = pgTable(
  'pre_registrations',
  {
    id: uuidPrimaryKey(),
    partnerId: partnerIdColumn(),
    createdByUserId: createdByUserIdColumn(),
    source: text('source').$type<PreregistrationSource>().notNull().default('PARTNER_CENTER'),
    customerName: text('customer_name').notNull(),
    email: text('email'),
    emailCanonical: text('email_canonical'),
    mobileE164: text('mobile_e164'),
    locale: text('locale').$type<Locale>().notNull(),
    customerAccountId: uuid('customer_account_id').references(() => customerAccounts.id),
    status: text('status').$type<PreregistrationStatus>().notNull(),
    validFrom: timestamptz('valid_from'),
    validUntil: timestamptz('valid_until'),
    reviewReason: text('review_reason'),
    reviewDeadline: timestamptz('review_deadline'),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id),
    reviewedAt: timestamptz('reviewed_at'),
    reviewNote: text('review_note'),
    ageSpendWaived: boolean('age_spend_waived').notNull().default(false),
    convertedAt: timestamptz('converted_at'),
    // Set with convertedAt: the channel of the association that converted the row (§12.2.3).
    convertedVia: text('converted_via').$type<InvitationChannel>(),
    // No foreign key: associations already point back here, and a cycle of immediate foreign
    // keys would force every converting transaction to write the rows in one fixed order.
    associationId: uuid('association_id'),
    // Set with status EXPIRED when the identity data step merged this row into an earlier one.
    closedReason: text('closed_reason').$type<PreregistrationClosedReason>(),
    deletedAt: timestamptz('deleted_at'),
    deletedByUserId: uuid('deleted_by_user_id').references(() => users.id),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    // The partner's own identifier of the customer (R122): not customer data, never changes.
    externalRef: text('external_ref'),
    // 1 at insert, one more at every UPDATE (a trigger, migration 0007): events carry it (R123).
    version: integer('version').notNull().default(1),
  },
  (t) => {
    const holding = inList(t.status, HOLDING_PREREGISTRATION_STATUSES)
    return [
      // R28: among holding rows of all partners each identity key occurs at most once.
      uniqueIndex(UNIQUE_CONSTRAINTS.holdingPreregistrationEmail)
        .on(t.emailCanonical)
        .where(holding),
      uniqueIndex(UNIQUE_CONSTRAINTS.holdingPreregistrationMobile).on(t.mobileE164).where(holding),
      uniqueIndex(UNIQUE_CONSTRAINTS.holdingPreregistrationAccount)
        .on(t.customerAccountId)
        .where(holding),
      // The list: newest first within a partner (R35). NULLS FIRST matches a plain `desc` order.
      index('pre_registrations_partner_created_idx').on(
        t.partnerId,
        t.createdAt.desc().nullsFirst(),
        t.id.desc().nullsFirst()
      ),
      // Quota counts and the sweeper look rows up by status.
      index('pre_registrations_partner_status_idx').on(t.partnerId, t.status),
      index('pre_registrations_customer_account_idx').on(t.customerAccountId),
      check('pre_registrations_status_check', inList(t.status, PREREGISTRATION_STATUSES)),
      check(
        'pre_registrations_external_ref_check',
        sql`${t.externalRef} is null or char_length(${t.externalRef}) between 1 and 64`
      ),
      check('pre_registrations_version_check', sql`${t.version} >= 1`),
      check('pre_registrations_source_check', inList(t.source, PREREGISTRATION_SOURCES)),
      check('pre_registrations_locale_check', inList(t.locale, LOCALES)),
      check('pre_registrations_converted_via_check', inList(t.convertedVia, INVITATION_CHANNELS)),
      check(
        'pre_registrations_closed_reason_check',
        inList(t.closedReason, PREREGISTRATION_CLOSED_REASONS)
      ),
      check(
        'pre_registrations_contact_check',
        sql`${t.emailCanonical} is not null or ${t.mobileE164} is not null`
      ),
    ]
  }
)

/** A row of {@link preRegistrations} as read. */
export type PreRegistrationRow = typeof preRegistrations.$inferSelect
/** A row of {@link preRegistrations} as inserted. */
export type NewPreRegistrationRow = typeof preRegistrations.$inferInsert
