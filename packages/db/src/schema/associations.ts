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
import { partnerIdColumn } from './owner-columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { customerAccounts } from './customer-accounts'
import { invitations } from './invitations'
import { preRegistrations } from './pre-registrations'
import {
  ASSOCIATION_ORIGINS,
  ASSOCIATION_STATUSES,
  ASSOCIATION_TYPES,
  PAYERS,
  type AssociationOrigin,
  type AssociationStatus,
  type AssociationType,
  type Payer,
} from './values'

/** The relationship between one customer account and one partner (§3.7, §4.3). */
export const associations = pgTable(
  'associations',
  {
    id: uuidPrimaryKey(),
    partnerId: partnerIdColumn(),
    customerAccountId: uuid('customer_account_id')
      .notNull()
      .references(() => customerAccounts.id),
    type: text('type').$type<AssociationType>().notNull(),
    payer: text('payer').$type<Payer>().notNull(),
    status: text('status').$type<AssociationStatus>().notNull(),
    origin: text('origin').$type<AssociationOrigin>().notNull(),
    invitationId: uuid('invitation_id').references(() => invitations.id),
    preregistrationId: uuid('preregistration_id').references(() => preRegistrations.id),
    frozenPendingBudget: boolean('frozen_pending_budget').notNull().default(false),
    associatedAt: timestamptz('associated_at'),
    budgetSetAt: timestamptz('budget_set_at'),
    endedAt: timestamptz('ended_at'),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    // 1 at insert, one more at every UPDATE (a trigger, migration 0007): events carry it (R123).
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('associations_version_check', sql`${t.version} >= 1`),
    // R68: the loser of two concurrent accepts violates this and rolls back.
    uniqueIndex(UNIQUE_CONSTRAINTS.oneActiveAssociationPerCustomer)
      .on(t.customerAccountId)
      .where(sql`${t.status} = 'ACTIVE'`),
    index('associations_partner_created_idx').on(t.partnerId, t.createdAt),
    check('associations_type_check', inList(t.type, ASSOCIATION_TYPES)),
    check('associations_status_check', inList(t.status, ASSOCIATION_STATUSES)),
    check('associations_origin_check', inList(t.origin, ASSOCIATION_ORIGINS)),
    check('associations_payer_check', inList(t.payer, PAYERS)),
    // reseller → PARTNER pays, referral → PLATFORM pays (§3.7).
    check(
      'associations_type_payer_check',
      sql`(${t.type} = 'reseller' and ${t.payer} = 'PARTNER')
        or (${t.type} = 'referral' and ${t.payer} = 'PLATFORM')`
    ),
  ]
)

/** A row of {@link associations} as read. */
export type AssociationRow = typeof associations.$inferSelect
/** A row of {@link associations} as inserted. */
export type NewAssociationRow = typeof associations.$inferInsert
