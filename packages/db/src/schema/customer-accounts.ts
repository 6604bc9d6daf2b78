import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  pgTable,
  text,
  unique,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { FROZEN_REASONS, REGISTERED_VIA, type FrozenReason, type RegisteredVia } from './values'

/** Simulated platform accounts of end customers with their eligibility flags (§3.3). */
export const customerAccounts = pgTable(
  'customer_accounts',
  {
    id: uuidPrimaryKey(),
    email: text('email').notNull(),
    emailCanonical: text('email_canonical').notNull(),
    mobileE164: text('mobile_e164'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    registeredAt: timestamptz('registered_at').notNull(),
    registeredVia: text('registered_via').$type<RegisteredVia>().notNull(),
    emailVerified: boolean('email_verified').notNull().default(false),
    isPartner: boolean('is_partner').notNull().default(false),
    hasSpecialContract: boolean('has_special_contract').notNull().default(false),
    hasCashSpend: boolean('has_cash_spend').notNull().default(false),
    hasUnpaidBills: boolean('has_unpaid_bills').notNull().default(false),
    hasProfessionalServiceContract: boolean('has_professional_service_contract')
      .notNull()
      .default(false),
    hasValidReservedInstances: boolean('has_valid_reserved_instances').notNull().default(false),
    isEnterpriseMember: boolean('is_enterprise_member').notNull().default(false),
    isEnterpriseMasterWithMembers: boolean('is_enterprise_master_with_members')
      .notNull()
      .default(false),
    frozen: boolean('frozen').notNull().default(false),
    frozenReason: text('frozen_reason').$type<FrozenReason>(),
    // The earlier account of the same identity this one was merged into by the identity data
    // step; its canonical email (and mobile) then read `merged:{id}`, which no input matches.
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => customerAccounts.id),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    // The ecosystem manager's list of double associations starts from the merged accounts.
    index('customer_accounts_merged_into_idx')
      .on(t.mergedIntoId)
      .where(sql`${t.mergedIntoId} is not null`),
    unique(UNIQUE_CONSTRAINTS.customerAccountEmail).on(t.emailCanonical),
    // Plain unique: PostgreSQL treats NULLs as distinct, so accounts without mobile never clash.
    unique(UNIQUE_CONSTRAINTS.customerAccountMobile).on(t.mobileE164),
    check('customer_accounts_registered_via_check', inList(t.registeredVia, REGISTERED_VIA)),
    check('customer_accounts_frozen_reason_check', inList(t.frozenReason, FROZEN_REASONS)),
  ]
)

/** A row of {@link customerAccounts} as read. */
export type CustomerAccountRow = typeof customerAccounts.$inferSelect
/** A row of {@link customerAccounts} as inserted. */
export type NewCustomerAccountRow = typeof customerAccounts.$inferInsert
