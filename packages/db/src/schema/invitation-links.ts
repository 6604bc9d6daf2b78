import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { createdByUserIdColumn, partnerIdColumn } from './owner-columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { users } from './users'
import {
  ASSOCIATION_TYPES,
  INVITATION_LINK_KINDS,
  INVITATION_LINK_STATUSES,
  type AssociationType,
  type InvitationLinkKind,
  type InvitationLinkStatus,
} from './values'

/**
 * A partner's reusable invitation link (domain.md §12.2.1): a user's general link or a custom
 * link with a tag. The raw code is never stored: `codeHash` (SHA-256, hex) is the only lookup and
 * `codeCiphertext` (AES-256-GCM under the key `keyId`) lets Copy and QR work later (R99).
 */
export const invitationLinks = pgTable(
  'invitation_links',
  {
    id: uuidPrimaryKey(),
    partnerId: partnerIdColumn(),
    kind: text('kind').$type<InvitationLinkKind>().notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    tag: text('tag').notNull(),
    tagKey: text('tag_key').notNull(),
    associationType: text('association_type').$type<AssociationType>().notNull(),
    expiresAt: timestamptz('expires_at'),
    status: text('status').$type<InvitationLinkStatus>().notNull(),
    codeHash: text('code_hash').notNull(),
    codeCiphertext: text('code_ciphertext').notNull(),
    keyId: text('key_id').notNull(),
    createdByUserId: createdByUserIdColumn(),
    createdAt: timestamptz('created_at').notNull(),
    disabledAt: timestamptz('disabled_at'),
    disabledByUserId: uuid('disabled_by_user_id').references(() => users.id),
    resetAt: timestamptz('reset_at'),
    replacedById: uuid('replaced_by_id').references((): AnyPgColumn => invitationLinks.id),
    registrationCount: integer('registration_count').notNull().default(0),
    associationCount: integer('association_count').notNull().default(0),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    unique(UNIQUE_CONSTRAINTS.invitationLinkCodeHash).on(t.codeHash),
    // R94: one namespace of tag keys per partner; a RESET general link hands its tag on.
    uniqueIndex(UNIQUE_CONSTRAINTS.invitationLinkTagKey)
      .on(t.partnerId, t.tagKey)
      .where(sql`${t.status} <> 'RESET'`),
    // R91: concurrent first views create one general link per user.
    uniqueIndex(UNIQUE_CONSTRAINTS.oneActiveGeneralLinkPerUser)
      .on(t.ownerUserId)
      .where(sql`${t.kind} = 'GENERAL' and ${t.status} = 'ACTIVE'`),
    // The custom links list (R95): newest first within a partner.
    index('invitation_links_partner_created_idx').on(
      t.partnerId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst()
    ),
    // The sweeper expires activity links (L5).
    index('invitation_links_expires_idx')
      .on(t.expiresAt)
      .where(sql`${t.expiresAt} is not null and ${t.status} in ('ACTIVE', 'DISABLED')`),
    check('invitation_links_kind_check', inList(t.kind, INVITATION_LINK_KINDS)),
    check('invitation_links_status_check', inList(t.status, INVITATION_LINK_STATUSES)),
    check('invitation_links_association_type_check', inList(t.associationType, ASSOCIATION_TYPES)),
    // A general link has its owner; a custom link has none and no reset.
    check(
      'invitation_links_owner_check',
      sql`(${t.kind} = 'GENERAL') = (${t.ownerUserId} is not null)`
    ),
    check(
      'invitation_links_counts_check',
      sql`${t.registrationCount} >= 0 and ${t.associationCount} >= 0`
    ),
  ]
)

/** A row of {@link invitationLinks} as read. */
export type InvitationLinkRow = typeof invitationLinks.$inferSelect
/** A row of {@link invitationLinks} as inserted. */
export type NewInvitationLinkRow = typeof invitationLinks.$inferInsert
