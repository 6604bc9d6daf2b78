import { index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { timestamptz, uuidPrimaryKey } from './columns'
import { UNIQUE_CONSTRAINTS } from './constraints'
import { invitations } from './invitations'

/**
 * One SHA-256 (hex) per delivery attempt of an invitation (R51). The raw token is never stored;
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
    issuedAt: timestamptz('issued_at').notNull(),
  },
  (t) => [
    unique(UNIQUE_CONSTRAINTS.invitationTokenHash).on(t.tokenHash),
    index('invitation_tokens_invitation_idx').on(t.invitationId),
  ]
)

/** A row of {@link invitationTokens} as read. */
export type InvitationTokenRow = typeof invitationTokens.$inferSelect
/** A row of {@link invitationTokens} as inserted. */
export type NewInvitationTokenRow = typeof invitationTokens.$inferInsert
