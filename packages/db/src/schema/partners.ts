import { sql } from 'drizzle-orm'
import { boolean, check, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { LOCALES, type Locale } from './values'

/** Partners, the tenants of the module, with the capabilities set by the ecosystem manager (§3.1, §2.2). */
export const partners = pgTable(
  'partners',
  {
    id: uuidPrimaryKey(),
    name: text('name').notNull(),
    contactEmail: text('contact_email'),
    contactMobile: text('contact_mobile'),
    // The partner's ecosystem manager as the partner's users see them (S9, S11): whom to ask
    // for a capability. Contact details only, set on the Partners page (S13); both optional.
    ecosystemManagerName: text('ecosystem_manager_name'),
    ecosystemManagerEmail: text('ecosystem_manager_email'),
    defaultLocale: text('default_locale').$type<Locale>().notNull().default('en'),
    customerDevelopmentEnabled: boolean('customer_development_enabled').notNull().default(false),
    referralModelEnabled: boolean('referral_model_enabled').notNull().default(false),
    isPrepaid: boolean('is_prepaid').notNull().default(false),
    preregistrationQuota: integer('preregistration_quota').notNull().default(100),
    dailyInviteCap: integer('daily_invite_cap').notNull().default(500),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    check('partners_default_locale_check', inList(t.defaultLocale, LOCALES)),
    check(
      'partners_preregistration_quota_check',
      sql`${t.preregistrationQuota} between 0 and 10000`
    ),
    check('partners_daily_invite_cap_check', sql`${t.dailyInviteCap} between 0 and 100000`),
  ]
)

/** A row of {@link partners} as read. */
export type PartnerRow = typeof partners.$inferSelect
/** A row of {@link partners} as inserted. */
export type NewPartnerRow = typeof partners.$inferInsert
