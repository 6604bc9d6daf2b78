import { check, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { inList, timestamptz, uuidPrimaryKey } from './columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { invitations } from './invitations'
import { INVITATION_TOKEN_PURPOSES, type InvitationTokenPurpose } from './values'

/**
 * One SHA-256 (hex) per delivery attempt of an invitation (R51) and per reminder (R117). The raw token is never stored;
 * every token of an invitation opens the same invitation.
 */
export const invitationTokens = pgTable(
  'invitation_tokens',
  {
    id: uuidPrimaryKey(),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => invitations.id),
    tokenHash: text('token_hash').notNull(),
    // Which outbox kind issued it (R117): the invitation email or its reminder.
    purpose: text('purpose').$type<InvitationTokenPurpose>().notNull().default('SEND'),
    issuedAt: timestamptz('issued_at').notNull(),
  },
  (t) => [
    unique(UNIQUE_CONSTRAINTS.invitationTokenHash).on(t.tokenHash),
    index('invitation_tokens_invitation_idx').on(t.invitationId),
    check('invitation_tokens_purpose_check', inList(t.purpose, INVITATION_TOKEN_PURPOSES)),
  ]
)

/** A row of {@link invitationTokens} as read. */
export type InvitationTokenRow = typeof invitationTokens.$inferSelect
/** A row of {@link invitationTokens} as inserted. */
export type NewInvitationTokenRow = typeof invitationTokens.$inferInsert
