import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { createdByUserIdColumn, partnerIdColumn } from './owner-columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { customerAccounts } from './customer-accounts'
import { invitationBatches } from './invitation-batches'
import { invitationLinks } from './invitation-links'
import { preRegistrations } from './pre-registrations'
import {
  ASSOCIATION_TYPES,
  INVITATION_CHANNELS,
  INVITATION_STATUSES,
  LIVE_INVITATION_STATUSES,
  LOCALES,
  type AssociationType,
  type InvitationChannel,
  type InvitationStatus,
  type Locale,
} from './values'

/**
 * One email invitation for one pre-registration (§3.5, state machine §4.2), or one association
 * (or failed association) through an invitation link, created terminal (§12.2.3, I10, I11).
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuidPrimaryKey(),
    partnerId: partnerIdColumn(),
    // Required for an email invitation; a link row (§12.2.3) has no batch and names the
    // pre-registration it converted, if any (R109). The channel check below keeps both apart.
    preregistrationId: uuid('preregistration_id').references(() => preRegistrations.id),
    batchId: uuid('batch_id').references(() => invitationBatches.id),
    createdByUserId: createdByUserIdColumn(),
    channel: text('channel').$type<InvitationChannel>().notNull().default('email'),
    linkId: uuid('link_id').references(() => invitationLinks.id),
    // The link's tag at the instant of the row, kept if the link is reset later.
    linkTag: text('link_tag'),
    associationType: text('association_type').$type<AssociationType>().notNull(),
    recipientEmail: text('recipient_email').notNull(),
    recipientEmailCanonical: text('recipient_email_canonical').notNull(),
    locale: text('locale').$type<Locale>().notNull(),
    status: text('status').$type<InvitationStatus>().notNull(),
    expiresAt: timestamptz('expires_at'),
    sentAt: timestamptz('sent_at'),
    attemptCount: integer('attempt_count').notNull().default(0),
    lastAttemptAt: timestamptz('last_attempt_at'),
    failureCode: text('failure_code'),
    supersedesId: uuid('supersedes_id').references((): AnyPgColumn => invitations.id),
    // No foreign key: the newer row is inserted after the older one points at it within one
    // transaction; supersedesId already carries the referential link.
    supersededById: uuid('superseded_by_id'),
    acceptedAt: timestamptz('accepted_at'),
    acceptedCustomerAccountId: uuid('accepted_customer_account_id').references(
      () => customerAccounts.id
    ),
    // No foreign key: the association points back here (see pre_registrations.association_id).
    associationId: uuid('association_id'),
    failedAt: timestamptz('failed_at'),
    failedCustomerAccountId: uuid('failed_customer_account_id').references(
      () => customerAccounts.id
    ),
    renewalRequestedAt: timestamptz('renewal_requested_at'),
    reminderSentAt: timestamptz('reminder_sent_at'),
    // Email invitations only: a link row sends no email.
    messageId: text('message_id'),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    // 1 at insert, one more at every UPDATE (a trigger, migration 0007): events carry it (R123).
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('invitations_version_check', sql`${t.version} >= 1`),
    // R44: the guarantee behind "one live invitation per pre-registration".
    uniqueIndex(UNIQUE_CONSTRAINTS.oneLiveInvitationPerPreregistration)
      .on(t.preregistrationId)
      .where(inList(t.status, LIVE_INVITATION_STATUSES)),
    // History Records (R74) and the partner daily cap (R38.6) both scan a partner's newest rows.
    // NULLS FIRST is what a plain `order by created_at desc, id desc` asks for, so the index matches.
    index('invitations_partner_created_idx').on(
      t.partnerId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst()
    ),
    // The recipient daily cap counts by canonical email over 24 h (R38.5).
    index('invitations_recipient_created_idx').on(t.recipientEmailCanonical, t.createdAt),
    // Latest invitation of a row: cooldown (R38.4), list column "Last Invitation".
    index('invitations_preregistration_created_idx').on(t.preregistrationId, t.createdAt),
    index('invitations_batch_idx').on(t.batchId),
    // The sweeper looks for live rows past expiry (R80).
    index('invitations_live_expires_idx')
      .on(t.expiresAt)
      .where(inList(t.status, LIVE_INVITATION_STATUSES)),
    check('invitations_status_check', inList(t.status, INVITATION_STATUSES)),
    check('invitations_channel_check', inList(t.channel, INVITATION_CHANNELS)),
    check(
      'invitations_channel_fields_check',
      sql`(${t.channel} = 'email' and ${t.preregistrationId} is not null and ${t.batchId} is not null and ${t.messageId} is not null and ${t.linkId} is null)
        or (${t.channel} <> 'email' and ${t.linkId} is not null and ${t.linkTag} is not null and ${t.batchId} is null)`
    ),
    // Link associations per link (R98) and per partner and source (R112).
    index('invitations_link_idx')
      .on(t.linkId)
      .where(sql`${t.linkId} is not null`),
    check('invitations_association_type_check', inList(t.associationType, ASSOCIATION_TYPES)),
    check('invitations_locale_check', inList(t.locale, LOCALES)),
  ]
)

/** A row of {@link invitations} as read. */
export type InvitationRow = typeof invitations.$inferSelect
/** A row of {@link invitations} as inserted. */
export type NewInvitationRow = typeof invitations.$inferInsert

/**
 * An email invitation row (`channel = 'email'`). The check `invitations_channel_fields_check`
 * guarantees these fields on such rows, so code that reads email invitations only (tokens,
 * sending, resend, acceptance by token) works with this type.
 */
export interface EmailInvitationRow extends InvitationRow {
  channel: 'email'
  preregistrationId: string
  batchId: string
  messageId: string
}

/**
 * Narrows a row read where only email invitations can occur. A link row there is a defect (a
 * token or a batch never points at one), so it throws rather than answer a wrong invitation.
 *
 * @example
 * const invitation = asEmailInvitation(row) // invitation.preregistrationId: string
 */
export function asEmailInvitation<R extends InvitationRow>(row: R): R & EmailInvitationRow {
  if (
    row.channel !== 'email' ||
    row.preregistrationId === null ||
    row.batchId === null ||
    row.messageId === null
  ) {
    throw new Error(`invitation ${row.id} is not an email invitation`)
  }
  return row as R & EmailInvitationRow
}
