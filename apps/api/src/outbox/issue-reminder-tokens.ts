import { appliesFromSql, executeRows, type Database } from '@partner-center/db/portable'
import { tokenIssueEventOf, tokenPurposeOf, type AssociationType } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import { randomBytes, randomUUID } from 'node:crypto'
import { hashTokenSync } from '../security/node-token-hash'

/**
 * An invitation whose reminder token was committed (R117), with what the reminder email needs.
 * `token` lives only in memory and in the email; only its SHA-256 is stored.
 */
export interface IssuedReminder {
  invitationId: string
  token: string
  /** Unchanged by the reminder: the expiry of the first send (R51). */
  expiresAt: Date
  recipientEmail: string
  /** The canonical address (R14): the `To` and the SMTP envelope's only recipient. */
  recipientEmailCanonical: string
  locale: 'en' | 'zh-CN'
  associationType: AssociationType
  /** The invitation's own Message-ID, which the reminder answers (`In-Reply-To`). */
  invitationMessageId: string
  partnerName: string
  partnerContactEmail: string | null
  partnerContactMobile: string | null
  customerName: string
}

interface ReminderRow extends Record<string, unknown> {
  id: string
  expires_at: Date | string
  recipient_email: string
  recipient_email_canonical: string
  locale: 'en' | 'zh-CN'
  association_type: AssociationType
  message_id: string
  partner_name: string
  contact_email: string | null
  contact_mobile: string | null
  customer_name: string
}

/**
 * Re-reads the invitations of a claim's `INVITATION_REMINDER` rows and, in one statement,
 * commits a new token (`purpose = REMINDER`, 32 random bytes, SHA-256 stored) for each one still
 * in a from-state of `tokenIssueEventOf('INVITATION_REMINDER')` (`SENT`), sent, and before its
 * `expiresAt` (R117, `decideTokenIssue`). The invitation row itself is not written: `expiresAt`,
 * `sentAt`, `attemptCount` and `lastAttemptAt` stay as the first send left them. The rows are
 * read `FOR SHARE`, so an acceptance, revoke or expiry committing at the same moment either
 * comes first (no token) or waits for this token. Invitations left out of the answer get no
 * token: their outbox rows are cancelled.
 *
 * @example
 * const reminders = await issueReminderTokens(db, { invitationIds, now })
 * const link = `${origin}/invite#${reminders.get(invitationId)?.token}`
 */
export async function issueReminderTokens(
  db: Database,
  options: { invitationIds: readonly string[]; now: Date }
): Promise<Map<string, IssuedReminder>> {
  const ids = [...new Set(options.invitationIds)]
  if (ids.length === 0) return new Map()
  const tokens = new Map(ids.map((id) => [id, randomBytes(32).toString('base64url')]))
  const now = options.now.toISOString()
  const input = sql.join(
    ids.map(
      (id) => sql`(${id}::uuid, ${randomUUID()}::uuid, ${hashTokenSync(tokens.get(id)!)}::text)`
    ),
    sql`, `
  )
  const rows = await executeRows<ReminderRow>(
    db,
    sql`with input(invitation_id, token_id, token_hash) as (values ${input}),
        ready as (
          select i.id from invitations as i join input on input.invitation_id = i.id
           where ${appliesFromSql(sql`i.status`, tokenIssueEventOf('INVITATION_REMINDER'))}
             and i.sent_at is not null
             and i.expires_at > ${now}::timestamptz
             for share of i),
        issued as (
          insert into invitation_tokens (id, invitation_id, token_hash, purpose, issued_at)
          select input.token_id, ready.id, input.token_hash,
                 ${tokenPurposeOf('INVITATION_REMINDER')}::text, ${now}::timestamptz
            from ready join input on input.invitation_id = ready.id
       returning invitation_id)
        select i.id, i.expires_at, i.recipient_email, i.recipient_email_canonical, i.locale,
               i.association_type, i.message_id,
               p.name as partner_name, p.contact_email, p.contact_mobile, r.customer_name
          from issued
          join invitations as i on i.id = issued.invitation_id
          join partners as p on p.id = i.partner_id
          join pre_registrations as r on r.id = i.preregistration_id`
  )
  return new Map(
    rows.map((row) => [
      row.id,
      {
        invitationId: row.id,
        token: tokens.get(row.id)!,
        expiresAt: new Date(row.expires_at),
        recipientEmail: row.recipient_email,
        recipientEmailCanonical: row.recipient_email_canonical,
        locale: row.locale,
        associationType: row.association_type,
        invitationMessageId: row.message_id,
        partnerName: row.partner_name,
        partnerContactEmail: row.contact_email,
        partnerContactMobile: row.contact_mobile,
        customerName: row.customer_name,
      },
    ])
  )
}
